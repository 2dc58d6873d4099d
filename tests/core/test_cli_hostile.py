"""Hostile command lines: bad input of every kind ends with exit 2 and ONE line on stderr that says
what is wrong and where; never a traceback, never a hang, never a half-written or replaced output.
"""

from __future__ import annotations

import io
import os
import shutil
import stat
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from veu_assess.cli.main import _tolerant_stdout, run
from veu_assess.resources import sample_path
from veu_assess.text.terminal import MAX_MESSAGE

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev exist on POSIX only")


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the sample, an empty folder and assorted junk; the current directory."""
    shutil.copyfile(sample_path(), tmp_path / "s.veua")
    shutil.copyfile(sample_path(), tmp_path / "日本語の評価.veua")
    (tmp_path / "folder").mkdir()
    (tmp_path / "empty.veua").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("hello", "utf-8")
    (tmp_path / "junk.veua").write_bytes(os.urandom(200_000))
    if os.name == "posix":
        os.mkfifo(tmp_path / "pipe.veua")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_bounded(argv: list[str], seconds: float = 60) -> int:
    """Run the CLI in a thread so that a hang fails the test instead of blocking the run."""
    box: dict[str, int] = {}
    thread = threading.Thread(target=lambda: box.setdefault("rc", run(argv)), daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        if Path("pipe.veua").exists():  # release a reader blocked on the FIFO before failing
            fd = os.open("pipe.veua", os.O_WRONLY | os.O_NONBLOCK)
            os.close(fd)
        pytest.fail(f"veu-assess {' '.join(argv)} did not finish within {seconds} s")
    return box["rc"]


def assert_one_line(capsys: pytest.CaptureFixture[str], *expected: str) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("veu-assess: error:"), err
    assert "Traceback" not in err and len(err) < MAX_MESSAGE + 100
    for text in expected:
        assert text in err, err
    return err


LONG = "x" * 5000
READERS = [["score"], ["score", "--json"], ["validate"], ["validate", "--quick"], ["diff", "s.veua"]]
BAD_INPUTS = [
    ("nofile.veua", "no such file"),
    ("folder", "folder"),
    ("empty.veua", "not a .veua"),
    ("notes.txt", "not a .veua"),
    ("junk.veua", "not a .veua"),
    (LONG + ".veua", "xxx"),
    ("missing/日本語.veua", "no such file"),
    ("a\u202eb\x1bc.veua", "no such file"),
    pytest.param("pipe.veua", "is a pipe", marks=posix_only),
    pytest.param("/dev/zero", "is a device", marks=posix_only),
    pytest.param("/dev/null", "is a device", marks=posix_only),
]


@pytest.mark.parametrize("command", READERS, ids=" ".join)
@pytest.mark.parametrize(("source", "says"), BAD_INPUTS)
def test_bad_input_files(work: Path, capsys: pytest.CaptureFixture[str], command: list[str], source: str,
                         says: str) -> None:
    argv = [command[0], *command[1:], source] if command[0] != "diff" else ["diff", "s.veua", source]
    assert run_bounded(argv) == 2
    err = assert_one_line(capsys, says)
    assert "\x1b" not in err and "\u202e" not in err  # no terminal or bidi tricks reach the terminal


@pytest.mark.parametrize("command", [["report"], ["export", "--format", "csv"]], ids=" ".join)
@pytest.mark.parametrize(("source", "says"), [
    ("nofile.veua", "no such file"), ("folder", "is a folder, not a .veua file"), ("notes.txt", "not a .veua"),
    pytest.param("pipe.veua", "is a pipe, not a .veua file", marks=posix_only),
    pytest.param("/dev/zero", "is a device, not a .veua file", marks=posix_only),
])
def test_bad_sources_of_outputs(work: Path, capsys: pytest.CaptureFixture[str], command: list[str],
                                source: str, says: str) -> None:
    assert run_bounded([command[0], source, *command[1:], "-o", "out.pdf"]) == 2
    assert_one_line(capsys, says)
    assert not (work / "out.pdf").exists()


OUTPUT_COMMANDS: list[Callable[[str], list[str]]] = [
    lambda out: ["report", "s.veua", "-o", out],
    lambda out: ["report", "s.veua", "--lang", "ja", "-o", out],
    lambda out: ["export", "s.veua", "--format", "csv", "-o", out],
    lambda out: ["export", "s.veua", "--format", "oscal-ar", "-o", out],
    lambda out: ["sample", "-o", out],
]


@pytest.mark.parametrize("make_argv", OUTPUT_COMMANDS, ids=["report", "report-ja", "csv", "oscal", "sample"])
@pytest.mark.parametrize(("target", "says"), [
    ("missing/out.x", "missing: no such folder"),
    ("notes.txt/out.x", "no such folder"),
    ("folder", "folder"),
    # A pipe stands for every special file: /dev/null itself is not used here, because a regression
    # would replace the machine's device node with a regular file (as it once did, run as root).
    pytest.param("pipe.veua", "is a pipe", marks=posix_only),
])
def test_bad_output_paths(work: Path, capsys: pytest.CaptureFixture[str], make_argv: Callable[[str], list[str]],
                          target: str, says: str) -> None:
    before = {p.name for p in work.iterdir()}
    assert run_bounded(make_argv(target)) == 2
    assert_one_line(capsys, says)
    assert {p.name for p in work.iterdir()} == before  # no temporary or partial file left behind
    if target == "pipe.veua":
        assert stat.S_ISFIFO(os.stat(target).st_mode)


@pytest.mark.parametrize("make_argv", OUTPUT_COMMANDS[:4], ids=["report", "report-ja", "csv", "oscal"])
def test_output_must_not_overwrite_the_input(work: Path, capsys: pytest.CaptureFixture[str],
                                              make_argv: Callable[[str], list[str]]) -> None:
    before = (work / "s.veua").read_bytes()
    assert run_bounded(make_argv("./s.veua")) == 2
    assert_one_line(capsys, "would overwrite the assessment itself")
    assert (work / "s.veua").read_bytes() == before


def test_unwritable_folder_names_the_target_not_a_temporary_file(
        work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refuse(*_a: object, **_k: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # as a read-only folder would (tests may run as root)
    assert run_bounded(["report", "s.veua", "-o", "out.pdf"]) == 2
    err = assert_one_line(capsys, "out.pdf", "Permission denied")
    assert ".tmp" not in err


@pytest.mark.parametrize("argv", [
    ["report", "s.veua", "-o", "x.pdf", "--lang", "xx"],
    ["report", "s.veua", "-o", "x.pdf", "--lang", ""],
    ["export", "s.veua", "--format", "unknown", "-o", "x.csv"],
    ["export", "s.veua", "--format", "csv", "--lang", "xx", "-o", "x.csv"],
    ["tpp", "--tops", LONG, "--bits", "8"],
    ["tpp", "--tops", "9" * 400, "--bits", "8"],
    ["tpp", "--tops", "10", "--bits", "9" * 5000],
    ["score", "s.veua", "s.veua"],
    ["report", "s.veua"],
    ["--lang", "xx"],
    ["gui", "--smoke", "nofile.veua"],
    ["gui", "--smoke", "folder"],
    ["gui", "nofile.veua"],
    ["nofile.veua"],
], ids=lambda a: " ".join(a)[:40])
def test_bad_arguments(work: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    assert run_bounded(argv) == 2
    assert_one_line(capsys)
    assert not any(work.glob("x.*"))


@pytest.mark.parametrize("argv", [
    ["tpp", "--tops", "1e308", "--bits", "8", "--die-area", "1e-320"],
    ["tpp", "--tops", "1e308", "--bits", "128"],
])
def test_extreme_but_valid_numbers_do_not_overflow(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    assert run(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("TPP: ") and "3A090.a" in out


def test_japanese_names_work(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["validate", "日本語の評価.veua"]) == 0
    assert run(["report", "日本語の評価.veua", "-o", "報告書.pdf", "--lang", "ja"]) == 0
    assert (work / "報告書.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.skipif(sys.platform != "linux", reason="non-UTF-8 file names are a POSIX byte-path matter")
def test_non_utf8_output_name_is_written_and_reported(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name = os.fsdecode(b"out\xff.veua")  # surrogate-escaped, as argv delivers it
    raw = io.BytesIO()
    strict = io.TextIOWrapper(raw, encoding="utf-8", errors="strict")
    monkeypatch.setattr(sys, "stdout", strict)
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(io.BytesIO(), encoding="utf-8"))
    _tolerant_stdout()  # what main() does: a strict console would fail after the work is done
    assert run(["sample", "-o", name]) == 0
    strict.flush()
    assert b"out\\udcff.veua" in raw.getvalue()
    assert os.path.exists(os.fsencode(name))


def test_the_app_is_not_started_without_a_display(work: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert run(["gui", "s.veua"]) == 1  # an environment problem, not bad input; Qt would abort (134)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no display" in err


@pytest.mark.parametrize(("word", "hint"), [("scroe", "did you mean 'score'?"), ("frobnicate", "commands: catalog")])
def test_a_mistyped_command_is_not_opened_as_a_file(work: Path, capsys: pytest.CaptureFixture[str],
                                                    word: str, hint: str) -> None:
    assert run([word, "s.veua"]) == 2
    err = assert_one_line(capsys)
    assert f"unknown command '{word}'" in err and hint in err


def test_a_file_named_like_a_word_still_opens_in_the_app(work: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """`veu-assess assessment` where ./assessment exists is a file to open, not a command."""
    shutil.copyfile(work / "s.veua", work / "assessment")
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert run(["assessment"]) == 1  # reached the app (which needs a display), not "unknown command"
    assert "unknown command" not in capsys.readouterr().err


@posix_only
def test_a_closed_pipe_ends_quietly(work: Path) -> None:
    """`veu-assess score F | true`: the reader is gone; no error line, exit 141 like a shell's SIGPIPE."""
    import subprocess

    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will ever read
    proc = subprocess.run([sys.executable, "-m", "veu_assess", "score", "s.veua"], stdout=write_end,
                          stderr=subprocess.PIPE, timeout=120, check=False)
    os.close(write_end)
    assert proc.returncode == 141
    assert proc.stderr == b""


def test_score_escapes_names_from_the_file(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from veu_assess.storage.veua import open_document, save_document

    doc = open_document(work / "s.veua")
    doc.assessment.profile.applicant_name = "Evil\nReadiness level: Ready\x1b[2J"
    save_document(doc, work / "evil.veua")
    assert run(["score", "evil.veua"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "VEU readiness: Evil\\u000aReadiness level: Ready\\u001b[2J"
