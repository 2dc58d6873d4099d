"""Per-user folders on Windows, macOS and Linux, decided in one place (Qt-free).

- data (recovery entries): ``%LOCALAPPDATA%`` on Windows (not the roaming ``%APPDATA%``: entries
  hold copies of evidence, which must not travel with a roaming profile), ``~/Library/Application
  Support`` on macOS, ``$XDG_DATA_HOME`` or ``~/.local/share`` elsewhere.
- cache (compiled translations): ``%LOCALAPPDATA%``, ``~/Library/Caches``, ``$XDG_CACHE_HOME`` or
  ``~/.cache``.

A variable that is unset, empty or not an absolute path is ignored, as the XDG Base Directory
specification asks (a relative one would move the folder with the current directory). The
platform, environment and home folder can be given, so tests run every branch on any OS.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Literal

APP_DIR = "veu-assess"


def _absolute(value: str | None, platform: str) -> str | None:
    if not value:
        return None
    pure = PureWindowsPath(value) if platform == "win32" else PurePosixPath(value)
    return value if pure.is_absolute() else None


def user_base(kind: Literal["data", "cache"], platform: str | None = None,
              environ: Mapping[str, str] | None = None, home: Path | None = None) -> Path:
    """The platform's per-user folder of ``kind`` (without the app's own folder name)."""
    platform = platform or sys.platform
    env = os.environ if environ is None else environ
    home = Path.home() if home is None else home
    if platform == "win32":
        local = _absolute(env.get("LOCALAPPDATA"), platform)
        return Path(local) if local else home / "AppData" / "Local"
    if platform == "darwin":
        return home / "Library" / ("Application Support" if kind == "data" else "Caches")
    variable, fallback = ("XDG_DATA_HOME", home / ".local" / "share") if kind == "data" else \
        ("XDG_CACHE_HOME", home / ".cache")
    xdg = _absolute(env.get(variable), platform)
    return Path(xdg) if xdg else fallback


def app_dir(kind: Literal["data", "cache"], platform: str | None = None,
            environ: Mapping[str, str] | None = None, home: Path | None = None) -> Path:
    """The app's own per-user folder of ``kind``, e.g. ``%LOCALAPPDATA%\\veu-assess``."""
    return user_base(kind, platform, environ, home) / APP_DIR
