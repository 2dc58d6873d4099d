"""The operator is warned before the first edit of a signed file: continue / save a copy / cancel.

Edits are real clicks on the answer buttons; the question is answered through the test dialog log
(an unexpected question fails the test, so "asked once" is checked by asking nothing more).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from tests.ui.conftest import DialogLog
from tests.ui.helpers import first_editor
from veu_assess.catalog.loader import Catalog
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.review import sign_off, signoff_status
from veu_assess.storage.document import new_document
from veu_assess.storage.veua import open_document
from veu_assess.storage.writer import save_document
from veu_assess.ui.dialogs import SignedEditChoice
from veu_assess.ui.editors import AnswerEditor
from veu_assess.ui.labels import STATE_ORDER
from veu_assess.ui.main_window import MainWindow


def _signed_file(catalog: Catalog, tmp_path: Path, signed: bool = True) -> Path:
    doc = new_document(catalog, title="Signed", today=dt.date(2026, 11, 20))
    rid = next(r.id for _, r in catalog.iter_requirements())
    doc.assessment.set_answer(rid, Answer(state=AnswerState.MET))
    if signed:
        sign_off(doc, "Aiko Auditor", "Audit KK", date=dt.date(2026, 11, 25))
    path = tmp_path / "signed.veua"
    save_document(doc, path)
    return path


def _click(qtbot: Any, editor: AnswerEditor, state: AnswerState) -> None:
    button = editor.state.buttons[STATE_ORDER.index(state)]
    page = editor.parentWidget()
    while page is not None and not hasattr(page, "ensureWidgetVisible"):
        page = page.parentWidget()
    assert page is not None
    page.ensureWidgetVisible(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_first_edit_of_a_signed_file_asks_and_cancel_changes_nothing(
        qtbot: Any, window: MainWindow, catalog: Catalog, dialog_log: DialogLog, tmp_path: Path) -> None:
    path = _signed_file(catalog, tmp_path)
    window.files.open_now(path)
    editor = first_editor(window)
    session = window.session
    assert session is not None
    before = session.answer(editor.key)

    dialog_log.answers["edit_signed"] = [SignedEditChoice.CANCEL]
    _click(qtbot, editor, AnswerState.NOT_MET)
    assert session.answer(editor.key) == before and not session.modified
    assert editor.state.currentData() is before.state  # the buttons show what is recorded
    assert all(st.intact for st in signoff_status(session.document))

    dialog_log.answers["edit_signed"] = [SignedEditChoice.CONTINUE]
    _click(qtbot, editor, AnswerState.NOT_MET)
    assert session.answer(editor.key).state is AnswerState.NOT_MET
    assert not dialog_log.answers["edit_signed"]  # asked
    _click(qtbot, editor, AnswerState.UNCERTAIN)  # not asked again (an unexpected question fails)
    assert session.answer(editor.key).state is AnswerState.UNCERTAIN
    assert not any(st.intact for st in signoff_status(session.document))


def test_save_a_copy_keeps_the_signed_file_and_goes_on_in_the_copy(
        qtbot: Any, window: MainWindow, catalog: Catalog, dialog_log: DialogLog, tmp_path: Path) -> None:
    path = _signed_file(catalog, tmp_path)
    original = path.read_bytes()
    window.files.open_now(path)
    editor = first_editor(window)
    session = window.session
    assert session is not None
    copy = tmp_path / "working copy.veua"
    dialog_log.answers["edit_signed"] = [SignedEditChoice.SAVE_COPY]
    dialog_log.answers["save_path"] = [copy]
    with qtbot.waitSignal(window.files.saveFinished, timeout=30_000) as outcome:
        _click(qtbot, editor, AnswerState.NOT_MET)
    assert outcome.args == [True]
    assert session.answer(editor.key).state is AnswerState.NOT_MET
    assert session.path == copy and session.modified  # the edit is in the copy, not yet saved
    assert path.read_bytes() == original  # the signed file is as it was
    saved_copy = open_document(copy)
    assert all(st.intact for st in signoff_status(saved_copy))  # the copy starts as the signed content


def test_an_unsigned_file_is_edited_without_a_question(
        qtbot: Any, window: MainWindow, catalog: Catalog, tmp_path: Path) -> None:
    window.files.open_now(_signed_file(catalog, tmp_path, signed=False))
    editor = first_editor(window)
    _click(qtbot, editor, AnswerState.NOT_MET)
    assert window.session is not None and window.session.answer(editor.key).state is AnswerState.NOT_MET
