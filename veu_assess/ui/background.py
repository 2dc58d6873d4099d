"""Run one long step (saving a file with large evidence) off the GUI thread while the caller waits.

Callers of ``save()`` need its outcome at once (the "save changes?" prompt on closing, Save then
Export). ``run_and_wait`` keeps that synchronous shape: the work runs on a worker thread while a
local event loop keeps the window painted and its busy indicator moving. User input (keys,
clicks, shortcuts, closing the window) is held back meanwhile, so nothing can edit the document
the worker is writing, or start a second save.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt
from PySide6.QtGui import QGuiApplication

from veu_assess.ui.workers import Progress, start_task

_INPUT = {
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut,
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel, QEvent.Type.Close, QEvent.Type.Drop, QEvent.Type.DragEnter, QEvent.Type.ContextMenu,
}


class _InputHold(QObject):
    """An application event filter that drops user input while installed."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            event.ignore()
            return True
        return False


def run_and_wait(fn: Callable[[], Any], parent: QObject) -> tuple[Any, Exception | None]:
    """Run ``fn()`` on a worker; return (its value, None) or (None, the exception it raised)."""
    app = QCoreApplication.instance()
    assert app is not None, "run_and_wait needs a QApplication"
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def succeeded(value: object) -> None:
        outcome["value"] = value

    def failed(exc: Exception) -> None:
        outcome["error"] = exc

    def work(progress: Progress) -> object:
        return fn()

    hold = _InputHold()
    app.installEventFilter(hold)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        task = start_task(work, on_success=succeeded, on_failure=failed, parent=parent)
        task.signals.finished.connect(loop.quit)
        if "value" not in outcome and "error" not in outcome:
            loop.exec()
    finally:
        QGuiApplication.restoreOverrideCursor()
        app.removeEventFilter(hold)
    return outcome.get("value"), outcome.get("error")
