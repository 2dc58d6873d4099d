"""The auditor's review in the real main window, on real files, by two users in turn.

Operator saves -> auditor opens for review, records a verdict, signs off, saves -> operator opens,
sees the verdict read-only, changes an answer, saves -> auditor opens again: "changed after
sign-off" in the app and in ``veu-assess validate``, and the comparison lists exactly that change.
Also: review mode cannot alter the operator's answers through any control of the window.
"""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import DialogLog
from tests.ui.helpers import choose, first_editor, saved
from veu_assess.catalog.loader import Catalog
from veu_assess.cli.main import run
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.model.review import VerdictState
from veu_assess.storage.document import new_document
from veu_assess.storage.veua import open_document
from veu_assess.ui import workers
from veu_assess.ui.dialogs import SignedEditChoice
from veu_assess.ui.editors import AnswerEditor
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.profile_page import ProfilePage
from veu_assess.ui.requirement_panel import RequirementPanel
from veu_assess.ui.review import ReviewPanel
from veu_assess.ui.section_page import SectionPage
from veu_assess.ui.session import Session
from veu_assess.ui.settings import UiSettings

pytestmark = pytest.mark.gui


@pytest.fixture
def make_window(qtbot: Any, catalog: Catalog) -> Iterator[Any]:
    def make() -> MainWindow:
        win = MainWindow(catalog, UiSettings(), None, lang="en")
        win.set_session(Session(catalog, new_document(catalog, title="Round trip")))
        qtbot.addWidget(win)
        win.resize(1100, 800)
        win.show()
        qtbot.waitExposed(win)
        return win

    yield make
    workers.wait_for_all()


def _open(qtbot: Any, win: MainWindow, dialog_log: DialogLog, path: Path, review: bool) -> None:
    dialog_log.answers["open_path"] = [path]
    with qtbot.waitSignal(win.files.documentOpened, timeout=10_000):
        (win.menus.open_review_action if review else win.menus.open_action).trigger()
    assert win.session is not None and win.session.review_mode is review


def _panel_of(win: MainWindow, editor: AnswerEditor) -> RequirementPanel:
    page = win.navigator.current_page()
    assert isinstance(page, SectionPage)
    return next(p for p in page.panels if editor in p.editors)


def _assessment_json(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read("assessment.json")


def test_operator_auditor_round_trip(
    qtbot: Any, make_window: Any, dialog_log: DialogLog, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    english: None,
) -> None:
    path = tmp_path / "site assessment.veua"
    # 1. The operator answers and saves.
    operator = make_window()
    editor = first_editor(operator)
    key = editor.key
    choose(editor, AnswerState.MET)
    editor.notes.setPlainText("Policy signed by the board")
    dialog_log.answers["save_path"] = [path]
    assert saved(qtbot, operator, operator.menus.save_action.trigger)
    operator_json = _assessment_json(path)

    # 2. The auditor opens it for review, rejects that answer, signs off and saves.
    auditor = make_window()
    _open(qtbot, auditor, dialog_log, path, review=True)
    assert "(review)" in auditor.windowTitle()
    a_editor = first_editor(auditor)
    assert not any(b.isEnabled() for b in a_editor.state.buttons) and a_editor.notes.isReadOnly()
    # The operator's answer reads as text in its colour (no greyed control), without the hints.
    assert a_editor.state.text.text() == "Met" and all(b.isHidden() for b in a_editor.state.buttons)
    assert a_editor.justification.placeholderText() == ""
    review = _panel_of(auditor, a_editor).review_panel(key)
    assert isinstance(review, ReviewPanel) and review.mode == "auditor"
    banner = _section(auditor).banner  # the auditor says who they are, once
    assert banner is not None
    who = banner.ask()
    who.name.setText("Aiko Auditor")
    who.organisation.setText("Audit KK")
    who.accept()
    review.verdict.setCurrentIndex(review.verdict.findData(VerdictState.REJECTED))
    review.comment.setPlainText("The policy is not signed; attach the signed copy.")
    assert auditor.isWindowModified()
    assert auditor.session is not None
    verdict = auditor.session.document.review.verdicts[key]
    assert verdict.state is VerdictState.REJECTED and "signed copy" in verdict.comment
    assert verdict.reviewer == "Aiko Auditor (Audit KK)"
    auditor.menus.undo_action.trigger()  # the verdict edit is one undo step...
    assert key not in auditor.session.document.review.verdicts
    assert review.verdict.currentData() is None
    auditor.menus.redo_action.trigger()  # ...and comes back
    assert auditor.session.document.review.verdicts[key].comment == verdict.comment
    dialog = auditor.show_sign_off()
    assert dialog is not None
    assert dialog.name.text() == "Aiko Auditor"  # the reviewer identity, already filled in
    dialog.confirm_coverage.setChecked(True)  # one verdict of many
    dialog.name.setText("Aiko Auditor")
    dialog.organisation.setText("Audit KK")
    with qtbot.waitSignal(dialog.signedOff):
        dialog.accept()
    assert auditor.isWindowModified()
    assert auditor.signoff_warning.isHidden()
    assert auditor.navigator.pages.review.signoffs.status_texts() == ["intact"]
    assert saved(qtbot, auditor, auditor.menus.save_action.trigger)
    assert not auditor.isWindowModified()
    assert _assessment_json(path) == operator_json  # the review never touched the answers
    reviewed = tmp_path / "reviewed copy.veua"
    shutil.copy(path, reviewed)

    # 3. The operator opens it, sees the verdict read-only, changes another answer and saves.
    _open(qtbot, operator, dialog_log, path, review=False)
    o_editor = first_editor(operator)
    seen = _panel_of(operator, o_editor).review_panel(key)
    assert isinstance(seen, ReviewPanel) and seen.mode == "operator"
    assert seen.verdict_label.text() == "Rejected"
    assert seen.comment_label.text() == "The policy is not signed; attach the signed copy."
    assert seen.verdict.isHidden() and seen.comment.isHidden()
    dialog_log.answers["edit_signed"] = [SignedEditChoice.CONTINUE]  # warned first: the file is signed
    choose(o_editor, AnswerState.PARTIALLY_MET)
    assert not dialog_log.answers["edit_signed"]
    assert saved(qtbot, operator, operator.menus.save_action.trigger)
    assert not operator.isWindowModified()

    # 4. The auditor opens it again: changed after sign-off, in the app, in validate, in compare.
    _open(qtbot, auditor, dialog_log, path, review=True)
    expected = f"Changed after sign-off on {dt.date.today().isoformat()}: 1 item"  # the one answer changed
    assert auditor.signoff_warning.text() == expected and auditor.signoff_warning.isVisibleTo(auditor)
    assert auditor.navigator.pages.review.signoff_banner.text().startswith(expected)
    assert not auditor.navigator.pages.review.signoff_banner.isHidden()
    statuses = auditor.navigator.pages.review.signoffs.status_texts()
    assert statuses == [f"changed after sign-off on {dt.date.today().isoformat()}"]
    capsys.readouterr()
    run(["validate", str(path)])
    assert f"changed after sign-off on {dt.date.today().isoformat()}" in capsys.readouterr().out
    dialog_log.answers["open_path"] = [reviewed]
    auditor.menus.compare_action.trigger()
    view = auditor.compare_view
    assert view is not None
    rows = view.row_texts()
    assert len(rows) == 1 and rows[0][0].startswith(key + " ")
    assert rows[0][2:4] == ["Met", "Partially met"]
    with qtbot.waitSignal(auditor.navigator.pageChanged):
        view.goToItem.emit(key)
    assert any(key in e.key for p in _section(auditor).panels for e in p.editors)


def _section(win: MainWindow) -> SectionPage:
    page = win.navigator.current_page()
    assert isinstance(page, SectionPage)
    return page


def test_review_mode_cannot_alter_answers(qtbot: Any, make_window: Any, dialog_log: DialogLog, tmp_path: Path) -> None:
    path = tmp_path / "answers.veua"
    operator = make_window()
    editor = first_editor(operator)
    choose(editor, AnswerState.NOT_MET)
    editor.owner.setText("Facilities")
    dialog_log.answers["save_path"] = [path]
    assert saved(qtbot, operator, operator.menus.save_action.trigger)
    before_json = _assessment_json(path)
    before_digest = open_document(path).digest()

    auditor = make_window()
    _open(qtbot, auditor, dialog_log, path, review=True)
    session = auditor.session
    assert session is not None
    refused: list[str] = []
    session.editRefused.connect(refused.append)
    a = first_editor(auditor)
    # Every control of the answer: locked, and even when driven directly nothing changes.
    assert not any(b.isEnabled() for b in a.state.buttons) and not a.review.isEnabled() and not a.has_due.isEnabled()
    assert a.justification.isReadOnly() and a.notes.isReadOnly() and a.owner.isReadOnly()
    assert not a.evidence.add_button.isEnabled() and not a.evidence.remove_button.isEnabled()
    choose(a, AnswerState.MET)
    a.notes.setPlainText("auditor typed here")
    a.review.setChecked(True)
    a.owner.setText("someone else")
    qtbot.keyClicks(a.owner, "x")
    a.has_due.setChecked(True)
    evidence_file = tmp_path / "evidence.txt"
    evidence_file.write_text("log", encoding="utf-8")
    a.evidence.add_files([evidence_file])
    session.set_answer(a.key, Answer(state=AnswerState.MET))  # the session refuses, whoever asks
    assert refused
    profile = auditor.navigator.pages[0]
    assert isinstance(profile, ProfilePage)
    assert not profile.add_site_button.isEnabled()
    qtbot.mouseClick(profile.add_site_button, Qt.MouseButton.LeftButton)
    session.set_profile(session.document.assessment.profile.model_copy(update={"sites": []}))
    session.set_inventory("hq", [])
    workers.wait_for_all()
    assert session.document.digest() == before_digest
    assert session.answer(a.key).state is AnswerState.NOT_MET
    assert session.undo_stack.count() == 0
    # Saving in review mode writes the operator's answers back byte for byte.
    assert saved(qtbot, auditor, lambda: auditor.files.save_to(path))
    assert _assessment_json(path) == before_json
    assert open_document(path).digest() == before_digest
