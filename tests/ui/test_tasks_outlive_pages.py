"""Work started on a page finishes even when the page is rebuilt meanwhile (a language switch).

The pages are rebuilt on a language change; tasks started from them belong to the session, so a
file hashed for attaching is attached, and a cancelled export's file is removed, afterwards.
The worker is held on an Event so the order (rebuild first, result second) is certain.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from shiboken6 import isValid

from tests.ui.conftest import DialogLog
from tests.ui.helpers import first_editor
from veu_assess.ui import evidence as evidence_module
from veu_assess.ui import report_page as report_module
from veu_assess.ui.main_window import MainWindow


def _held(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> threading.Event:
    """Make ``module.name`` wait until the returned event is set, then do its work."""
    release = threading.Event()
    real = getattr(module, name)

    def waiting(*args: Any, **kwargs: Any) -> Any:
        assert release.wait(30), "the test never released the worker"
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, waiting)
    return release


def _rebuild_pages(win: MainWindow) -> None:
    win.set_language("ja", remember=False)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # old pages gone now


def test_attachment_survives_a_language_switch(qtbot: Any, window: MainWindow, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    release = _held(monkeypatch, evidence_module, "_hash_files")
    editor = first_editor(window)
    old_list, key = editor.evidence, editor.key
    policy = tmp_path / "policy.pdf"
    policy.write_bytes(b"%PDF-1.4 export compliance policy")
    old_list.add_files([policy])
    _rebuild_pages(window)
    assert not isValid(old_list)
    assert window.session is not None
    with qtbot.waitSignal(window.session.answerChanged, timeout=10_000):
        release.set()
    assert [ref.filename for ref in window.session.answer(key).evidence] == ["policy.pdf"]


def _new_file(win: MainWindow) -> None:
    win.files.new_file()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # the old session gone now


@pytest.mark.parametrize("meanwhile", [_rebuild_pages, _new_file], ids=["language switch", "another file"])
def test_cancelled_export_is_removed_whatever_happens_meanwhile(qtbot: Any, window: MainWindow, tmp_path: Path,
                                                                dialog_log: DialogLog,
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                meanwhile: Any) -> None:
    out = tmp_path / "gaps.csv"
    dialog_log.answers["export_path"] = [out]
    page = window.navigator.pages.report
    real_writer = report_module.writer_for("csv")
    release = threading.Event()

    def slow_writer(*args: Any) -> None:
        assert release.wait(30)
        real_writer(*args)

    monkeypatch.setattr(report_module, "writer_for", lambda kind: slow_writer)
    assert page.export("csv")
    task = page.task
    assert task is not None
    page.cancel()
    meanwhile(window)
    assert not isValid(page)
    with qtbot.waitSignal(task.signals.finished, timeout=10_000):
        release.set()
    assert not out.exists()


def test_a_task_whose_owner_is_gone_ends_quietly(qtbot: Any) -> None:
    # A file replaced by another before its evidence check ends: the check belonged to the old
    # session, and the worker's result must be dropped, not delivered or raised.
    from PySide6.QtCore import QObject
    from shiboken6 import delete

    from veu_assess.ui.workers import Task, wait_for_all

    release = threading.Event()
    kept, gone = QObject(), QObject()
    heard: dict[str, list[object]] = {"kept": [], "gone": []}
    tasks = []
    for name, owner in (("kept", kept), ("gone", gone)):
        task = Task(lambda progress: (release.wait(30), 42)[1], owner)
        task.signals.succeeded.connect(heard[name].append)
        task.signals.finished.connect(lambda n=name: heard[n].append("finished"))
        tasks.append(task)
        task.start()
    delete(gone)  # while the worker runs: its signals object must stay valid for the worker
    release.set()
    assert wait_for_all()
    qtbot.waitUntil(lambda: heard["kept"] == [42, "finished"])
    QCoreApplication.processEvents()
    assert heard["gone"] == [] and all(isValid(t.signals) for t in tasks)


def test_a_finished_task_lets_go_of_what_it_held(qtbot: Any) -> None:
    # Every save, export and evidence check works on a snapshot of the document; once the task
    # has ended, nothing may keep it alive (a QRunnable handed to PySide's pool was kept for ever).
    import gc
    import weakref

    from veu_assess.ui.workers import start_task, wait_for_all

    class Snapshot:
        pass

    held = Snapshot()
    gone = weakref.ref(held)
    done: list[object] = []
    start_task(lambda progress, snap=held: id(snap), on_success=done.append)
    del held
    assert wait_for_all()
    qtbot.waitUntil(lambda: len(done) == 1)
    QCoreApplication.processEvents()  # the registry forgets the task
    gc.collect()
    assert gone() is None
