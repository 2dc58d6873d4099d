"""Crash recovery: autosaved work is offered at the next start and restored unsaved."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

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


def test_new_evidence_is_copied_for_recovery_off_the_gui_thread(
        qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Attaching 500 MB and then autosaving once froze the window for about 1.4 s while the file
    # was copied into the recovery entry; the copy now runs on a worker, the autosave after it.
    import threading

    from veu_assess.storage import recovery as recovery_module
    from veu_assess.storage.digest import sha256_stream
    from veu_assess.ui.evidence import attach_hashed

    threads: list[bool] = []
    real_copy = recovery_module._copy_atomic

    def copy(src: Path, dst: Path) -> None:
        threads.append(threading.current_thread() is threading.main_thread())
        real_copy(src, dst)

    monkeypatch.setattr(recovery_module, "_copy_atomic", copy)
    editor = first_editor(window)
    assert window.session is not None and window.recovery is not None
    policy = tmp_path / "policy.pdf"
    policy.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 64)
    with policy.open("rb") as fh:
        sha, size = sha256_stream(fh)
    attach_hashed(window.session, editor.key, [(policy, sha, size)])
    assert window.autosave_tick() == 0  # the copy runs first
    task = window._evidence_copy
    assert task is not None
    with qtbot.waitSignal(task.signals.finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: window._evidence_copy is None)
    assert threads == [False]  # copied once, on a worker
    entry = next(window.recovery.dir.iterdir())
    assert (entry / "state.json").is_file()  # the autosave followed the copy
    assert (entry / "evidence" / sha).read_bytes() == policy.read_bytes()
    assert window.autosave_tick() == 0  # nothing changed since: nothing to copy or write
    assert threads == [False]
