"""The edges of the command line, run as a user's shell runs them (real processes): closed
stdout or stderr, a DISPLAY with no X server behind it, Ctrl-C sent as a signal at any moment,
and the bundled sample, which no command or window ever writes."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from veu_assess.cli import display
from veu_assess.resources import sample_path

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="closing descriptors and signals are POSIX")
APP = [sys.executable, "-m", "veu_assess"]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return {**env, **extra}


def _run(args: list[str], *, close: tuple[int, ...] = (), env: dict[str, str] | None = None,
         cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run veu-assess with the given standard descriptors closed, as `>&-` and `2>&-` do."""

    def closer() -> None:
        for fd in close:
            os.close(fd)

    return subprocess.run([*APP, *args], capture_output=True, text=True, timeout=120, preexec_fn=closer,
                          env=env or _env(), cwd=cwd)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("edges") / "s.veua"
    path.write_bytes(sample_path().read_bytes())
    return path


@pytest.fixture(scope="module")
def other_questionnaire(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A file written for another questionnaire version: `score` prints a notice on stderr."""
    from veu_assess.storage.veua import open_document, save_document

    doc = open_document(sample_path())
    doc.assessment = doc.assessment.model_copy(update={"catalog_version": "2020.1.1"})
    path = tmp_path_factory.mktemp("edges") / "old.veua"
    save_document(doc, path)
    return path


# --- closed standard streams -----------------------------------------------------------------

@posix_only
@pytest.mark.parametrize("args", [["score", "{s}"], ["validate", "{s}"], ["--version"], ["--help"]])
def test_closed_stdout_ends_with_one_line_and_exit_1(sample: Path, args: list[str]) -> None:
    r = _run([a.format(s=sample) for a in args], close=(1,))
    assert r.returncode == 1
    assert r.stderr == "veu-assess: error: standard output is closed; the output was lost\n"


@posix_only
def test_closed_stdout_still_writes_the_file_asked_for(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    r = _run(["export", str(sample), "--format", "csv", "-o", str(out)], close=(1,))
    assert out.is_file() and "Traceback" not in r.stderr


@posix_only
def test_closed_stderr_keeps_notes_and_errors_off_stdout(other_questionnaire: Path) -> None:
    ok = _run(["score", str(other_questionnaire), "--json"])
    assert "written for questionnaire" in ok.stderr  # the notice exists ...
    r = _run(["score", str(other_questionnaire), "--json"], close=(2,))
    assert r.returncode == 0
    assert json.loads(r.stdout) == json.loads(ok.stdout)  # ... and never lands in the JSON
    bad = _run(["score", "nope.veua", "--json"], close=(2,))
    assert bad.returncode == 2 and bad.stdout == ""


@posix_only
def test_both_closed_is_quiet(sample: Path) -> None:
    r = _run(["score", str(sample)], close=(1, 2))
    assert r.returncode == 1 and r.stdout == "" and r.stderr == ""
    assert _run(["score", "nope.veua"], close=(1, 2)).returncode == 2


# --- a display that does not answer ------------------------------------------------------------

def _dead_display() -> str:
    for n in range(90, 200):
        if not os.path.exists(f"/tmp/.X11-unix/X{n}") and not display._x_answers(f":{n}"):
            return f":{n}"
    pytest.skip("no unused X display number")


@posix_only
def test_display_problem_connects_before_it_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(display.sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    assert display.display_problem() == "no display to open the app on (DISPLAY is not set)"
    dead = _dead_display()
    monkeypatch.setenv("DISPLAY", dead)
    assert f"DISPLAY={dead}" in (display.display_problem() or "")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # needs no server
    assert display.display_problem() is None
    monkeypatch.delenv("QT_QPA_PLATFORM")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:  # something that answers
        server.bind(str(tmp_path / "X"))
        server.listen(1)
        monkeypatch.setenv("DISPLAY", str(tmp_path / "X"))
        assert display.display_problem() is None
        monkeypatch.setenv("QT_QPA_PLATFORM", "wayland")
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
        monkeypatch.setenv("WAYLAND_DISPLAY", "X")
        assert display.display_problem() is None
        monkeypatch.setenv("WAYLAND_DISPLAY", "gone")
        assert "Wayland compositor gone" in (display.display_problem() or "")


@posix_only
@pytest.mark.skipif(sys.platform == "darwin", reason="macOS always has its display")
def test_an_unusable_display_is_one_line_not_an_abort(sample: Path, tmp_path: Path) -> None:
    env = _env(DISPLAY=_dead_display())
    for args in (["gui", str(sample)], [str(sample)]):
        r = _run(args, env=env)
        assert r.returncode == 1, r.stderr
        assert r.stderr.count("\n") == 1 and "does not answer" in r.stderr and "xcb" not in r.stderr
    demo = _run(["demo", "-o", str(tmp_path / "out")], env=env)
    assert demo.returncode == 0, demo.stderr
    assert "does not answer" in demo.stderr and demo.stderr.count("\n") == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "sample-report-en.pdf", "sample-report-ja.pdf", "sample-summary.txt"]
    smoke = _run(["gui", "--smoke", str(sample)], env=env)  # meant for headless machines
    assert smoke.returncode == 0, smoke.stderr
    assert smoke.stdout.startswith("smoke ok")


# --- Ctrl-C ----------------------------------------------------------------------------------

# What a shell reports as exit status 130: the process exits 130 itself, or SIGINT ends it.
INTERRUPTED = (130, -signal.SIGINT)
# The console script `veu-assess`, as pip writes it, with one addition: a byte on a pipe once
# its first import (cli/entry.py, which takes over Ctrl-C) is done. Before that point, Ctrl-C
# meets the interpreter's own start-up (site, the import system), which the app cannot change.
LAUNCHER = ("import os, sys; from veu_assess.cli.entry import main; "
            "os.write(int(os.environ['READY_FD']), b'.'); sys.argv[0] = 'veu-assess'; main()")


def _interrupt_after(args: list[str], delay: float, cwd: Path,
                     env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Start veu-assess, wait until the app's code begins, wait ``delay`` more, send SIGINT."""
    ready_r, ready_w = os.pipe()
    proc = subprocess.Popen([sys.executable, "-c", LAUNCHER, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=cwd,
                            env={**(env or _env()), "READY_FD": str(ready_w)}, pass_fds=(ready_w,))
    os.close(ready_w)
    try:
        assert os.read(ready_r, 1) == b"."
    finally:
        os.close(ready_r)
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@posix_only
@pytest.mark.parametrize("delay", [0.0, 0.005, 0.01, 0.03, 0.08, 0.15, 0.3, 0.6])
def test_ctrl_c_at_any_moment_of_a_command(sample: Path, tmp_path: Path, delay: float) -> None:
    r = _interrupt_after(["report", str(sample), "-o", "out.pdf", "--lang", "ja"], delay, tmp_path)
    assert "Traceback" not in r.stderr and r.stderr.count("\n") <= 1, r.stderr
    assert r.returncode in (*INTERRUPTED, 0), r.stderr  # 0: it finished before the signal came
    if r.returncode in INTERRUPTED:
        assert r.stdout == ""
        assert list(tmp_path.iterdir()) == []  # no partial report, no temporary file
    else:
        assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF-")


@posix_only
@pytest.mark.parametrize("when", ["starting", "importing Qt", "rendering pages"])
def test_ctrl_c_during_the_gui_smoke_run(sample: Path, tmp_path: Path, when: str) -> None:
    env = _env(QT_QPA_PLATFORM="offscreen", VEU_ASSESS_DATA_DIR=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    delay = {"starting": 0.05, "importing Qt": 0.3, "rendering pages": 2.5}[when]
    r = _interrupt_after(["gui", "--smoke", str(sample)], delay, tmp_path, env)
    assert r.returncode in (*INTERRUPTED, 0), (r.returncode, r.stderr)  # never -11 (SIGSEGV) or -6
    assert "Traceback" not in r.stderr and r.stderr.count("\n") <= 1, r.stderr
    if r.returncode in INTERRUPTED:
        assert r.stdout == ""


# --- the bundled sample ----------------------------------------------------------------------

def test_demo_opens_a_copy_never_the_bundled_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    from veu_assess.cli import core_commands, gui_command
    from veu_assess.cli.main import run
    from veu_assess.resources import is_bundled

    opened: list[list[str]] = []
    monkeypatch.setattr(display, "display_problem", lambda: None)
    monkeypatch.setattr(gui_command, "launch_gui", lambda files, *a, **k: opened.append(files) or 0)
    before = sample_path().read_bytes()
    assert run(["demo"]) == 0
    (path,) = (Path(f) for f in opened[0])
    assert path.read_bytes() == before and not is_bundled(path) and path != sample_path()
    assert core_commands.demo_copy() != path  # every demo starts from the sample as shipped
    assert sample_path().read_bytes() == before


def test_the_bundled_sample_cannot_be_saved_over() -> None:
    from veu_assess.storage.errors import VeuaError
    from veu_assess.storage.veua import open_document, save_document

    before = sample_path().read_bytes()
    doc = open_document(sample_path())
    with pytest.raises(VeuaError, match="comes with the app"):
        save_document(doc, sample_path())
    assert sample_path().read_bytes() == before
    assert not [p for p in sample_path().parent.iterdir() if p.name.endswith(".tmp")]


# --- all or nothing ------------------------------------------------------------------------------

@pytest.mark.parametrize("fail_at", [1, 2, 3])
def test_demo_writes_all_outputs_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str], fail_at: int) -> None:
    import errno

    from veu_assess.cli.main import run
    from veu_assess.storage import files

    calls = []
    real = os.fsync

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == fail_at:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd)

    monkeypatch.setattr(files.os, "fsync", fsync)
    out = tmp_path / "out"
    assert run(["demo", "--headless", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "No space left on device" in err and "nothing was written" in err and err.count("\n") == 1
    assert not out.exists()  # the folder it made is gone too
    out.mkdir()
    (out / "mine.txt").write_text("kept")
    calls.clear()
    assert run(["demo", "--headless", "-o", str(out)]) == 2
    assert [p.name for p in out.iterdir()] == ["mine.txt"]  # an existing folder keeps its files only
    capsys.readouterr()
    monkeypatch.setattr(files.os, "fsync", real)
    assert run(["demo", "--headless", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "mine.txt", "sample-report-en.pdf", "sample-report-ja.pdf", "sample-summary.txt"]
