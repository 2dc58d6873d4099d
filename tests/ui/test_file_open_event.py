"""macOS Finder's "open this file" (a QFileOpenEvent to the application) opens it in the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import DialogLog
from veu_assess.resources import sample_path
from veu_assess.ui.file_open import FileOpenFilter, open_files_from_the_system
from veu_assess.ui.main_window import MainWindow


@pytest.mark.parametrize("review", [False, True])
def test_a_file_open_event_opens_the_file(qtbot: Any, window: MainWindow, dialog_log: DialogLog,
                                          review: bool) -> None:
    """Through the wiring ``run_app`` installs (not a filter of the test's own making)."""
    app = QApplication.instance()
    assert app is not None
    opener = open_files_from_the_system(app, window.files, review)
    try:
        with qtbot.waitSignal(window.files.documentOpened, timeout=10_000):
            QCoreApplication.sendEvent(app, QFileOpenEvent(QUrl.fromLocalFile(str(sample_path()))))
    finally:
        app.removeEventFilter(opener)
    assert window.session is not None and window.session.path == sample_path()
    assert window.session.review_mode is review


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
