"""Fixtures for the GUI tests: private QSettings and data folder, dialogs that never block,
and a main window on a blank assessment.

Dialog functions are replaced by recorders: a test that expects a question sets the answer
(``dialog_log.answers``); any unexpected blocking question fails the test instead of hanging. An
error or information message fails the test too unless the test looked at it: reading
``dialog_log.errors`` (or ``infos``) after it was shown is how a test declares that it expected it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from veu_assess.catalog.loader import Catalog
from veu_assess.storage.document import new_document
from veu_assess.storage.recovery import RecoveryManager
from veu_assess.ui import dialogs, i18n, workers
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.session import Session
from veu_assess.ui.settings import UiSettings

# The offscreen platform plugin cannot pass size hints to a window system and says so whenever a
# shown window's minimum size changes; that is the plugin's limitation, not a problem of the app.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True, scope="session")
def private_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """QSettings of the tests live in a temporary folder, never in the user's settings."""
    folder = tmp_path_factory.mktemp("qsettings")
    QCoreApplication.setOrganizationName("veu-assess-tests")
    QCoreApplication.setApplicationName("veu-assess-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """A test that stopped inside a language walk (helpers.each_page) leaves no translators behind."""
    yield
    i18n.reset_language()


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("VEU_ASSESS_DATA_DIR", str(folder))
    QSettings().clear()  # each test starts with empty UI settings
    return folder


@dataclass
class DialogLog:
    """What the app asked or told; ``answers`` queues replies for the questions it asks."""

    shown_errors: list[tuple[str, str]] = field(default_factory=list)
    shown_infos: list[tuple[str, str]] = field(default_factory=list)
    seen: dict[str, int] = field(default_factory=lambda: {"errors": 0, "infos": 0})
    save_prompts: list[str] = field(default_factory=list)
    opened_urls: list[str] = field(default_factory=list)
    answers: dict[str, list[Any]] = field(default_factory=dict)

    @property
    def errors(self) -> list[tuple[str, str]]:
        """The error messages shown; reading them declares them expected."""
        self.seen["errors"] = len(self.shown_errors)
        return self.shown_errors

    @property
    def infos(self) -> list[tuple[str, str]]:
        self.seen["infos"] = len(self.shown_infos)
        return self.shown_infos

    def unexpected(self) -> list[tuple[str, str]]:
        """Messages shown after the test last looked (or that it never looked at)."""
        return self.shown_errors[self.seen["errors"]:] + self.shown_infos[self.seen["infos"]:]

    def reply(self, question: str) -> Any:
        queue = self.answers.get(question)
        if not queue:
            raise AssertionError(f"unexpected dialog: {question}")
        return queue.pop(0)


@pytest.fixture(autouse=True)
def dialog_log(monkeypatch: pytest.MonkeyPatch) -> Iterator[DialogLog]:
    log = DialogLog()
    monkeypatch.setattr(dialogs, "show_error", lambda _p, title, msg: log.shown_errors.append((title, msg)))
    monkeypatch.setattr(dialogs, "show_info", lambda _p, title, msg: log.shown_infos.append((title, msg)))

    def ask_save(_p: object, name: str) -> dialogs.SaveChoice:
        log.save_prompts.append(name)
        return log.reply("save") if log.answers.get("save") else dialogs.SaveChoice.DISCARD

    monkeypatch.setattr(dialogs, "ask_save_changes", ask_save)
    monkeypatch.setattr(dialogs, "ask_recover", lambda _p, _d: log.reply("recover"))
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, _t, _q: log.reply("yes_no"))
    monkeypatch.setattr(dialogs, "ask_edit_signed", lambda _p, signers: log.reply("edit_signed"))
    monkeypatch.setattr(dialogs, "get_open_path", lambda _p, _f="": log.reply("open_path"))
    monkeypatch.setattr(dialogs, "get_save_path", lambda _p, _s="": log.reply("save_path"))
    monkeypatch.setattr(dialogs, "get_export_path", lambda _p, _t, _s, _f: log.reply("export_path"))
    monkeypatch.setattr(dialogs, "get_evidence_paths", lambda _p, _f="": log.reply("evidence_paths"))
    monkeypatch.setattr(dialogs, "ask_choice", lambda _p, _t, _m, _c: log.reply("choice"))

    def open_url(url: Any) -> bool:
        log.opened_urls.append(url.toLocalFile())
        return True

    monkeypatch.setattr(dialogs, "open_url", open_url)
    yield log
    if log.unexpected():
        pytest.fail(f"unexpected dialog(s) the test never looked at: {log.unexpected()}")


@pytest.fixture
def recovery(tmp_path: Path) -> RecoveryManager:
    return RecoveryManager(tmp_path / "recovery", interval=0.0)


@pytest.fixture
def window(qtbot: Any, catalog: Catalog, recovery: RecoveryManager) -> Iterator[MainWindow]:
    win = MainWindow(catalog, UiSettings(), recovery, lang="en")
    win.set_session(Session(catalog, new_document(catalog, title="Test")))
    qtbot.addWidget(win)
    win.resize(1100, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    workers.wait_for_all()
