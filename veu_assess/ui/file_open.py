"""Files the operating system asks the app to open while it runs.

On macOS, double-clicking a .veua in Finder, choosing Open With, or dropping it on the Dock icon
does not pass the file on the command line: it arrives as a QFileOpenEvent sent to the
application (also at launch, once the event loop runs). This filter hands such files to the
window, as ``veu-assess FILE`` does on Windows and Linux.

Installed with ``hold=True`` before anything at start-up can run a nested event loop (the
crash-recovery question is a modal dialog), it keeps the files that arrive meanwhile and opens
them on ``release()``: installed later, Qt would deliver those events to nobody and the files
the user opened in Finder would silently not open.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent


class FileOpenFilter(QObject):
    """Install on the QApplication; ``open_file(path)`` is called for every file-open request."""

    def __init__(self, open_file: Callable[[Path], None], parent: QObject | None = None,
                 hold: bool = False) -> None:
        super().__init__(parent)
        self._open_file = open_file
        self._held: list[Path] | None = [] if hold else None

    def release(self) -> None:
        """Open the files held so far, in the order they came, and every later one at once."""
        held, self._held = self._held or [], None
        for path in held:
            self._open_file(path)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            name = event.file()
            if name:
                if self._held is not None:
                    self._held.append(Path(name))
                else:
                    self._open_file(Path(name))
                return True
        return super().eventFilter(watched, event)


class _Window(Protocol):
    def open_path(self, path: Path, review: bool = False) -> None: ...


def open_files_from_the_system(app: QObject, window: _Window, review: bool,
                               hold: bool = False) -> FileOpenFilter:
    """What the app installs at start: file-open requests open in ``window``, in review mode when
    the app was started for review (``veu-assess gui --review``); with ``hold``, only once
    ``release()`` is called."""
    opener = FileOpenFilter(lambda path: window.open_path(path, review=review), app, hold=hold)
    app.installEventFilter(opener)
    return opener
