"""Files: save, close, reopen; the unsaved-changes mark and prompt; bad files; recent files;
drag and drop; evidence attached, saved, reopened and opened for viewing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent

from tests.ui.conftest import DialogLog
from tests.ui.helpers import choose, drop_event, first_editor, saved
from veu_assess.model.assessment import AnswerState
from veu_assess.storage.digest import content_digest
from veu_assess.ui import dialogs
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.profile_page import ProfilePage


def _edit_and_save(qtbot: Any, window: MainWindow, dialog_log: DialogLog, path: Path) -> str:
    editor = first_editor(window)
    choose(editor, AnswerState.PARTIALLY_MET)
    editor.notes.setPlainText("Badge logs kept 90 days; 監視記録あり")
    profile = window.navigator.pages[0]
    assert isinstance(profile, ProfilePage)
    qtbot.mouseClick(profile.add_site_button, Qt.MouseButton.LeftButton)
    assert "[*]" in window.windowTitle() and window.isWindowModified()
    dialog_log.answers["save_path"] = [path]
    assert saved(qtbot, window, window.menus.save_action.trigger)
    assert path.is_file()
    assert not window.isWindowModified()
    assert window.windowTitle().startswith(path.name)
    assert window.session is not None
    return content_digest(window.session.document.assessment)


def test_save_close_reopen_identical(qtbot: Any, window: MainWindow, dialog_log: DialogLog, tmp_path: Path) -> None:
    path = tmp_path / "my assessment.veua"
    digest = _edit_and_save(qtbot, window, dialog_log, path)
    window.menus.close_action.trigger()
    assert window.session is not None and window.session.path is None
    assert dialog_log.save_prompts == []  # nothing unsaved: no question
    dialog_log.answers["open_path"] = [path]
    with qtbot.waitSignal(window.files.documentOpened, timeout=10_000):
        window.menus.open_action.trigger()
    assert content_digest(window.session.document.assessment) == digest
    assert not window.isWindowModified()
    editor = first_editor(window)
    assert editor.state.currentData() == AnswerState.PARTIALLY_MET
    assert editor.notes.toPlainText() == "Badge logs kept 90 days; 監視記録あり"
    # The file is now in Open Recent.
    recent = [a.toolTip() for a in window.files.recent_menu.actions() if a.toolTip()]
    assert str(path.resolve()) in recent


def test_unsaved_changes_prompt(qtbot: Any, window: MainWindow, dialog_log: DialogLog, tmp_path: Path) -> None:
    choose(first_editor(window), AnswerState.MET)
    dialog_log.answers["save"] = [dialogs.SaveChoice.CANCEL]
    event = QCloseEvent()
    window.closeEvent(event)
    assert not event.isAccepted()
    assert dialog_log.save_prompts == ["Untitled"]
    # Save from the prompt: asks for a name, saves, then closes.
    dialog_log.answers["save"] = [dialogs.SaveChoice.SAVE]
    dialog_log.answers["save_path"] = [tmp_path / "saved.veua"]
    event = QCloseEvent()
    with qtbot.waitSignal(window.files.saveFinished, timeout=30_000) as outcome:
        window.closeEvent(event)
    assert not event.isAccepted()  # not yet: the window closes when the save has succeeded
    assert outcome.args == [True] and (tmp_path / "saved.veua").is_file()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_corrupt_file_shows_error_and_app_stays_usable(
    qtbot: Any, window: MainWindow, dialog_log: DialogLog, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.veua"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    with qtbot.waitSignal(window.files.openFailed, timeout=10_000) as blocker:
        window.files.open_path(bad)
    assert len(dialog_log.errors) == 1
    title, message = dialog_log.errors[0]
    assert "broken.veua" in title
    assert message == blocker.args[0] and message  # the storage layer's own message
    central = window.centralWidget()
    assert central is not None and central.isEnabled()
    editor = first_editor(window)
    choose(editor, AnswerState.MET)
    assert window.session is not None and window.session.answer(editor.key).state is AnswerState.MET


def test_drop_veua_file_opens_it(qtbot: Any, window: MainWindow, dialog_log: DialogLog, tmp_path: Path) -> None:
    path = tmp_path / "dropped.veua"
    _edit_and_save(qtbot, window, dialog_log, path)
    window.files.close_file()
    with qtbot.waitSignal(window.files.documentOpened, timeout=10_000):
        window.dropEvent(drop_event(path))
    assert window.session is not None and window.session.path == path


def test_evidence_attach_save_reopen_and_open(
    qtbot: Any, window: MainWindow, dialog_log: DialogLog, tmp_path: Path
) -> None:
    proof = tmp_path / "入退室記録.pdf"
    proof.write_bytes(b"%PDF-1.4 badge log\n" * 100)
    editor = first_editor(window)
    dialog_log.answers["evidence_paths"] = [[proof]]
    with qtbot.waitSignal(editor.evidence.attached, timeout=10_000):
        qtbot.mouseClick(editor.evidence.add_button, Qt.MouseButton.LeftButton)
    assert window.session is not None
    refs = window.session.answer(editor.key).evidence
    assert [r.filename for r in refs] == ["入退室記録.pdf"] and refs[0].size == proof.stat().st_size
    assert refs[0].sha256[:16] in editor.evidence.list.item(0).text()
    assert "1.9 KB" in editor.evidence.list.item(0).text()

    path = tmp_path / "with-evidence.veua"
    dialog_log.answers["save_path"] = [path]
    assert saved(qtbot, window, window.files.save_as)
    proof.unlink()  # the saved file carries the evidence now
    window.files.close_file()
    with qtbot.waitSignal(window.files.documentOpened, timeout=10_000):
        window.files.open_path(path)
    editor = first_editor(window)
    editor.evidence.list.setCurrentRow(0)
    qtbot.mouseClick(editor.evidence.open_button, Qt.MouseButton.LeftButton)
    assert len(dialog_log.opened_urls) == 1
    opened = Path(dialog_log.opened_urls[0])
    assert opened.name == "入退室記録.pdf"
    assert opened.read_bytes() == b"%PDF-1.4 badge log\n" * 100
    assert tmp_path not in opened.parents  # extracted into the app's own temporary folder

    qtbot.mouseClick(editor.evidence.remove_button, Qt.MouseButton.LeftButton)
    assert window.session.answer(editor.key).evidence == []
    window.menus.undo_action.trigger()
    assert len(window.session.answer(editor.key).evidence) == 1


def test_report_page_exports_pdf_and_csv(
    qtbot: Any, window: MainWindow, dialog_log: DialogLog, tmp_path: Path
) -> None:
    choose(first_editor(window), AnswerState.NOT_MET)
    window.navigator.go_to(len(window.navigator.pages) - 1)
    page = window.navigator.pages.report
    assert page.pdf_button.isEnabled() and page.csv_button.isEnabled()
    rid = first_editor(window).item.requirement.id
    preview = page.preview.toPlainText()
    assert preview.startswith("VEU readiness: ") and "Readiness level: " in preview and f"{rid} " in preview
    dialog_log.answers["export_path"] = [tmp_path / "report.pdf", tmp_path / "gaps.csv"]
    with qtbot.waitSignal(page.task_finished, timeout=60_000):
        qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    pdf = "\n".join(p.extract_text() or "" for p in PdfReader(tmp_path / "report.pdf").pages)
    assert "Data Center VEU readiness report" in pdf and rid in pdf
    with qtbot.waitSignal(page.task_finished, timeout=30_000):
        qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    text = (tmp_path / "gaps.csv").read_text(encoding="utf-8-sig")
    assert rid in text
    assert "Wrote" in page.status.text() and dialog_log.errors == []
