"""The app shell: smoke mode, the exception hook, workers, settings isolation, accessibility."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from tests.ui.conftest import DialogLog
from veu_assess import __version__
from veu_assess.catalog.loader import Catalog
from veu_assess.model.assessment import Answer, AnswerState, Site
from veu_assess.resources import sample_path
from veu_assess.storage import reader
from veu_assess.storage.document import Document
from veu_assess.storage.veua import save_document
from veu_assess.ui import app as app_module
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.workers import Cancelled, Progress, Task


def _saved(document: Document, catalog: Catalog, path: Path) -> Path:
    a = document.assessment
    a.profile = a.profile.model_copy(update={"applicant_name": "テスト データセンター株式会社",
                                             "sites": [Site(id="osaka-1", name="大阪第一", country="JP")]})
    for n, (_section, req) in enumerate(catalog.iter_requirements()):
        state = [AnswerState.MET, AnswerState.NOT_MET, AnswerState.UNCERTAIN][n % 3]
        a.set_answer(req.id, Answer(state=state, notes="日本語のメモ " * 20))
    save_document(document, path)
    return path


def test_smoke_mode_passes_on_a_saved_assessment(document: Document, catalog: Catalog, tmp_path: Path) -> None:
    path = _saved(document, catalog, tmp_path / "smoke.veua")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-m", "veu_assess", "gui", "--smoke", str(path)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "smoke ok" in run.stdout
    assert run.stderr == ""  # the offscreen platform's size-hint chatter is not passed on


def test_smoke_mode_fails_in_one_line_on_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.veua"
    bad.write_text("not a zip")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-m", "veu_assess", "gui", "--smoke", str(bad)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 1
    failure = [line for line in run.stderr.splitlines() if line.startswith("smoke failed")]
    assert len(failure) == 1 and "bad.veua" in failure[0]
    assert "VeuaFormatError" not in failure[0] and "not a .veua assessment file" in failure[0]


def test_excepthook_logs_and_shows_a_dialog(
    dialog_log: DialogLog, private_data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    app_module.install_excepthook()
    try:
        raise ValueError("boom in a slot")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert len(dialog_log.errors) == 1 and "boom in a slot" in dialog_log.errors[0][1]
    log = private_data_dir / "logs" / "veu-assess.log"
    assert "Traceback" in log.read_text(encoding="utf-8")
    assert str(log) in dialog_log.errors[0][1]


def test_worker_reports_success_failure_and_cancel(qtbot: Any) -> None:
    def ok(progress: Progress) -> int:
        progress.report(1, 1)
        return 42

    task = Task(ok)
    with qtbot.waitSignal(task.signals.succeeded) as got, qtbot.waitSignal(task.signals.progressed):
        task.start()
    assert got.args == [42]

    def bad(_progress: Progress) -> None:
        raise OSError("disk gone")

    task = Task(bad)
    with qtbot.waitSignal(task.signals.failed) as failed:
        task.start()
    assert isinstance(failed.args[0], OSError)

    def stops(progress: Progress) -> None:
        progress.cancel()
        progress.check()
        raise AssertionError("not reached")

    task = Task(stops)
    with qtbot.waitSignal(task.signals.cancelled):
        task.start()
    assert Cancelled is not None


def test_settings_are_private(private_settings: Path) -> None:
    assert Path(QSettings().fileName()).is_relative_to(private_settings)


def _unnamed_controls(root: QWidget) -> list[str]:
    kinds = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QAbstractItemView, QAbstractSpinBox)
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, kinds) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            continue  # the inner line edit of a spin or combo box; the outer control is named
        if isinstance(widget, QHeaderView) or isinstance(widget.parent(), QAbstractItemView):
            continue  # headers and the corner button are parts of the named table
        if widget.parent() is not None and type(widget.parent()).__name__ == "QCalendarWidget":
            continue
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text.replace("&", "").strip()):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parent()).__name__}")
    return missing


def test_every_control_has_an_accessible_name(qtbot: Any, window: MainWindow) -> None:
    for index in range(len(window.navigator.pages)):
        window.navigator.go_to(index)
        assert _unnamed_controls(window.navigator.current_page()) == [], window.navigator.current_page().page_title()
    central = window.centralWidget()
    assert central is not None and _unnamed_controls(central) == []



def test_the_app_icon_loads(qtbot: Any) -> None:
    from veu_assess.ui.app import app_icon

    icon = app_icon()
    assert not icon.isNull() and icon.pixmap(64, 64).width() == 64


def test_smoke_mode_fails_without_the_japanese_font(monkeypatch: pytest.MonkeyPatch, capsys: Any,
                                                    dialog_log: DialogLog) -> None:
    """A bundle that lost its font would show Japanese as boxes; the smoke test must say so."""
    from veu_assess.resources import sample_path
    from veu_assess.ui import fonts

    monkeypatch.setattr(fonts, "register_japanese_font", lambda: [])
    monkeypatch.setattr(app_module.dialogs, "show_error", app_module.dialogs.show_error)  # restored after
    monkeypatch.setattr(app_module.dialogs, "ask_recover", app_module.dialogs.ask_recover)
    assert app_module.run_smoke(sample_path()) == 1
    assert "the bundled Japanese font could not be loaded" in capsys.readouterr().err


def test_a_bug_while_opening_says_so_and_keeps_the_document(
    window: MainWindow, qtbot: Any, dialog_log: DialogLog, private_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def problems(*_args: object) -> list[str]:
        raise KeyError("planted")  # a bug in the reader, not a damaged file

    monkeypatch.setattr(reader, "_manifest_problems", problems)
    before = window.session.document
    with qtbot.waitSignal(window.files.openFailed):
        window.files.open_path(sample_path())
    [(_title, message)] = dialog_log.errors
    assert "a bug in the app" in message and __version__ in message and "damaged" not in message
    assert str(private_data_dir / "logs" / "veu-assess.log") in message
    assert window.session.document is before
