"""Progress you can act on: "Next unanswered" (Ctrl+J and a button) lands on the next open answer,
the Review page lists what is unanswered with a jump, the side list counts verdicts in review mode.
Keys and clicks are real events."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import section_indexes
from veu_assess.catalog.loader import Catalog
from veu_assess.model.assessment import AnswerState
from veu_assess.storage.document import new_document
from veu_assess.ui.editors import AnswerEditor
from veu_assess.ui.labels import STATE_ORDER
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.session import Session
from veu_assess.ui.unanswered import next_unanswered_key


def _focused_editor() -> AnswerEditor | None:
    widget = QApplication.focusWidget()
    while widget is not None and not isinstance(widget, AnswerEditor):
        widget = widget.parentWidget()
    return widget


def test_next_unanswered_by_shortcut_and_button(qtbot: Any, window: MainWindow) -> None:
    session = window.session
    assert session is not None
    window.navigator.go_to(0)  # the profile
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    first = _focused_editor()
    assert first is not None and first.key == session.result.unanswered[0].key
    assert first.state.buttons[0].hasFocus()  # on the answer itself: arrows choose at once
    qtbot.mouseClick(first.state.buttons[STATE_ORDER.index(AnswerState.MET)], Qt.MouseButton.LeftButton)
    first.state.buttons[STATE_ORDER.index(AnswerState.MET)].setFocus()
    qtbot.mouseClick(window.navigator.unanswered_button, Qt.MouseButton.LeftButton)
    second = _focused_editor()
    assert second is not None and second.key != first.key
    assert session.answer(second.key).state is AnswerState.UNANSWERED
    assert second.key == next_unanswered_key(session.result, first.key)
    assert window.navigator.unanswered_button.accessibleName() == window.navigator.unanswered_button.text()


def test_next_unanswered_wraps_and_stops_when_all_answered(catalog: Catalog) -> None:
    session = Session(catalog, new_document(catalog))
    result = session.result
    keys = [it.key for it in result.unanswered]
    assert next_unanswered_key(result, keys[-1]) == keys[0]  # wraps to the beginning
    for key in keys:
        session.set_answer(key, session.answer(key).model_copy(update={"state": AnswerState.MET}))
    assert next_unanswered_key(session.result) is None


def test_review_page_lists_unanswered_with_a_jump(qtbot: Any, window: MainWindow) -> None:
    session = window.session
    assert session is not None
    window.navigator.show_page(window.navigator.pages.review)
    listing = window.navigator.pages.review.unanswered
    assert listing.list.count() == len(session.result.unanswered) > 0
    assert str(len(session.result.unanswered)) in listing.heading.text()
    listing.list.setFocus()
    listing.list.setCurrentRow(2)
    qtbot.keyClick(listing.list, Qt.Key.Key_Return)
    editor = _focused_editor()
    assert editor is not None and editor.key == session.result.unanswered[2].key


def test_side_list_counts_verdicts_in_review_mode(qtbot: Any, window: MainWindow, catalog: Catalog) -> None:
    window.set_session(Session(catalog, new_document(catalog, title="Review"), review_mode=True))
    session = window.session
    assert session is not None
    session.set_reviewer("Aiko Auditor", "")
    index = section_indexes(window)[0]
    window.navigator.go_to(index)
    page = window.navigator.pages[index]
    total = sum(len(p.items) for p in page.panels)  # type: ignore[attr-defined]
    row = window.navigator.nav.item(index)
    assert f"reviewed 0/{total}" in row.text()
    panel = page.panels[0].review_panels[0]  # type: ignore[attr-defined]
    page.ensureWidgetVisible(panel.verdict)  # type: ignore[attr-defined]
    panel.verdict.setFocus()
    qtbot.keyClick(panel.verdict, Qt.Key.Key_Down)  # Accepted
    assert f"reviewed 1/{total}" in row.text()
    assert "Accepted" in page.panels[0].marker.text()  # type: ignore[attr-defined]
