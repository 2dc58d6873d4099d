"""Saving runs off the GUI thread: the window keeps painting (timers fire) while a slow save runs,
user input meanwhile is held back so nothing edits the document being written, and save() still
reports its outcome through saveFinished (no nested event loop: the caller continues from the
signal)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

from tests.ui.conftest import DialogLog
from tests.ui.helpers import choose, first_editor, saved
from veu_assess.model.assessment import AnswerState
from veu_assess.resources import sample_path
from veu_assess.storage.veua import open_document
from veu_assess.ui import file_actions
from veu_assess.ui.main_window import MainWindow


def test_a_slow_save_keeps_the_window_alive_and_holds_input(qtbot: Any, window: MainWindow, tmp_path: Path,
                                                             dialog_log: DialogLog,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    editor = first_editor(window)
    choose(editor, AnswerState.MET)
    assert window.session is not None
    before = window.session.answer(editor.key)
    release, on_gui_thread, still_open = threading.Event(), [], []
    real_save = file_actions.save_document

    def slow_save(doc: Any, path: Path) -> None:
        assert release.wait(30)
        real_save(doc, path)

    monkeypatch.setattr(file_actions, "save_document", slow_save)

    def during_save() -> None:
        on_gui_thread.append(window.isWindowModified())
        editor.state.setFocus()
        QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo: must not happen
        window.close()  # closing mid-save: must not happen
        still_open.append(window.isVisible())
        release.set()

    QTimer.singleShot(50, during_save)
    dialog_log.answers["save_path"] = [tmp_path / "slow.veua"]
    assert saved(qtbot, window, window.files.save)
    assert on_gui_thread == [True]  # the timer fired while the save was running
    assert still_open == [True]
    assert window.session.answer(editor.key) == before
    assert not window.isWindowModified()
    assert (tmp_path / "slow.veua").is_file()


def test_a_failed_background_save_reports_and_keeps_the_changes(qtbot: Any, window: MainWindow, tmp_path: Path,
                                                                dialog_log: DialogLog) -> None:
    editor = first_editor(window)
    choose(editor, AnswerState.NOT_MET)
    dialog_log.answers["save_path"] = [tmp_path / "missing-folder" / "x.veua"]
    assert not saved(qtbot, window, window.files.save)
    assert dialog_log.errors and dialog_log.errors[-1][0].startswith("Cannot save")
    assert window.isWindowModified()


def _slow(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    release = threading.Event()
    real_save = file_actions.save_document

    def slow_save(doc: Any, path: Path) -> None:
        assert release.wait(30)
        real_save(doc, path)

    monkeypatch.setattr(file_actions, "save_document", slow_save)
    return release


def _edit_lands_during_the_next_save(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, str]:
    """Answer one requirement, then make the next save slow and have an edit of that answer land
    while it runs (what a hash that finishes mid-save does: through the session, not through
    input). Returns the session and the answer's key."""
    editor = first_editor(window)
    choose(editor, AnswerState.MET)
    session = window.session
    assert session is not None
    release = _slow(monkeypatch)

    def during_save() -> None:
        session.set_answer(editor.key, session.answer(editor.key).model_copy(update={"notes": "late"}))
        release.set()

    QTimer.singleShot(50, during_save)
    return session, editor.key


def test_an_edit_that_lands_during_a_save_is_kept_and_leaves_the_file_modified(
        qtbot: Any, window: MainWindow, tmp_path: Path, dialog_log: DialogLog,
        monkeypatch: pytest.MonkeyPatch) -> None:
    session, key = _edit_lands_during_the_next_save(window, monkeypatch)
    dialog_log.answers["save_path"] = [tmp_path / "late.veua"]
    assert saved(qtbot, window, window.files.save)
    assert session.answer(key).notes == "late"  # kept in the window
    assert open_document(tmp_path / "late.veua").assessment.answers[key].notes == ""  # not in the file
    assert window.isWindowModified() and session.path == tmp_path / "late.veua"
    assert saved(qtbot, window, window.files.save) and not window.isWindowModified()  # the next save writes it
    assert open_document(tmp_path / "late.veua").assessment.answers[key].notes == "late"


def test_another_window_takes_input_during_a_save(qtbot: Any, window: MainWindow, tmp_path: Path,
                                                  dialog_log: DialogLog, monkeypatch: pytest.MonkeyPatch) -> None:
    # An error box (or any dialog) that opens while the save runs must be usable, or it could
    # never be closed; the main window itself stays held.
    editor = first_editor(window)
    choose(editor, AnswerState.MET)
    release = _slow(monkeypatch)
    dialog = QDialog(window)
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    qtbot.addWidget(dialog)
    typed: list[str] = []

    def during_save() -> None:
        dialog.show()
        QTest.keyClicks(field, "ok")
        QTest.keyClick(dialog, Qt.Key.Key_Escape)  # closes the dialog
        typed.append(field.text())
        typed.append("visible" if dialog.isVisible() else "closed")
        release.set()

    QTimer.singleShot(50, during_save)
    dialog_log.answers["save_path"] = [tmp_path / "dlg.veua"]
    assert saved(qtbot, window, window.files.save)
    assert typed == ["ok", "closed"]


def test_a_file_the_system_opens_during_a_save_opens_after_it(qtbot: Any, window: MainWindow, tmp_path: Path,
                                                              dialog_log: DialogLog,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    editor = first_editor(window)
    choose(editor, AnswerState.MET)
    release = _slow(monkeypatch)

    def during_save() -> None:
        window.files.open_path(sample_path())  # a macOS FileOpen event, say
        release.set()

    QTimer.singleShot(50, during_save)
    dialog_log.answers["save_path"] = [tmp_path / "first.veua"]
    with qtbot.waitSignal(window.files.documentOpened, timeout=10_000) as opened:
        assert window.files.save()  # started; the queued open follows its end
    assert opened.args == [sample_path()]
    assert (tmp_path / "first.veua").is_file()


def test_closing_asks_again_when_an_edit_landed_during_its_save(
        qtbot: Any, window: MainWindow, tmp_path: Path, dialog_log: DialogLog,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from veu_assess.ui import dialogs

    session, key = _edit_lands_during_the_next_save(window, monkeypatch)
    dialog_log.answers["save_path"] = [tmp_path / "close.veua"]
    dialog_log.answers["save"] = [dialogs.SaveChoice.SAVE, dialogs.SaveChoice.CANCEL]
    with qtbot.waitSignal(window.files.saveFinished, timeout=30_000) as outcome:
        assert not window.close()  # not now: saving first
    assert outcome.args == [True]
    # The second prompt (the late edit is not in the file) came from the save's end, was
    # cancelled, and the window stays open.
    qtbot.waitUntil(lambda: len(dialog_log.save_prompts) == 2)
    assert window.isVisible()
    assert len(dialog_log.save_prompts) == 2 and window.isWindowModified()
    assert session.answer(key).notes == "late"


def test_a_file_asked_for_while_another_opens_after_a_save_opens_last(
        qtbot: Any, window: MainWindow, tmp_path: Path, dialog_log: DialogLog,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from veu_assess.ui import dialogs

    editor = first_editor(window)
    choose(editor, AnswerState.MET)
    release = _slow(monkeypatch)
    other = tmp_path / "other.veua"
    other.write_bytes(sample_path().read_bytes())

    def during_save() -> None:
        window.files.open_path(other)  # the system asks for a second file meanwhile
        release.set()

    QTimer.singleShot(50, during_save)
    dialog_log.answers["save_path"] = [tmp_path / "saved.veua"]
    dialog_log.answers["save"] = [dialogs.SaveChoice.SAVE]
    opened: list[Path] = []
    window.files.documentOpened.connect(opened.append)
    window.files.open_path(sample_path())  # "save changes?" → Save, then the sample opens
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=10_000)
    assert opened == [sample_path(), other]
    assert window.session is not None and window.session.path == other
