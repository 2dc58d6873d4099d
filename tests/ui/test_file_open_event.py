"""macOS Finder's "open this file" (a QFileOpenEvent to the application) opens it in the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import DialogLog
from veu_assess.resources import sample_path
from veu_assess.ui.file_open import FileOpenFilter
from veu_assess.ui.main_window import MainWindow


def test_a_file_open_event_opens_the_file(qtbot: Any, window: MainWindow, dialog_log: DialogLog) -> None:
    app = QApplication.instance()
    assert app is not None
    opened: list[Path] = []
    opener = FileOpenFilter(lambda path: (opened.append(path), window.open_path(path)), app)
    app.installEventFilter(opener)
    try:
        with qtbot.waitSignal(window.documentOpened, timeout=10_000):
            QCoreApplication.sendEvent(app, QFileOpenEvent(QUrl.fromLocalFile(str(sample_path()))))
    finally:
        app.removeEventFilter(opener)
    assert opened == [sample_path()]
    assert window.session is not None and window.session.path == sample_path()
