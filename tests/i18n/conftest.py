"""Fixtures for the translation tests: private QSettings and .qm cache, English restored after each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

# The offscreen platform plugin reports that it cannot pass size hints to a window system.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/i18n/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """QSettings and the .qm cache in a temporary folder, never the user's."""
    folder = tmp_path / "qsettings"
    QCoreApplication.setOrganizationName("veu-assess-tests")
    QCoreApplication.setApplicationName("veu-assess-i18n-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings().clear()
    monkeypatch.setenv("VEU_ASSESS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("VEU_ASSESS_DATA_DIR", str(tmp_path / "data"))
    yield folder


@pytest.fixture
def english_after(qapp: Any) -> Iterator[Any]:
    """Whatever language a test switches to, later tests start without the app's translators."""
    from veu_assess.ui import i18n

    yield qapp
    i18n.reset_language(qapp)
