"""Saving runs off the GUI thread: the window keeps painting (timers fire) while a slow save runs,
user input meanwhile is held back so nothing edits the document being written, and save() still
returns the outcome to its caller."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from tests.ui.conftest import DialogLog
from tests.ui.helpers import choose, first_editor
from veu_assess.model.assessment import AnswerState
from veu_assess.ui import file_actions
from veu_assess.ui.main_window import MainWindow


def test_a_slow_save_keeps_the_window_alive_and_holds_input(qtbot: Any, window: MainWindow, tmp_path: Path,
                                                             dialog_log: DialogLog,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    editor = first_editor(window)
    choose(editor, AnswerState.MET)
    assert window.session is not None
    before = window.session.answer(editor.key)
    release, on_gui_thread = threading.Event(), []
    real_save = file_actions.save_document

    def slow_save(doc: Any, path: Path) -> None:
        assert release.wait(30)
        real_save(doc, path)

    monkeypatch.setattr(file_actions, "save_document", slow_save)

    def during_save() -> None:
        on_gui_thread.append(window.isWindowModified())
        editor.state.setFocus()
        QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo: must not happen
        QTest.keyClick(editor.state, Qt.Key.Key_Down)  # a new answer: must not happen
        release.set()

    QTimer.singleShot(50, during_save)
    dialog_log.answers["save_path"] = [tmp_path / "slow.veua"]
    assert window.save()  # returns only when the save is done, with its outcome
    assert on_gui_thread == [True]  # the timer fired while the save was running
    assert window.session.answer(editor.key) == before
    assert not window.isWindowModified()
    assert (tmp_path / "slow.veua").is_file()


def test_a_failed_background_save_reports_and_keeps_the_changes(window: MainWindow, tmp_path: Path,
                                                                dialog_log: DialogLog) -> None:
    editor = first_editor(window)
    choose(editor, AnswerState.NOT_MET)
    dialog_log.answers["save_path"] = [tmp_path / "missing-folder" / "x.veua"]
    assert not window.save()
    assert dialog_log.errors and dialog_log.errors[-1][0].startswith("Cannot save")
    assert window.isWindowModified()
