"""Run one long step (saving a file with large evidence) off the GUI thread while the caller waits.

Callers of ``save()`` need its outcome at once (the "save changes?" prompt on closing, Save then
Export). ``run_and_wait`` keeps that synchronous shape: the work runs on a worker thread while a
local event loop keeps the window painted and its busy indicator moving. User input (keys,
clicks, shortcuts, closing the window) to that window is held back meanwhile, so nothing can
start a second save; input to other windows (an error box that opens meanwhile) goes through, or
that box could never be closed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QWidget

from veu_assess.ui.workers import Progress, Task

_INPUT = {
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut,
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel, QEvent.Type.Close, QEvent.Type.Drop, QEvent.Type.DragEnter, QEvent.Type.ContextMenu,
}


class _InputHold(QObject):
    """An application event filter that drops user input to one window while installed."""

    def __init__(self, window: QWidget | None) -> None:
        super().__init__()
        self._window = window

    def _held(self, watched: QObject) -> bool:
        if self._window is None:
            return True
        if isinstance(watched, QWidget):
            return watched.window() is self._window
        if isinstance(watched, QWindow):
            return watched is self._window.windowHandle()
        # Shortcut events go to actions: hold them unless a dialog is up (whose own keys must work).
        return QApplication.activeModalWidget() is None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and self._held(watched):
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

    def finished() -> None:
        outcome["done"] = True
        loop.quit()

    window = parent.window() if isinstance(parent, QWidget) else None
    hold = _InputHold(window)
    app.installEventFilter(hold)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        # Everything connected before the task starts: a fast task must not finish unheard.
        task = Task(work, parent)
        task.signals.succeeded.connect(succeeded)
        task.signals.failed.connect(failed)
        task.signals.finished.connect(finished)
        task.start()
        if "done" not in outcome:
            loop.exec()
    finally:
        QGuiApplication.restoreOverrideCursor()
        app.removeEventFilter(hold)
    return outcome.get("value"), outcome.get("error")
