"""Hold back user input to the main window while a file is saved off the GUI thread.

A save runs as a ``workers`` task and its outcome arrives as a signal; there is no nested event
loop. Meanwhile the document being written must not be edited and nothing may start a second
save or close the window, so ``hold_input`` installs an application event filter that drops user
input (keys, clicks, shortcuts, closing, drops) to that window, and shows the busy cursor. Input to
other windows (an error box that opens meanwhile) goes through, or that box could never be closed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QWidget

_INPUT = {
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut,
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel, QEvent.Type.Close, QEvent.Type.Drop, QEvent.Type.DragEnter, QEvent.Type.ContextMenu,
}


class _InputHold(QObject):
    """An application event filter that drops user input to one window while installed."""

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self._window = window

    def _held(self, watched: QObject) -> bool:
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


def hold_input(window: QWidget) -> Callable[[], None]:
    """Hold user input to ``window`` until the returned function is called (once)."""
    app = QCoreApplication.instance()
    assert app is not None, "hold_input needs a QApplication"
    hold = _InputHold(window)
    app.installEventFilter(hold)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def release() -> None:
        QGuiApplication.restoreOverrideCursor()
        app.removeEventFilter(hold)

    return release
