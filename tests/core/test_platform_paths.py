"""Every sys.platform branch of the app, run on Linux by faking the platform: per-user folders
(%LOCALAPPDATA% on Windows), Qt's tools (.exe), the display check, and the Windows .veua
association's command line reaching the window."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from pathlib import Path

import pytest

from veu_assess import i18n_build, platform_dirs
from veu_assess.cli import display, gui_command
from veu_assess.cli import main as cli_main
from veu_assess.platform_dirs import app_dir, user_base
from veu_assess.resources import sample_path
from veu_assess.storage import recovery

HOME = Path("/home/u")
LOCAL = r"C:\Users\u\AppData\Local"


@pytest.mark.parametrize(
    ("platform", "env", "data", "cache"),
    [
        ("win32", {"LOCALAPPDATA": LOCAL}, Path(LOCAL), Path(LOCAL)),
        ("win32", {}, HOME / "AppData" / "Local", HOME / "AppData" / "Local"),
        ("win32", {"LOCALAPPDATA": ""}, HOME / "AppData" / "Local", HOME / "AppData" / "Local"),
        ("win32", {"LOCALAPPDATA": r"AppData\Local"}, HOME / "AppData" / "Local", HOME / "AppData" / "Local"),
        ("win32", {"LOCALAPPDATA": r"\\server\profiles\u\Local"}, Path(r"\\server\profiles\u\Local"),
         Path(r"\\server\profiles\u\Local")),
        ("darwin", {"XDG_DATA_HOME": "/x"}, HOME / "Library" / "Application Support", HOME / "Library" / "Caches"),
        ("linux", {}, HOME / ".local" / "share", HOME / ".cache"),
        ("linux", {"XDG_DATA_HOME": "/d", "XDG_CACHE_HOME": "/c"}, Path("/d"), Path("/c")),
        ("linux", {"XDG_DATA_HOME": "rel", "XDG_CACHE_HOME": ""}, HOME / ".local" / "share", HOME / ".cache"),
    ],
)
def test_user_folders(platform: str, env: dict[str, str], data: Path, cache: Path) -> None:
    assert user_base("data", platform, env, HOME) == data
    assert user_base("cache", platform, env, HOME) == cache
    assert app_dir("data", platform, env, HOME) == data / "veu-assess"


def test_windows_recovery_and_translation_cache_live_under_localappdata(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    for name in ("VEU_ASSESS_DATA_DIR", "VEU_ASSESS_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LOCALAPPDATA", LOCAL)
    monkeypatch.setenv("APPDATA", r"C:\Users\u\AppData\Roaming")  # roaming: never used
    assert recovery.default_recovery_dir() == Path(LOCAL) / "veu-assess" / "recovery"
    assert i18n_build.cache_dir() == Path(LOCAL) / "veu-assess" / "translations"
    monkeypatch.setenv("VEU_ASSESS_DATA_DIR", "/portable")  # a portable install overrides it
    assert recovery.default_recovery_dir() == Path("/portable/recovery")


def test_macos_folders(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(platform_dirs.Path, "home", staticmethod(lambda: tmp_path))
    for name in ("VEU_ASSESS_DATA_DIR", "VEU_ASSESS_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)
    assert recovery.default_data_dir() == tmp_path / "Library" / "Application Support" / "veu-assess"
    assert i18n_build.cache_dir() == tmp_path / "Library" / "Caches" / "veu-assess" / "translations"


@pytest.mark.parametrize(("platform", "exe"), [("win32", "lrelease.exe"), ("linux", "lrelease"),
                                               ("darwin", "lrelease")])
def test_qt_tools_are_found_by_the_platform_name(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                 platform: str, exe: str) -> None:
    for name in ("lrelease", "lrelease.exe"):
        tool = tmp_path / name
        tool.write_bytes(b"")
        tool.chmod(tool.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(i18n_build, "_pyside6_dir", lambda: tmp_path)
    assert i18n_build.find_tool("lrelease") == tmp_path / exe


@pytest.mark.parametrize(("platform", "env", "expected"), [
    ("win32", {}, True), ("darwin", {}, True), ("linux", {}, False),
    ("linux", {"DISPLAY": ":0"}, True), ("linux", {"WAYLAND_DISPLAY": "wayland-0"}, True),
])
def test_display_check(monkeypatch: pytest.MonkeyPatch, platform: str, env: dict[str, str], expected: bool) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(display, "_connects", lambda *_a: True)  # the named server answers
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert (display.display_problem() is None) is expected


def test_windows_association_command_line_opens_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """The .iss registers `"...\\veu-assess-gui.exe" "%1"`: gui_main must hand the file to the window
    (Windows has no DISPLAY variable, which must not stop it)."""
    launched: list[tuple[list[str], str | None, bool]] = []
    monkeypatch.setattr(sys, "platform", "win32")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(gui_command, "launch_gui",
                        lambda files, smoke=None, review=False: launched.append((files, smoke, review)) or 0)
    monkeypatch.setattr(sys, "argv", ["veu-assess-gui.exe", str(sample_path())])
    with pytest.raises(SystemExit) as done:
        cli_main.gui_main()
    assert done.value.code == 0
    assert launched == [([str(sample_path())], None, False)]
    assert "QT_QPA_PLATFORM" not in os.environ  # a real window, not the offscreen platform


def test_without_a_display_on_linux_the_gui_refuses_cleanly(monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(gui_command, "launch_gui", lambda *a, **k: pytest.fail("launched without a display"))
    args = argparse.Namespace(files=[sample_path()], smoke=None, review=False)
    assert gui_command.cmd_gui(args) == 1
    assert "no display" in capsys.readouterr().err


def test_windowed_launcher_shows_a_refused_start_in_a_message_box(monkeypatch: pytest.MonkeyPatch,
                                                                  tmp_path: Path) -> None:
    """veu-assess-gui.exe has no console (sys.stderr is None): a file that is gone must not make the
    double-click look like nothing happened."""
    from veu_assess.cli import windowed

    shown: list[str] = []
    monkeypatch.setattr(windowed, "_message_box", shown.append)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "argv", ["veu-assess-gui.exe", str(tmp_path / "gone.veua")])
    monkeypatch.setattr(gui_command, "launch_gui", lambda *a, **k: pytest.fail("started with a missing file"))
    with pytest.raises(SystemExit) as done:
        cli_main.gui_main()
    assert done.value.code == 2
    assert len(shown) == 1 and "gone.veua" in shown[0] and "no such file" in shown[0]
    assert sys.stderr is None  # restored


def test_windowed_launcher_shows_nothing_when_all_is_well() -> None:
    from veu_assess.cli.windowed import run_showing_errors

    shown: list[str] = []
    assert run_showing_errors(lambda argv: 0, ["gui"], shown.append) == 0
    assert run_showing_errors(lambda argv: 1, ["gui"], shown.append) == 1  # failed, said nothing
    assert shown == []
