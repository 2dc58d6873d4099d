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


def test_files_opened_during_start_up_are_held_then_opened_in_order(qtbot: Any, tmp_path: Path) -> None:
    """At start-up the filter holds what Finder sends while the recovery question is open."""
    app = QApplication.instance()
    assert app is not None
    opened: list[Path] = []
    opener = FileOpenFilter(opened.append, app, hold=True)
    app.installEventFilter(opener)
    first, second, third = (tmp_path / f"{n}.veua" for n in ("a", "b", "c"))
    try:
        for path in (first, second):
            QCoreApplication.sendEvent(app, QFileOpenEvent(QUrl.fromLocalFile(str(path))))
        assert opened == []  # held, not lost
        opener.release()
        assert opened == [first, second]
        QCoreApplication.sendEvent(app, QFileOpenEvent(QUrl.fromLocalFile(str(third))))
        assert opened == [first, second, third]  # after release: at once
    finally:
        app.removeEventFilter(opener)
