"""Crash recovery: autosaved work is offered at the next start and restored unsaved."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from tests.ui.conftest import DialogLog
from tests.ui.helpers import choose, first_editor
from veu_assess.catalog.loader import Catalog
from veu_assess.model.assessment import AnswerState
from veu_assess.storage.document import new_document
from veu_assess.storage.recovery import RecoveryManager
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.session import Session
from veu_assess.ui.settings import UiSettings


def _new_window(qtbot: Any, catalog: Catalog, recovery: RecoveryManager) -> MainWindow:
    win = MainWindow(catalog, UiSettings(), recovery, lang="en")
    win.set_session(Session(catalog, new_document(catalog)))
    qtbot.addWidget(win)
    return win


def test_recovery_after_simulated_crash(
    qtbot: Any, window: MainWindow, catalog: Catalog, dialog_log: DialogLog, tmp_path: Path
) -> None:
    editor = first_editor(window)
    choose(editor, AnswerState.NOT_MET)
    editor.notes.setPlainText("復旧テスト: unsaved notes")
    assert window.autosave_tick() == 1
    assert window.recovery is not None
    # The crash: the process dies now, so its recovery folder stays as it is on disk.
    crashed = tmp_path / "after-crash"
    shutil.copytree(window.recovery.dir, crashed)

    dialog_log.answers["recover"] = [True]
    restarted = _new_window(qtbot, catalog, RecoveryManager(crashed, interval=0.0))
    assert restarted.offer_recovery()
    assert restarted.session is not None
    answer = restarted.session.answer(editor.key)
    assert answer.state is AnswerState.NOT_MET and answer.notes == "復旧テスト: unsaved notes"
    assert restarted.isWindowModified()  # restored work is unsaved work
    restarted_editor = first_editor(restarted)
    assert restarted_editor.notes.toPlainText() == "復旧テスト: unsaved notes"

    # Saving it clears the recovery entry; nothing is offered at the next start.
    dialog_log.answers["save_path"] = [tmp_path / "recovered.veua"]
    assert restarted.save()
    assert not restarted.isWindowModified()
    assert RecoveryManager(crashed).pending() == []


def test_declined_recovery_is_discarded(
    qtbot: Any, window: MainWindow, catalog: Catalog, dialog_log: DialogLog, tmp_path: Path
) -> None:
    choose(first_editor(window), AnswerState.MET)
    assert window.autosave_tick() == 1
    assert window.recovery is not None
    crashed = tmp_path / "after-crash"
    shutil.copytree(window.recovery.dir, crashed)
    dialog_log.answers["recover"] = [False]
    restarted = _new_window(qtbot, catalog, RecoveryManager(crashed))
    assert not restarted.offer_recovery()
    assert restarted.session is not None and restarted.session.document.assessment.answers == {}
    assert RecoveryManager(crashed).pending() == []


def test_clean_close_leaves_nothing_to_recover(qtbot: Any, window: MainWindow) -> None:
    choose(first_editor(window), AnswerState.MET)
    assert window.autosave_tick() == 1
    assert window.recovery is not None
    assert any(window.recovery.dir.iterdir())
    window.close()  # the fixture's dialogs answer "discard"
    assert not any(window.recovery.dir.iterdir())
