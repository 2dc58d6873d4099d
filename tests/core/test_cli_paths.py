"""Paths on the command line: every refusal names the path and says why, before anything is
written; an existing assessment is never replaced without --force; a full disk names the file."""

from __future__ import annotations

import errno
import os
import re
import zipfile
from pathlib import Path

import pytest

from veu_assess.cli.main import run
from veu_assess.resources import sample_path
from veu_assess.storage import files


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("veu-assess: error: "), err
    return err.removeprefix("veu-assess: error: ").strip()


def test_sample_does_not_replace_an_assessment_without_force(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    mine = tmp_path / "mine.veua"
    mine.write_bytes(b"my own work")
    assert run(["sample", "-o", str(mine)]) == 2
    assert "already exists" in _error(capsys) and mine.read_bytes() == b"my own work"
    assert run(["sample", "-o", str(mine), "--force"]) == 0
    assert mine.read_bytes() == sample_path().read_bytes()


@pytest.mark.parametrize("argv", [["sample", "-o", "{t}/new.veua/"],
                                  ["report", "{s}", "-o", "{t}/new.pdf/"],
                                  ["export", "{s}", "--format", "csv", "-o", "{t}/new.csv/"]])
def test_a_trailing_slash_is_refused(tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    argv = [a.format(t=tmp_path, s=sample_path()) for a in argv]
    assert run(argv) == 2
    assert "ends in '/'" in _error(capsys)
    assert list(tmp_path.iterdir()) == []


def test_demo_checks_every_output_before_writing_any(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "demo"
    (out / "sample-report-ja.pdf").mkdir(parents=True)
    assert run(["demo", "--headless", "-o", str(out)]) == 2
    assert "sample-report-ja.pdf" in _error(capsys)
    assert sorted(p.name for p in out.iterdir()) == ["sample-report-ja.pdf"]  # nothing else written
    afile = tmp_path / "a.veua"
    afile.write_bytes(b"x")
    assert run(["demo", "--headless", "-o", str(afile)]) == 2
    assert "is a file, not a folder" in _error(capsys)


def test_a_full_disk_names_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", full)
    target = tmp_path / "r.pdf"
    assert run(["report", str(sample_path()), "-o", str(target)]) == 2
    message = _error(capsys)
    assert message.startswith(f"{target}: cannot write it (No space left on device)")
    assert list(tmp_path.iterdir()) == []  # the temporary file went too


def test_diff_says_which_file_it_refuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.veua"
    bad.write_bytes(b"")
    assert run(["diff", str(sample_path()), str(bad)]) == 2
    assert _error(capsys).startswith(f"{bad}: zip: this is not a .veua assessment file (the file is empty)")
    assert run(["diff", str(bad), str(sample_path())]) == 2
    assert _error(capsys).startswith(f"{bad}: ")


def test_a_loop_of_links_is_said_as_such(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loop = tmp_path / "loop.veua"
    loop.symlink_to(loop)
    assert run(["report", str(loop), "-o", str(tmp_path / "r.pdf")]) == 2
    assert "Too many levels of symbolic links" in _error(capsys)


def test_usage_errors_name_the_command_once(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["tpp", "--tops", "x", "--bits", "8"]) == 2
    assert _error(capsys) == "tpp: argument --tops: not a number: 'x'"


def _with_assessment(tmp_path: Path, change: str, to: str) -> Path:
    with zipfile.ZipFile(sample_path()) as zf:
        entries = {i.filename: zf.read(i) for i in zf.infolist()}
    text = entries["assessment.json"].decode()
    edited = re.sub(change, to, text, count=1)
    assert edited != text
    entries["assessment.json"] = edited.encode()
    out = tmp_path / "edited.veua"
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return out


@pytest.mark.parametrize(("change", "to", "said"), [
    ('"schema_version":2', '"schema_version":"2"', "its schema version '2' disagrees"),
    ('"assessment_date":"[0-9-]+"', '"assessment_date":20261102', "a date is expected, written YYYY-MM-DD"),
    ('"schema_version":2', '"schema_version":2' + "1" * 5000, "a number of 5,001 digits"),
])
def test_wrong_types_are_said_plainly(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      change: str, to: str, said: str) -> None:
    assert run(["score", str(_with_assessment(tmp_path, change, to))]) == 2
    assert said in _error(capsys)


def test_score_notes_what_it_cannot_score_faithfully(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from veu_assess.model.assessment import Answer, AnswerState
    from veu_assess.storage.veua import open_document, save_document

    doc = open_document(sample_path())
    doc.assessment.catalog_version = "1999.1.1"
    doc.assessment.answers["ZZZ-99"] = Answer(state=AnswerState.MET)
    saved = tmp_path / "other.veua"
    save_document(doc, saved)
    assert run(["score", str(saved)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and all(line.startswith(f"veu-assess: note: {saved}: ") for line in err)
    assert "written for questionnaire" in err[0] and "1999.1.1" in err[0]
    assert "(ZZZ-99)" in err[1] and "not scored" in err[1]
    assert run(["score", str(sample_path())]) == 0
    assert capsys.readouterr().err == ""  # an ordinary file: nothing to note
    edited = _with_assessment(tmp_path, '"title":"', '"title":"x')
    assert run(["diff", str(sample_path()), str(edited)]) == 0
    assert "was modified by another program" in capsys.readouterr().err
