"""Starting the Linux accessibility stack for the AT-SPI test: an X server (Xvfb), a D-Bus session
bus, the AT-SPI bus launcher (which starts the registry), the app (``driver.py``, this project's
Python, Qt's AT-SPI bridge on) and the AT-SPI client (``walk.py``, the system's Python with
pyatspi). ``missing()`` says what is not installed, for a clear skip."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

HERE = Path(__file__).parent
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
# Seconds for one answer: a tree walk of a full page on a loaded 2-core machine.
TIMEOUT = float(os.environ.get("VEU_ATSPI_TIMEOUT", "60"))


def missing() -> list[str]:
    """What the test needs and cannot find (the Debian packages that provide it)."""
    if not sys.platform.startswith("linux"):
        return ["Linux (AT-SPI is the Linux accessibility stack)"]
    gaps = []
    for tool, package in (("Xvfb", "xvfb"), ("dbus-launch", "dbus-x11"), ("xdotool", "xdotool")):
        if shutil.which(tool) is None:
            gaps.append(f"{tool} ({package})")
    if not Path(BUS_LAUNCHER).exists():
        gaps.append(f"{BUS_LAUNCHER} (at-spi2-core)")
    libraries = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, timeout=60).stdout
    if "libxcb-cursor.so.0" not in libraries:
        gaps.append("libxcb-cursor.so.0 for Qt's X11 plugin (libxcb-cursor0)")
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, timeout=60
    ).returncode != 0:
        gaps.append("pyatspi for /usr/bin/python3 (python3-pyatspi)")
    return gaps


def _line(stream: IO[str], what: str, deadline: float) -> str:
    """One line from a child's stdout, or an error when it ends or says nothing until ``deadline``
    (select() on the pipe: a hung child must fail the test, not hang it)."""
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise RuntimeError(f"{what} gave no answer within {TIMEOUT:.0f} s")
        ready, _, _ = select.select([stream], [], [], remaining)
        if ready:
            break
    line = stream.readline()
    if not line:
        raise RuntimeError(f"{what} ended before answering")
    return line


class Stack:
    """The running stack; ``app(command)`` drives the window, ``tree()``/``focused()`` ask AT-SPI."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="veu-atspi-"))
        self.processes: list[subprocess.Popen[Any]] = []
        self.env = dict(os.environ)
        for key in ("QT_QPA_PLATFORM", "DBUS_SESSION_BUS_ADDRESS", "AT_SPI_BUS_ADDRESS", "WAYLAND_DISPLAY"):
            self.env.pop(key, None)
        self.env.update(XDG_RUNTIME_DIR=str(self.folder), XDG_CONFIG_HOME=str(self.folder / "config"),
                        HOME=str(self.folder), VEU_ASSESS_DATA_DIR=str(self.folder / "data"), LANG="C.UTF-8",
                        NO_AT_BRIDGE="0")
        os.chmod(self.folder, 0o700)
        read, write = os.pipe()
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                                pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.processes.append(xvfb)
        os.close(write)
        with os.fdopen(read) as display:
            self.env["DISPLAY"] = ":" + display.readline().strip()
        out = subprocess.run(["dbus-launch"], env=self.env, capture_output=True, text=True, timeout=60).stdout
        values = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
        self.env["DBUS_SESSION_BUS_ADDRESS"] = values["DBUS_SESSION_BUS_ADDRESS"]
        self.dbus_pid = int(values["DBUS_SESSION_BUS_PID"])
        self.processes.append(subprocess.Popen([BUS_LAUNCHER, "--launch-immediately"], env=self.env,
                                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        time.sleep(1.0)  # the launcher registers org.a11y.Bus on the session bus
        # The app is this checkout's (``source`` overrides: the readings of an older version).
        source = os.environ.get("VEU_ATSPI_SOURCE", str(HERE.parent.parent))
        app_env = dict(self.env, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1",
                       QT_QPA_PLATFORM="xcb", PYTHONPATH=source)
        self.stderr_path = self.folder / "app-stderr.txt"
        self._stderr = open(self.stderr_path, "w", encoding="utf-8")  # closed in close()
        self.app_process = subprocess.Popen(
            [sys.executable, str(HERE / "driver.py")], env=app_env, text=True, encoding="utf-8",
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr, cwd=source,
        )
        self.processes.append(self.app_process)
        self.client = subprocess.Popen(
            [SYSTEM_PYTHON, str(HERE / "walk.py")], env=self.env, text=True, encoding="utf-8",
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
        )
        self.processes.append(self.client)
        try:
            ready = self._read_app()
        except RuntimeError as exc:
            ready = str(exc)
        if ready != "ok ready":
            problem = f"the app did not start: {ready}\n{self.app_stderr()[-3000:]}"
            self.close()
            raise RuntimeError(problem)

    def _read_app(self) -> str:
        assert self.app_process.stdout is not None
        return _line(self.app_process.stdout, "the app", time.monotonic() + TIMEOUT).strip()

    def app(self, command: str) -> str:
        """Send one driver command; its answer (``ok …``)."""
        assert self.app_process.stdin is not None
        self.app_process.stdin.write(command + "\n")
        self.app_process.stdin.flush()
        answer = self._read_app()
        if not answer.startswith("ok"):
            raise RuntimeError(f"{command}: {answer}")
        return answer

    def _ask(self, command: str) -> Any:
        assert self.client.stdin is not None and self.client.stdout is not None
        self.client.stdin.write(f"{command} {self.app_process.pid}\n")
        self.client.stdin.flush()
        answer = json.loads(_line(self.client.stdout, "the AT-SPI client", time.monotonic() + TIMEOUT))
        if isinstance(answer, dict) and "error" in answer:
            raise RuntimeError(answer["error"])
        return answer

    def tree(self) -> list[dict[str, Any]]:
        """The showing objects of the app, as AT-SPI hands them to a screen reader."""
        return list(self._ask("tree"))

    def focused(self) -> dict[str, Any] | None:
        found = self._ask("focused")
        return dict(found) if found else None

    def key(self, key: str) -> None:
        """A real key press through the X server, into the window with the input focus."""
        subprocess.run(["xdotool", "key", "--clearmodifiers", key], env=self.env, check=True, timeout=30)
        self.app("wait")

    def app_stderr(self) -> str:
        self._stderr.flush()
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def close(self) -> None:
        for process in (self.client, self.app_process):
            try:
                if process.stdin is not None:
                    process.stdin.write("quit\n")
                    process.stdin.close()
                process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired, ValueError):
                process.kill()
                process.wait(timeout=10)
            if process.stdout is not None:
                process.stdout.close()
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
        try:
            os.kill(self.dbus_pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        self._stderr.close()
        shutil.rmtree(self.folder, ignore_errors=True)
