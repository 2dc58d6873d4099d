"""Change since sign-off in the real window, with real clicks and keys: after the operator edits
one answer of a signed file, that item's verdict is marked stale on its card and the Review page's
"Changed since sign-off" filter lists that item and no other; the auditor confirms the verdict
for the changed answer with one click. A sign-off of an earlier app says which items cannot be
determined."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget

from tests.ui.conftest import DialogLog
from tests.ui.helpers import first_editor
from tests.ui.test_signed_edit import _click
from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import QuestionType, Scope
from veu_assess.engine.scoring import evaluate
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.review import record_verdict, sign_off, verdict_is_stale
from veu_assess.storage.document import new_document
from veu_assess.storage.veua import open_document
from veu_assess.storage.writer import save_document
from veu_assess.ui.dialogs import SignedEditChoice
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.review import ReviewPanel
from veu_assess.ui.section_page import SectionPage
from veu_assess.ui.session import Session

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "veua"


def _reviewed_and_signed(catalog: Catalog, path: Path) -> Path:
    """Every item in scope answered Met, accepted by the auditor, and signed off."""
    doc = new_document(catalog, title="Signed", today=dt.date(2026, 11, 20))
    for it in evaluate(catalog, doc.assessment).items:
        doc.assessment.answers[it.key] = Answer(state=AnswerState.MET)
        record_verdict(doc, it.key, "accepted", reviewer="Aiko Auditor (Audit KK)", date=dt.date(2026, 11, 24))
    sign_off(doc, "Aiko Auditor", "Audit KK", date=dt.date(2026, 11, 25))
    save_document(doc, path)
    return path


def _panel(window: MainWindow, key: str) -> ReviewPanel:
    page = window.navigator.pages.section_holding(key)
    assert isinstance(page, SectionPage)
    panel = next(p for p in page.panels if p.editor(key) is not None).review_panel(key)
    assert panel is not None
    return panel


def _show_changed(qtbot: Any, window: MainWindow) -> QListWidget:
    """Go to the Review page and choose "Changed since sign-off" (the last choice) with the keyboard."""
    review = window.navigator.pages.review
    window.navigator.show_page(review)
    review.ensureWidgetVisible(review.filter)
    review.filter.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(review.filter.hasFocus)
    qtbot.keyClick(review.filter, Qt.Key.Key_End)
    assert review.filter.currentText() == "Changed since sign-off"
    return review.filtered


def _rows(listing: QListWidget) -> list[tuple[str, str]]:
    return [(listing.item(i).data(Qt.ItemDataRole.UserRole), listing.item(i).text()) for i in range(listing.count())]


def test_an_edit_lists_the_item_as_changed_and_marks_its_verdict_stale(
        qtbot: Any, window: MainWindow, catalog: Catalog, dialog_log: DialogLog, tmp_path: Path) -> None:
    window.files.open_now(_reviewed_and_signed(catalog, tmp_path / "signed.veua"))
    editor = first_editor(window)
    key = editor.key
    panel = _panel(window, key)
    assert panel.mode == "operator" and panel.stale_note.isHidden()
    listing = _show_changed(qtbot, window)
    assert _rows(listing) == []
    assert window.navigator.pages.review.filter_note.text() == "Nothing changed since the last sign-off (2026-11-25)."

    window.navigator.go_to_item(key)
    dialog_log.answers["edit_signed"] = [SignedEditChoice.CONTINUE]
    _click(qtbot, editor, AnswerState.PARTIALLY_MET)
    session = window.session
    assert session is not None and session.answer(key).state is AnswerState.PARTIALLY_MET
    assert not panel.stale_note.isHidden()  # beside the verdict on the item's card, at once
    assert panel.stale_note.text() == "Stale: the operator's answer changed after this verdict."
    assert panel.confirm.isHidden()  # the operator cannot confirm a verdict
    others = [it.key for it in session.result.items if it.key != key]
    assert not any(verdict_is_stale(session.document, k) for k in others)

    listing = _show_changed(qtbot, window)
    [(shown_key, text)] = _rows(listing)
    assert shown_key == key and text.endswith("— stale: the item changed after this verdict")
    note = window.navigator.pages.review.filter_note.text()
    assert note == f"Since the last sign-off (2026-11-25): Items changed since this sign-off (1): {key} (changed)."
    # Undo brings the signed answer back: nothing is listed, nothing stale.
    session.undo_stack.undo()
    assert _rows(_show_changed(qtbot, window)) == [] and panel.stale_note.isHidden()


def test_the_auditor_sees_the_stale_verdict_and_confirms_it_with_a_click(
        qtbot: Any, window: MainWindow, catalog: Catalog, tmp_path: Path) -> None:
    path = _reviewed_and_signed(catalog, tmp_path / "signed.veua")
    doc = open_document(path)
    key = next(it.key for it in evaluate(catalog, doc.assessment).items
               if it.requirement.scope is Scope.APPLICANT and it.requirement.question_type is QuestionType.STATE)
    doc.assessment.answers[key] = Answer(state=AnswerState.NOT_MET, notes="lapsed")
    window.set_session(Session(catalog, doc, review_mode=True))
    session = window.session
    assert session is not None
    session.set_reviewer("Ken Auditor", "")
    window.navigator.go_to_item(key)
    panel = _panel(window, key)
    assert panel.mode == "auditor" and not panel.stale_note.isHidden() and not panel.confirm.isHidden()
    page = window.navigator.pages.section_holding(key)
    assert page is not None
    page.ensureWidgetVisible(panel.confirm)
    qtbot.mouseClick(panel.confirm, Qt.MouseButton.LeftButton)
    verdict = session.verdict(key)
    assert verdict is not None and verdict.reviewer == "Ken Auditor" and verdict.state.value == "accepted"
    assert not verdict_is_stale(session.document, key)
    assert panel.stale_note.isHidden() and panel.confirm.isHidden()
    # Still changed since the sign-off (the verdict is new, the signed answer is not): listed, not stale.
    [(shown_key, text)] = _rows(_show_changed(qtbot, window))
    assert shown_key == key and "stale" not in text
    session.undo_stack.undo()  # the old verdict comes back, stale again
    assert verdict_is_stale(session.document, key) and not panel.stale_note.isHidden()


def test_a_sign_off_of_an_earlier_app_says_which_items_cannot_be_determined(
        qtbot: Any, window: MainWindow, catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "v1.veua"
    shutil.copy(FIXTURES / "v1-full.veua", path)
    doc = open_document(path)
    key = next(iter(doc.review.verdicts))
    doc.assessment.answers[key] = Answer(state=AnswerState.NOT_MET, notes="changed")
    window.set_session(Session(catalog, doc, review_mode=True))
    assert _rows(_show_changed(qtbot, window)) == []
    note = window.navigator.pages.review.filter_note
    assert not note.isHidden()
    assert note.text() == ("Since the last sign-off (2026-11-28): Which items changed cannot be determined for this "
                           "sign-off: it was made by an earlier version of the app that did not record its items.")
