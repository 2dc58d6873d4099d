"""`veu-assess diff OLD NEW [--json]` through the real CLI: exit 0 with output, exit 2 one line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from veu_assess.catalog.loader import default_catalog
from veu_assess.cli.main import run
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.resources import sample_path
from veu_assess.storage.veua import open_document, save_document


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path, str]:
    old = tmp_path / "old.veua"
    shutil.copy(sample_path(), old)
    doc = open_document(old)
    catalog = default_catalog()
    # a VEU answer: an optional module's answer never moves the VEU score the test checks
    key = next(k for k, a in sorted(doc.assessment.answers.items()) if a.state is AnswerState.MET
               and catalog.section(catalog.section_of[k.split("@")[0]]).module is None)
    doc.assessment.answers[key] = Answer(state=AnswerState.NOT_MET, notes="lapsed")
    new = tmp_path / "new.veua"
    save_document(doc, new)
    return old, new, key


def test_diff_text(files: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    old, new, key = files
    assert run(["diff", str(old), str(new)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Comparing old.veua -> new.veua"
    assert lines[-2] == "Requirements that changed: 1 (0 added, 0 removed, 1 changed)"
    assert lines[-1] == f"  changed  {key}: met -> not met [state, notes]"


def test_diff_json(files: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    old, new, key = files
    assert run(["diff", str(old), str(new), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["changes"] == [{"key": key, "requirement": key.split("@")[0], "site": None if "@" not in key
                                else key.split("@")[1], "change": "changed", "old_state": "met",
                                "new_state": "not_met", "fields": ["state", "notes"]}]
    assert data["overall"]["delta"] < 0


@pytest.mark.parametrize("bad", ["missing.veua", "garbage.veua"])
def test_bad_input_exit_2_one_line(files: tuple[Path, Path, str], bad: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    old, _, _ = files
    target = old.parent / bad
    if bad == "garbage.veua":
        target.write_bytes(b"this is not a zip")
    assert run(["diff", str(old), str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("veu-assess: error: ") and err.count("\n") == 1 and "Traceback" not in err


def test_missing_argument_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["diff", "only-one.veua"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
