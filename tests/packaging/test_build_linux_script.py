"""packaging/build-linux fails when PyInstaller fails, and only then. No real freeze: the script runs
in a copy of the repository layout under a temporary folder, with a stub Python whose ``-m PyInstaller``
prints what it is told and exits with the status it is told, and stubs for the system tools, so
each run takes a fraction of a second."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# build-linux is the Linux build: GNU stat, dpkg, sh stubs. The Windows and macOS CI jobs skip it.
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux build script")

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "packaging" / "build-linux"
HOST_WARNING = "WARNING: Library not found: could not resolve 'libxcb-cursor.so.0', dependency of 'libqxcb.so'"

# Stands in for the venv's python: answers the script's questions, and "freezes" as $STUB_FREEZE says.
STUB_PYTHON = r"""#!/bin/sh
case "$*" in
    "-c import PyInstaller") exit 0 ;;
    "packaging/datafiles.py") echo "veu-assess 0.1.0"; exit 0 ;;
    "-m PyInstaller --version") echo "6.0-stub"; exit 0 ;;
    "-m PyInstaller "*)
        echo "$STUB_WARNING" >&2
        if [ "$STUB_FREEZE" = fail ]; then
            echo "ERROR: stub PyInstaller failed" >&2
            exit 3
        fi
        mkdir -p dist/veu-assess/_internal
        printf '#!/bin/sh\n' > dist/veu-assess/veu-assess
        chmod +x dist/veu-assess/veu-assess
        exit 0 ;;
esac
echo "stub python: unexpected arguments: $*" >&2
exit 99
"""
STUB_BUILD_DEB = """#!/bin/sh
touch "$2/veu-assess_0.1.0_amd64.deb"
echo "stub build-deb ran"
"""
STUB_TOOLS = {
    "objdump": "exit 0",
    "strip": "exit 0",
    "dpkg-deb": "exit 0",
    "desktop-file-validate": "exit 0",
    "dpkg": "echo amd64",  # dpkg --print-architecture
    "xz": "exec cat",  # xz -T0 -6 < tar > file: a pass-through is enough here
}


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(0o755)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A folder laid out like the repository, holding the real build-linux and stub tools."""
    _write(tmp_path / "packaging" / "build-linux", SCRIPT.read_text(encoding="utf-8"))
    _write(tmp_path / "packaging" / "linux" / "build-deb", STUB_BUILD_DEB)
    _write(tmp_path / "stubs" / "python", STUB_PYTHON)
    for tool, body in STUB_TOOLS.items():
        _write(tmp_path / "stubs" / tool, f"#!/bin/sh\n{body}\n")
    # A bundle left over from an earlier build: a failed freeze must not pass it off as new.
    _write(tmp_path / "dist" / "veu-assess" / "veu-assess", "#!/bin/sh\necho stale\n")
    return tmp_path


def run_build(workspace: Path, freeze: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": f"{workspace / 'stubs'}{os.pathsep}/usr/bin{os.pathsep}/bin",
        "PYTHON": str(workspace / "stubs" / "python"),
        "STUB_FREEZE": freeze,
        "STUB_WARNING": HOST_WARNING,
        "HOME": str(workspace),
        "LANG": "C.UTF-8",
    }
    return subprocess.run([str(workspace / "packaging" / "build-linux")], env=env, capture_output=True,
                          text=True, timeout=60, check=False)


def test_a_failed_freeze_fails_the_build(workspace: Path) -> None:
    result = run_build(workspace, "fail")
    assert result.returncode == 3, result.stdout + result.stderr  # PyInstaller's own exit status
    assert "build-linux: PyInstaller failed (exit status 3)" in result.stderr
    assert "ERROR: stub PyInstaller failed" in result.stdout  # PyInstaller's errors still show
    assert "could not resolve" not in result.stdout + result.stderr  # the known warnings do not
    # It stopped there: the stale bundle is gone and nothing was packaged from it.
    assert not (workspace / "dist" / "veu-assess").exists()
    assert not list((workspace / "dist").glob("*.tar.xz")) and not list((workspace / "dist").glob("*.deb"))
    assert "stub build-deb ran" not in result.stdout


def test_a_freeze_whose_output_is_all_filtered_still_succeeds(workspace: Path) -> None:
    # grep -v prints nothing and exits 1 here; with pipefail that must not count as a failure.
    result = run_build(workspace, "ok")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "could not resolve" not in result.stdout + result.stderr
    assert "stub build-deb ran" in result.stdout and "== build figures ==" in result.stdout
    assert (workspace / "dist" / "veu-assess-0.1.0-linux-amd64.tar.xz").is_file()
    assert (workspace / "dist" / "veu-assess" / "veu-assess").read_text(encoding="utf-8") == "#!/bin/sh\n"


def test_build_linux_keeps_the_strict_shell_options() -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    assert "set -euo pipefail" in text
    assert "|| true" not in text  # the way PyInstaller's exit status used to disappear
