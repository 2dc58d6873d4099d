"""Files the operating system asks the app to open while it runs.

On macOS, double-clicking a .veua in Finder, choosing Open With, or dropping it on the Dock icon
does not pass the file on the command line: it arrives as a QFileOpenEvent sent to the
application (also at launch, once the event loop runs). This filter hands such files to the
window, as ``veu-assess FILE`` does on Windows and Linux.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent


class FileOpenFilter(QObject):
    """Install on the QApplication; ``open_file(path)`` is called for every file-open request."""

    def __init__(self, open_file: Callable[[Path], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_file = open_file

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            name = event.file()
            if name:
                self._open_file(Path(name))
                return True
        return super().eventFilter(watched, event)
