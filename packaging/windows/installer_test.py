"""Install the Windows installer silently, smoke-test the installed program, uninstall (Windows).

    python packaging/windows/installer_test.py dist/veu-assess-VERSION-windows-x64-setup.exe

Checks, in order: the per-user install (no administrator rights) lands in
%LOCALAPPDATA%\\Programs\\VEU Readiness Assessor; .veua is registered under HKCU and opens the
windowed executable; ``packaging/smoke_test.py`` passes on the *installed* veu-assess.exe (and
veu-assess-gui.exe); the uninstaller removes the folder and the registry entries it added.
Run by the release workflow on windows-latest; it cannot run on Linux.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

PACKAGING = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PACKAGING))
import datafiles  # noqa: E402
import smoke_test  # noqa: E402

PROG_ID = "VEUAssess.Assessment"  # packaging/windows/veu-assess.iss, #define ProgId
SILENT = ["/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/CURRENTUSER"]


def registry_value(subkey: str, name: str = "") -> str | None:
    import winreg  # Windows only

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, subkey) as key:
            return str(winreg.QueryValueEx(key, name)[0])
    except OSError:
        return None


def wait_for(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(1)
    return False


def main(setup: Path) -> int:
    name = datafiles.project().name
    app = Path(os.environ["LOCALAPPDATA"]) / "Programs" / datafiles.DISPLAY_NAME
    failures: list[str] = []
    log = setup.with_suffix(".install.log")
    print(f"Installing {setup} silently (per user)", flush=True)
    done = subprocess.run([str(setup), *SILENT, f"/LOG={log}"], timeout=600)
    exe = app / f"{name}.exe"
    if done.returncode != 0 or not exe.is_file():
        print(log.read_text(errors="replace") if log.is_file() else "(no install log)", file=sys.stderr)
        print(f"FAIL: install (exit {done.returncode}); {exe} is missing", file=sys.stderr)
        return 1
    command = registry_value(rf"Software\Classes\{PROG_ID}\shell\open\command") or ""
    if registry_value(r"Software\Classes\.veua") != PROG_ID:
        failures.append(r"HKCU\Software\Classes\.veua does not name " + PROG_ID)
    if f"{name}-gui.exe" not in command or "%1" not in command:
        failures.append(f"the open command of {PROG_ID} is {command!r}")

    # The smoke test through the installed program (and its windowed twin).
    if smoke_test.main([str(exe)]) != 0:
        failures.append("smoke test of the installed program")

    uninstaller = app / "unins000.exe"
    print(f"Uninstalling with {uninstaller}", flush=True)
    subprocess.run([str(uninstaller), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART"], timeout=600)
    # The uninstaller copies itself to %TEMP% and returns at once; wait for the copy's work.
    if not wait_for(lambda: not uninstaller.exists(), 180):
        failures.append(f"the uninstaller did not remove {uninstaller} within 3 minutes")
    elif app.exists() and any(app.iterdir()):
        failures.append(f"left behind after uninstall: {sorted(p.name for p in app.iterdir())}")
    if registry_value(r"Software\Classes\.veua") == PROG_ID:
        failures.append(r"HKCU\Software\Classes\.veua still names " + PROG_ID + " after uninstall")
    if registry_value(rf"Software\Classes\{PROG_ID}") is not None:
        failures.append(rf"HKCU\Software\Classes\{PROG_ID} is left after uninstall")

    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    print("installer test: " + ("all checks passed" if not failures else f"{len(failures)} check(s) failed"))
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1])))
