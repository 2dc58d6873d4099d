"""Crash recovery: autosaved work is offered at the next start and restored unsaved."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.ui.conftest import DialogLog
from tests.ui.helpers import choose, first_editor, saved
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
    assert window.autosave.tick() == 1
    assert window.autosave.recovery is not None
    # The crash: the process dies now, so its recovery folder stays as it is on disk.
    crashed = tmp_path / "after-crash"
    shutil.copytree(window.autosave.recovery.dir, crashed)

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
    assert saved(qtbot, restarted, restarted.files.save)
    assert not restarted.isWindowModified()
    assert RecoveryManager(crashed).pending() == []


def test_declined_recovery_is_discarded(
    qtbot: Any, window: MainWindow, catalog: Catalog, dialog_log: DialogLog, tmp_path: Path
) -> None:
    choose(first_editor(window), AnswerState.MET)
    assert window.autosave.tick() == 1
    assert window.autosave.recovery is not None
    crashed = tmp_path / "after-crash"
    shutil.copytree(window.autosave.recovery.dir, crashed)
    dialog_log.answers["recover"] = [False]
    restarted = _new_window(qtbot, catalog, RecoveryManager(crashed))
    assert not restarted.offer_recovery()
    assert restarted.session is not None and restarted.session.document.assessment.answers == {}
    assert RecoveryManager(crashed).pending() == []


def test_clean_close_leaves_nothing_to_recover(qtbot: Any, window: MainWindow) -> None:
    choose(first_editor(window), AnswerState.MET)
    assert window.autosave.tick() == 1
    assert window.autosave.recovery is not None
    assert any(window.autosave.recovery.dir.iterdir())
    window.close()  # the fixture's dialogs answer "discard"
    assert not any(window.autosave.recovery.dir.iterdir())


def _attach(window: MainWindow, folder: Path, name: str) -> tuple[Path, str]:
    from veu_assess.storage.digest import sha256_stream
    from veu_assess.ui.evidence import attach_hashed

    assert window.session is not None
    path = folder / name
    path.write_bytes(b"%PDF-1.4 " + name.encode() + bytes(range(256)) * 64)
    with path.open("rb") as fh:
        sha, size = sha256_stream(fh)
    attach_hashed(window.session, first_editor(window).key, [(path, sha, size)])
    return path, sha


def test_new_evidence_is_copied_for_recovery_off_the_gui_thread(
        qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Attaching 500 MB and then autosaving once froze the window for about 1.4 s while the file
    # was copied into the recovery entry; now the state is written first and the copy runs on a
    # worker.
    import threading

    from veu_assess.storage import recovery_copy

    threads: list[bool] = []
    real_copy = recovery_copy._copy_atomic

    def copy(src: Path, dst: Path, stop: Any) -> None:
        threads.append(threading.current_thread() is threading.main_thread())
        real_copy(src, dst, stop)

    monkeypatch.setattr(recovery_copy, "_copy_atomic", copy)
    policy, sha = _attach(window, tmp_path, "policy.pdf")
    assert window.autosave.recovery is not None
    assert window.autosave.tick() == 1  # the state, at once
    entry = next(window.autosave.recovery.dir.iterdir())
    assert str(policy) in (entry / "state.json").read_text()  # referred to by its path meanwhile
    task = window.autosave.evidence_copy
    assert task is not None
    with qtbot.waitSignal(task.signals.finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: window.autosave.evidence_copy is None)
    assert threads == [False]  # copied once, on a worker
    assert (entry / "evidence" / sha).read_bytes() == policy.read_bytes()
    window.autosave.recovery.maybe_autosave(now=window.autosave.recovery.clock() + 3600)
    assert '"copy"' in (entry / "state.json").read_text()  # the next autosave refers to the copy
    assert window.autosave.tick() == 0 and window.autosave.evidence_copy is None  # nothing more to do
    assert threads == [False]


def test_a_vanished_attachment_does_not_stop_autosave(
        qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    policy, _sha = _attach(window, tmp_path, "usb.pdf")
    policy.unlink()  # the stick was pulled before the copy
    assert window.autosave.tick() == 1
    task = window.autosave.evidence_copy
    assert task is not None
    with qtbot.waitSignal(task.signals.finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: window.autosave.evidence_copy is None)
    assert "could not copy new evidence" in window.statusBar().currentMessage()
    editor = first_editor(window)
    editor.notes.setPlainText("typed after the stick was pulled")
    assert window.autosave.recovery is not None
    window.autosave.recovery.maybe_autosave(now=window.autosave.recovery.clock() + 3600)
    entry = next(window.autosave.recovery.dir.iterdir())
    assert "typed after the stick was pulled" in (entry / "state.json").read_text()
    assert window.autosave.tick() == 0 and window.autosave.evidence_copy is None  # not tried again and again


def test_closing_during_a_copy_leaves_no_recovery_entry(
        qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from veu_assess.storage import recovery_copy

    release = threading.Event()
    real_copy = recovery_copy._copy_atomic

    def held(src: Path, dst: Path, stop: Any) -> None:
        assert release.wait(30)
        real_copy(src, dst, stop)

    monkeypatch.setattr(recovery_copy, "_copy_atomic", held)
    _attach(window, tmp_path, "big.pdf")
    assert window.autosave.tick() == 1
    task = window.autosave.evidence_copy
    assert task is not None and window.autosave.recovery is not None
    window.files.new_file()  # changes discarded (the dialog log answers "discard"): the entry goes
    with qtbot.waitSignal(task.signals.finished, timeout=10_000):
        release.set()
    qtbot.waitUntil(lambda: window.autosave.evidence_copy is None)
    assert not window.autosave.recovery.dir.exists() or list(window.autosave.recovery.dir.iterdir()) == []
