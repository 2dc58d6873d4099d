"""A bug of the app is never reported as bad input: one line that says it is a bug, with the
version and the log holding the trace, and exit code 1, never 2. Each test plants a one-line bug
(with monkeypatch) in the reader, the engine or a command, and checks what the user is told;
the last test checks that real bad input is still said as such (exit 2)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from veu_assess import __version__
from veu_assess.cli.main import run
from veu_assess.engine import calculators, scoring
from veu_assess.resources import sample_path
from veu_assess.storage import reader
from veu_assess.storage.errors import VeuaError
from veu_assess.storage.veua import open_document


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("VEU_ASSESS_DATA_DIR", str(folder))
    return folder


def assert_bug(code: int, err: str, data_dir: Path, planted: str) -> None:
    lines = err.strip().splitlines()
    assert code == 1, err
    assert len(lines) == 1, err
    assert "a bug in the app" in lines[0] and __version__ in lines[0]
    assert "damaged" not in lines[0] and "error:" not in lines[0]
    log = data_dir / "logs" / "veu-assess.log"
    assert str(log) in lines[0]
    trace = log.read_text(encoding="utf-8")
    assert "Traceback" in trace and planted in trace


def _entries_lookup(manifest: reader.Manifest, raws: dict[str, bytes], digest: str, evidence: list[str],
                    version: int) -> list[str]:
    # The bug of the issue: ``entries[name]`` where ``entries.get(name)`` was meant.
    return [name for name in raws if manifest.entries["no-such-entry"] != name]


def test_a_bug_in_the_reader_is_not_a_damaged_file(monkeypatch: pytest.MonkeyPatch, data_dir: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(reader, "_manifest_problems", _entries_lookup)
    with pytest.raises(KeyError):  # not a VeuaError: nothing disguises it as the file's fault
        open_document(sample_path())
    assert_bug(run(["validate", str(sample_path())]), capsys.readouterr().err, data_dir, "no-such-entry")


def test_a_bug_in_the_engine_is_not_bad_input(monkeypatch: pytest.MonkeyPatch, data_dir: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    def level(*_args: object) -> None:
        raise ValueError("planted in _level")  # a ValueError, like most bad input: still a bug

    monkeypatch.setattr(scoring, "_level", level)
    assert_bug(run(["score", str(sample_path())]), capsys.readouterr().err, data_dir, "planted in _level")


def test_a_bug_in_a_command_is_not_bad_input(monkeypatch: pytest.MonkeyPatch, data_dir: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    def classify(*_args: object) -> None:
        raise ValueError("bit length must be at least 1")  # the calculator's own words, from a bug

    monkeypatch.setattr(calculators, "classify", classify)  # tpp imports it when it runs
    assert_bug(run(["tpp", "--tops", "100", "--bits", "8"]), capsys.readouterr().err, data_dir, "bit length")


def test_the_log_cannot_be_written_still_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("VEU_ASSESS_DATA_DIR", str(blocker))
    monkeypatch.setattr(reader, "_manifest_problems", _entries_lookup)
    assert run(["validate", str(sample_path())]) == 1
    err = capsys.readouterr().err.strip()
    assert "a bug in the app" in err and "could not be written" in err and "\n" not in err


def test_bad_input_is_still_bad_input(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damaged = tmp_path / "damaged.veua"
    with zipfile.ZipFile(sample_path()) as src, zipfile.ZipFile(damaged, "w") as out:
        for info in src.infolist():
            out.writestr(info, src.read(info) if info.filename != "assessment.json" else b"{not json")
    with pytest.raises(VeuaError):
        open_document(damaged)
    assert run(["score", str(damaged)]) == 2
    err = capsys.readouterr().err
    assert "not valid JSON" in err and "bug" not in err
    assert not (data_dir / "logs").exists()
