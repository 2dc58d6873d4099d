"""GUI tests of the auditor widgets: Qt warnings fail tests, except the offscreen plugin's size-hint note."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

# The GUI tests' autouse fixtures: private QSettings and data folder, dialogs that never block.
from tests.ui.conftest import dialog_log, private_data_dir, private_settings, recovery, window

__all__ = ["dialog_log", "private_data_dir", "private_settings", "recovery", "window"]

# The offscreen platform plugin cannot pass size hints to a window system and says so when a shown
# window's minimum size changes; that is the plugin's limitation, not a problem of the widgets.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui_review/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture
def english(qapp: object, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The English translation installed as the app installs it (plural forms such as "%n requirement(s)")."""
    from veu_assess.ui import i18n

    monkeypatch.setenv("VEU_ASSESS_CACHE_DIR", str(tmp_path_factory.mktemp("qm-cache")))
    assert i18n.install_language("en") == "en"
    yield
    i18n.reset_language()
