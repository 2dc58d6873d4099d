"""A stale verdict shows on its card's marker, the "changed after sign-off" warning says how many
items changed (en and ja, plural forms), and the Review page hashes the content once however many
sign-offs the file has.

Real clicks on the answer buttons; the operator continues past the signed-file question.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAccessible

from tests.ui.conftest import DialogLog
from tests.ui.helpers import language, section_indexes
from tests.ui.test_signed_edit import _click
from tests.ui_review.test_changed_since_signoff import _reviewed_and_signed
from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import QuestionType
from veu_assess.model.assessment import AnswerState
from veu_assess.model.review import SignOff
from veu_assess.storage import document as document_module
from veu_assess.ui.dialogs import SignedEditChoice
from veu_assess.ui.editors import AnswerEditor
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.requirement_panel import RequirementPanel
from veu_assess.ui.section_page import SectionPage
from veu_assess.ui.widgets import error_colour


def _single_item_cards(window: MainWindow, count: int) -> list[tuple[RequirementPanel, AnswerEditor]]:
    """``count`` cards with one state question each (one verdict behind each marker)."""
    found: list[tuple[RequirementPanel, AnswerEditor]] = []
    for index in section_indexes(window):
        window.navigator.go_to(index)
        page = window.navigator.pages[index]
        assert isinstance(page, SectionPage)
        for card in page.panels:
            if len(card.editors) == 1 and card.requirement.question_type is QuestionType.STATE:
                found.append((card, card.editors[0]))
                if len(found) == count:
                    return found
    raise AssertionError("not enough single-item cards")


def _edit(qtbot: Any, window: MainWindow, editor: AnswerEditor, dialog_log: DialogLog) -> None:
    window.navigator.go_to_item(editor.key)
    dialog_log.answers["edit_signed"] = [SignedEditChoice.CONTINUE]
    _click(qtbot, editor, AnswerState.PARTIALLY_MET)
    assert editor.session.answer(editor.key).state is AnswerState.PARTIALLY_MET


def test_the_card_marker_shows_a_stale_verdict(qtbot: Any, window: MainWindow, catalog: Catalog,
                                               dialog_log: DialogLog, tmp_path: Path, english: None) -> None:
    window.files.open_now(_reviewed_and_signed(catalog, tmp_path / "signed.veua"))
    [(card, editor), (other, _)] = _single_item_cards(window, 2)
    assert card.marker.text() == "✓ Answered · Accepted" and card.marker.styleSheet() == ""
    _edit(qtbot, window, editor, dialog_log)
    assert card.marker.text() == "✓ Answered · Accepted · ⚠ 1 verdict stale"
    assert error_colour() in card.marker.styleSheet()  # in the colour of the note beside the verdict
    iface = QAccessible.queryAccessibleInterface(card.marker)
    assert iface.text(QAccessible.Text.Name) == card.marker.text()  # heard as it is shown
    assert "stale" not in other.marker.text()  # only the card whose answer changed
    with language(window, "ja"):
        card.update_marker()
        assert card.marker.text().endswith("⚠ 要再確認の判定 1 件")
    session = window.session
    assert session is not None
    session.undo_stack.undo()
    assert card.marker.text() == "✓ Answered · Accepted" and card.marker.styleSheet() == ""


def test_the_changed_after_signoff_warning_counts_the_items(qtbot: Any, window: MainWindow, catalog: Catalog,
                                                            dialog_log: DialogLog, tmp_path: Path,
                                                            english: None) -> None:
    window.files.open_now(_reviewed_and_signed(catalog, tmp_path / "signed.veua"))
    [(_, first), (_, second)] = _single_item_cards(window, 2)
    review = window.navigator.pages.review
    _edit(qtbot, window, first, dialog_log)
    assert window.signoff_warning.text() == "Changed after sign-off on 2026-11-25: 1 item"
    assert review.signoff_banner.text() == "Changed after sign-off on 2026-11-25: 1 item differs from what was signed."
    _edit(qtbot, window, second, dialog_log)
    assert window.signoff_warning.text() == "Changed after sign-off on 2026-11-25: 2 items"
    assert review.signoff_banner.text() == ("Changed after sign-off on 2026-11-25: 2 items differ from what "
                                            "was signed.")
    assert window.signoff_warning.accessibleName() == window.signoff_warning.text()
    with language(window, "ja"):
        window.update_signoff_state()
        assert window.signoff_warning.text() == "2026-11-25 の署名後に変更されています：2 項目"
        assert review.signoff_banner.text() == ("2026-11-25 の署名後に変更されています：2 項目が署名時の内容と"
                                                "異なります。")


def test_the_review_page_hashes_the_content_once_for_all_signoffs(
        window: MainWindow, catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window.files.open_now(_reviewed_and_signed(catalog, tmp_path / "signed.veua"))
    session = window.session
    assert session is not None
    doc = session.document
    signed = doc.review.signoffs[0]
    doc.review.signoffs = [signed] + [SignOff(name=f"S{i}", date=dt.date(2026, 11, 26), digest="0" * 64)
                                      for i in range(19)]
    review = window.navigator.pages.review
    window.navigator.show_page(review)
    real, calls = document_module.content_digest, []
    monkeypatch.setattr(document_module, "content_digest", lambda a: calls.append(1) or real(a))
    review.show_review()
    assert review.signoffs.rowCount() == 20
    # The page's own hash, the signatures' check and the integrity warning: not one per sign-off (41).
    assert len(calls) <= 4, len(calls)
