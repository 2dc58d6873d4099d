"""What the command line says: a file named once, one wording for a folder given as input, a
device not called a file, a too-long path named as such, a missing forms folder is bad input."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tests.conftest import REPO
from veu_assess import __version__
from veu_assess.cli.main import run
from veu_assess.resources import sample_path


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("veu-assess: error: "), err
    return err.removeprefix("veu-assess: error: ").strip()


def test_diff_names_a_missing_file_once(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["diff", "nope.veua", str(sample_path())]) == 2
    assert _error(capsys) == "nope.veua: no such file"


@pytest.mark.parametrize("argv", [["score", "{d}"], ["validate", "{d}"], ["diff", "{d}", "{s}"],
                                  ["report", "{d}", "-o", "{o}/x.pdf"],
                                  ["export", "{d}", "--format", "csv", "-o", "{o}/x.csv"], ["gui", "{d}"]])
def test_a_folder_as_input_is_said_the_same_way_by_every_command(
        tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    assert run([a.format(d=folder, s=sample_path(), o=tmp_path) for a in argv]) == 2
    assert _error(capsys) == f"{folder} is a folder, not a .veua file"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_device_as_output_folder_is_not_called_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["demo", "--headless", "-o", "/dev/full"]) == 2
    err = _error(capsys)
    assert "is a file" not in err and "not a folder" in err and err.startswith("/dev/full:")


def test_file_name_too_long_says_which_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    long_name = tmp_path / ("a" * 300 + ".veua")
    assert run(["score", str(long_name)]) == 2
    assert "a name in this path is too long (305 bytes; the limit is 255)" in _error(capsys)
    deep = Path(str(tmp_path) + "/abcdefghij" * 420) / "x.veua"  # every part short, the whole too long
    assert run(["score", str(deep)]) == 2
    err = _error(capsys)
    assert "the path is too long" in err and err.endswith("x.veua: the path is too long "
                                                          f"({len(str(deep).encode())} bytes)")


def test_catalog_check_of_a_missing_folder_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["catalog", "--check", "--forms", "nodir"]) == 2
    assert _error(capsys) == "nodir: no such folder; give the folder that holds catalog.yaml"


def test_the_version_constant_is_the_packaged_version() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert __version__ == project["version"]
