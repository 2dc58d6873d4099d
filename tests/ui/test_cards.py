"""A calm page: compact requirement cards whose guidance folds out (remembered, keyboard-operable),
owner and due date in a reserved place, and no horizontal scrolling at 1024×700.

Clicks and keys are real events (pytest-qt); geometry is read after the event loop has laid out.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QScrollArea, QWidget

from tests.ui.helpers import each_page, section_indexes
from veu_assess.catalog.loader import Catalog
from veu_assess.model.assessment import AnswerState
from veu_assess.resources import sample_path
from veu_assess.storage.document import new_document
from veu_assess.ui.labels import STATE_ORDER
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.requirement_panel import RequirementPanel
from veu_assess.ui.section_page import SectionPage
from veu_assess.ui.session import Session
from veu_assess.ui.settings import UiSettings


def _page_with_two_cards(window: MainWindow) -> SectionPage:
    for index in section_indexes(window):
        window.navigator.go_to(index)
        page = window.navigator.pages[index]
        assert isinstance(page, SectionPage)
        if len(page.panels) >= 2 and page.panels[0].editors:
            return page
    raise AssertionError("no section page with two cards")


def _top(widget: QWidget, page: QScrollArea) -> QPoint:
    content = page.widget()
    assert content is not None
    return widget.mapTo(content, QPoint(0, 0))


def test_guidance_folds_out_by_click_and_key_and_is_remembered(qtbot: Any, window: MainWindow) -> None:
    page = _page_with_two_cards(window)
    card = page.panels[0]
    rid = card.requirement.id
    assert not card.details.isVisible()  # folded by default: the page stays calm
    assert rid in card.toggle.text() and card.toggle.accessibleName() == card.toggle.text()
    qtbot.mouseClick(card.toggle, Qt.MouseButton.LeftButton)
    assert card.details.isVisible() and card.citation.isVisible()
    assert rid in UiSettings().open_details()
    # The keyboard folds it again: Tab reaches the toggle, Space and Enter operate it.
    card.toggle.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(card.toggle, Qt.Key.Key_Space)
    assert not card.details.isVisible() and rid not in UiSettings().open_details()
    qtbot.keyClick(card.toggle, Qt.Key.Key_Return)
    assert card.details.isVisible()
    # A new page (another file, the next start) shows the card as the user left it.
    session = window.session
    assert session is not None
    again = RequirementPanel(session, card.requirement, card.items, "en")
    qtbot.addWidget(again)
    assert again.toggle.isChecked() and not again.details.isHidden()


def test_choosing_a_gap_does_not_move_the_next_card(qtbot: Any, window: MainWindow) -> None:
    window.resize(1024, 700)
    page = _page_with_two_cards(window)
    first, second = page.panels[0], page.panels[1]
    editor = first.editors[0]
    assert editor.session.answer(editor.key).state is AnswerState.UNANSWERED
    button = editor.state.buttons[STATE_ORDER.index(AnswerState.PARTIALLY_MET)]
    page.ensureWidgetVisible(button)
    qtbot.wait(20)
    before = (_top(second, page), second.size(), first.size())
    assert not editor.owner.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.wait(20)
    assert editor.session.answer(editor.key).state is AnswerState.PARTIALLY_MET
    assert editor.owner.isVisible()  # the owner and due date appear in their reserved place …
    assert (_top(second, page), second.size(), first.size()) == before  # … and nothing moves


def test_recording_a_verdict_does_not_move_the_next_card(qtbot: Any, window: MainWindow, catalog: Catalog) -> None:
    window.resize(1024, 700)
    window.set_session(Session(catalog, new_document(catalog, title="Review"), review_mode=True))
    assert window.session is not None
    window.session.set_reviewer("Aiko Auditor", "Audit & Co")
    page = _page_with_two_cards(window)
    first, second = page.panels[0], page.panels[1]
    panel = first.review_panels[0]
    page.ensureWidgetVisible(panel.verdict)
    qtbot.wait(20)
    before = (_top(second, page), second.size())
    marker = first.marker.text()
    panel.verdict.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(panel.verdict, Qt.Key.Key_Down)  # "Accepted"
    qtbot.wait(20)
    assert window.session.verdict(panel.key) is not None
    assert "Aiko Auditor" in panel.reviewed_by.text()
    assert first.marker.text() != marker and "Accepted" in first.marker.text()
    assert (_top(second, page), second.size()) == before


def test_card_marker_follows_the_answer(qtbot: Any, window: MainWindow) -> None:
    page = _page_with_two_cards(window)
    card = page.panels[0]
    assert "Not answered" in card.marker.text()
    met = card.editors[0].state.buttons[STATE_ORDER.index(AnswerState.MET)]
    page.ensureWidgetVisible(met)
    qtbot.mouseClick(met, Qt.MouseButton.LeftButton)
    expected = "Answered" if len(card.editors) == 1 else f"1 of {len(card.editors)} answered"
    assert expected in card.marker.text()
    assert "GATE" not in card.tags.text() or "Ineligible" in card.tags.toolTip()


@pytest.mark.parametrize("review", [False, True])
def test_no_page_scrolls_sideways_at_1024_by_700(qtbot: Any, window: MainWindow, catalog: Catalog,
                                                 review: bool) -> None:
    window.set_session(Session(catalog, new_document(catalog, title="Wide"), review_mode=review))
    window.files.open_now(sample_path(), review=review)
    window.resize(1024, 700)
    wide: list[tuple[str, int, str, int]] = []
    looked = {"en": 0, "ja": 0}
    for lang, index, page in each_page(window):
        qtbot.wait(5)
        # A minimum size wider than the screen would hide the overflow past its edge instead.
        assert window.minimumSizeHint().width() <= 1024 and window.width() <= 1024, page.page_title()
        areas = page.findChildren(QScrollArea) + ([page] if isinstance(page, QScrollArea) else [])
        for area in areas:
            if area.isVisible():
                looked[lang] += 1
                if area.horizontalScrollBar().maximum() > 0:
                    wide.append((lang, index, page.page_title(), area.horizontalScrollBar().maximum()))
    assert not wide, wide
    assert min(looked.values()) >= len(window.navigator.pages)  # every page scrolls in an area looked at
