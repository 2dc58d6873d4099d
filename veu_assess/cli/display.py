"""Is there a display the desktop app can open a window on? Answered without Qt.

Qt aborts the whole process (SIGABRT, a page of plugin messages and a misleading hint about
libxcb-cursor0) when ``DISPLAY`` names an X server that does not answer, or when there is no
display at all. ``display_problem()`` finds that out first, by connecting to the X server's or
the Wayland compositor's socket, so the CLI can say so on one line (or, for ``demo``, fall back
to its headless output).
"""

from __future__ import annotations

import os
import re
import socket
import sys
from pathlib import Path

# Qt platforms that need no display server.
_NO_SERVER = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs", "vkkhrdisplay")
_X_DISPLAY = re.compile(r"^(?P<host>[^:]*):(?P<number>\d+)(\.\d+)?$")
TIMEOUT = 1.0  # seconds to wait for a remote X server (ssh -X forwards to localhost:10)


def display_problem() -> str | None:
    """None when a window can be opened; else what is wrong, as one line ("no display ...")."""
    if sys.platform in ("win32", "darwin"):
        return None  # a desktop session always has its display
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":", 1)[0].strip().lower()
    if platform.startswith(_NO_SERVER):
        return None
    x_display, wayland = os.environ.get("DISPLAY", ""), os.environ.get("WAYLAND_DISPLAY", "")
    if platform == "wayland":
        return None if wayland and _wayland_answers(wayland) else _no_wayland(wayland)
    if platform == "" and wayland and _wayland_answers(wayland):
        return None
    if platform not in ("", "xcb"):
        return None  # another platform plugin: whether it can start is its own business
    if not x_display:
        return "no display to open the app on (DISPLAY is not set)"
    if not _x_answers(x_display):
        return f"no display to open the app on (the X server of DISPLAY={x_display} does not answer)"
    return None


def _no_wayland(name: str) -> str:
    if not name:
        return "no display to open the app on (WAYLAND_DISPLAY is not set)"
    return f"no display to open the app on (the Wayland compositor {name} does not answer)"


def _connects(family: int, address: str | bytes | tuple[str, int]) -> bool:
    try:
        with socket.socket(family, socket.SOCK_STREAM) as s:
            s.settimeout(TIMEOUT)
            s.connect(address)
    except OSError:
        return False
    return True


def _x_answers(display: str) -> bool:
    m = _X_DISPLAY.match(display)
    if m is None:
        return _connects(socket.AF_UNIX, display) if display.startswith("/") else False  # macOS launchd
    host, number = m.group("host"), int(m.group("number"))
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"
        # Linux X servers listen on an abstract socket as well; either one answering will do.
        return _connects(socket.AF_UNIX, path) or (
            sys.platform.startswith("linux") and _connects(socket.AF_UNIX, "\0" + path)
        )
    return _connects(socket.AF_INET, (host, 6000 + number))


def _wayland_answers(name: str) -> bool:
    path = Path(name) if os.path.isabs(name) else Path(os.environ.get("XDG_RUNTIME_DIR", "/nonexistent")) / name
    return _connects(socket.AF_UNIX, str(path))
