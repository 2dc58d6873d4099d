"""Run long work (opening big files, hashing evidence, writing a PDF) off the GUI thread.

``Task`` runs a plain Python callable on Qt's global thread pool. The callable never sees a widget: it gets a
``Progress`` object to report progress and to ask whether the user cancelled, and returns a value.
Results come back to the GUI thread through the signals of ``TaskSignals`` (queued connections,
because the signals object lives in the GUI thread).

Usage (e.g. the report engineer's "Export PDF")::

    task = start_task(lambda progress: write_report(doc, out, lang),
                      on_success=self._on_done, on_failure=self._on_error, parent=self)

Slots are connected before the task starts, so a fast task cannot finish unheard.

Python's cyclic garbage collector may run on a worker thread (triggered by the worker's own
allocations: a PDF makes many), so no Qt object may be left for it to destroy there: pages and
widgets that are replaced are deleteLater'd by their owners (C++ deletes them, on the GUI thread),
and a task is never part of a reference cycle: ``TaskSignals`` (which has no Qt parent) keeps no
reference to its owner, and a task drops its function (whose closure may hold the owner, which
holds the task) on the GUI thread as soon as it has ended.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot


class Cancelled(Exception):
    """Raised inside a task by ``Progress.check()`` after the user pressed Cancel."""


class Progress:
    """What a worker function may use: report progress and poll for cancellation (thread-safe)."""

    def __init__(self, signals: TaskSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> None:
        self._signals._progress.emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Stop the work here if the user cancelled."""
        if self._cancel.is_set():
            raise Cancelled()


class TaskSignals(QObject):
    """Signals of a task; they live in the GUI thread, so connected slots run there.

    The worker never emits the public signals itself: it emits ``_outcome`` / ``_progress``,
    which arrive queued on the GUI thread, and ``_deliver`` passes them on only while the task's
    owner still exists. So a result for a document closed meanwhile is dropped, and the object
    the worker emits on is never one the GUI thread may be deleting at that moment (it has no Qt
    parent; the task keeps it alive). It holds no reference to the owner, only hears that it is
    destroyed, so it is never in a reference cycle the garbage collector could break on a worker.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()
    finished = Signal()  # after any of the three above

    _outcome = Signal(str, object)  # from the worker: "succeeded" / "failed" / "cancelled" / "finished"
    _progress = Signal(int, int)

    def __init__(self, owner: QObject | None) -> None:
        super().__init__()
        self._owner_alive = True
        if owner is not None:
            owner.destroyed.connect(self._owner_destroyed)
        self._outcome.connect(self._deliver)
        self._progress.connect(self._deliver_progress)

    @Slot()
    def _owner_destroyed(self) -> None:
        self._owner_alive = False

    def owner_alive(self) -> bool:
        return self._owner_alive

    @Slot(str, object)
    def _deliver(self, name: str, value: object) -> None:
        if not self.owner_alive():
            return
        if name in ("succeeded", "failed"):
            getattr(self, name).emit(value)
        else:
            getattr(self, name).emit()

    @Slot(int, int)
    def _deliver_progress(self, done: int, total: int) -> None:
        if self.owner_alive():
            self.progressed.emit(done, total)


class Task:
    """A callable ``fn(progress) -> value`` run on the global thread pool.

    ``parent`` is the task's owner: once it is deleted, the task's results are dropped.
    """

    def __init__(self, fn: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        self.signals = TaskSignals(parent)
        self.progress = Progress(self.signals)
        self._fn: Callable[[Progress], Any] | None = fn

    def run(self) -> None:
        outcome = self.signals._outcome
        fn = self._fn
        assert fn is not None, "a task runs once"
        try:
            try:
                value = fn(self.progress)
            except Cancelled:
                outcome.emit("cancelled", None)
            except Exception as exc:  # the GUI decides how to show it; the worker must not die silently
                outcome.emit("failed", exc)
            else:
                if self.progress.cancelled:
                    outcome.emit("cancelled", None)
                else:
                    outcome.emit("succeeded", value)
            outcome.emit("finished", None)
        finally:
            _registry().ended.emit(self)

    def cancel(self) -> None:
        self.progress.cancel()

    def start(self) -> None:
        """Queue the task (on the GUI thread); connect to ``self.signals`` before calling this."""
        _registry().add(self)
        # A callable, not a QRunnable: PySide keeps a reference to a runnable it was given for
        # ever (measured with 6.11), which would keep every snapshot a task holds alive.
        QThreadPool.globalInstance().start(self.run)


class _Registry(QObject):
    """Keeps each task alive until it has ended.

    Lives in the GUI thread; ``ended`` is emitted by workers, so ``_forget`` runs queued, here.
    """

    ended = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.running: set[Task] = set()
        self.ended.connect(self._forget)

    def add(self, task: Task) -> None:
        self.running.add(task)

    @Slot(object)
    def _forget(self, task: Task) -> None:
        # Here, on the GUI thread: what the function's closure held (maybe the owner, whose
        # wrapper holds the task) is let go here, not by a collection on some worker later.
        task._fn = None
        self.running.discard(task)


_the_registry: _Registry | None = None


def _registry() -> _Registry:
    global _the_registry
    if _the_registry is None:
        _the_registry = _Registry()
    return _the_registry


def running_tasks() -> int:
    return len(_registry().running)


def start_task(
    fn: Callable[[Progress], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[Exception], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    parent: QObject | None = None,
) -> Task:
    """Run ``fn(progress)`` on the thread pool with the given GUI-thread callbacks."""
    task = Task(fn, parent)
    if on_success is not None:
        task.signals.succeeded.connect(on_success)
    if on_failure is not None:
        task.signals.failed.connect(on_failure)
    if on_progress is not None:
        task.signals.progressed.connect(on_progress)
    if on_cancel is not None:
        task.signals.cancelled.connect(on_cancel)
    task.start()
    return task


def wait_for_all(msecs: int = 30_000) -> bool:
    """Wait for running tasks (used at exit and by tests so no thread outlives the app)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
