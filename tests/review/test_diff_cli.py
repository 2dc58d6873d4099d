"""`veu-assess diff OLD NEW [--json]` through the real CLI: exit 0 with output, exit 2 one line."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from veu_assess.catalog.loader import default_catalog
from veu_assess.cli.main import run
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.resources import sample_path
from veu_assess.review import record_verdict, sign_off
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
    assert lines[-3] == "Requirements that changed: 1 (0 added, 0 removed, 1 changed)"
    assert lines[-2] == f"  changed  {key}: met -> not met [state, notes]"
    assert lines[-1] == "old.veua has no sign-off: nothing to compare with."


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
    assert run(["diff"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert run(["diff", "only-one.veua"]) == 2  # one file: it must exist
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "only-one.veua" in err


@pytest.fixture
def signed(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """The sample signed off with a verdict on one item, then a copy with two items edited."""
    old = tmp_path / "signed.veua"
    shutil.copy(sample_path(), old)
    doc = open_document(old)
    keys = sorted(k for k, a in doc.assessment.answers.items() if a.state is AnswerState.MET)[:3]
    record_verdict(doc, keys[0], "accepted", reviewer="Ken")
    sign_off(doc, "Ken Auditor", date=dt.date(2026, 12, 1))
    save_document(doc, old)
    doc.assessment.answers[keys[0]] = Answer(state=AnswerState.PARTIALLY_MET, notes="lapsed")
    del doc.assessment.answers[keys[1]]
    new = tmp_path / "edited.veua"
    save_document(doc, new)
    return old, new, keys


def test_diff_lists_the_items_changed_since_the_last_sign_off_of_the_old_file(
        signed: tuple[Path, Path, list[str]], capsys: pytest.CaptureFixture[str]) -> None:
    old, new, keys = signed
    assert run(["diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    tail = out[out.index("Items changed since"):].splitlines()
    assert tail == [
        "Items changed since the last sign-off of signed.veua (2026-12-01, Ken Auditor): 2",
        *sorted([f"  changed               {keys[0]}", f"  answer removed since  {keys[1]}"],
                key=lambda line: line.split()[-1]),
        "Verdicts in edited.veua on items changed after the verdict (stale): 1",
        f"  {keys[0]}",
    ]
    assert keys[2] not in out[out.index("Items changed since"):]
    assert run(["diff", str(old), str(new), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["since_signoff"]["items"] == sorted(
        [{"key": keys[0], "change": "changed"}, {"key": keys[1], "change": "cleared"}], key=lambda d: d["key"])
    assert data["since_signoff"]["signoff"]["name"] == "Ken Auditor" and data["stale_verdicts"] == [keys[0]]
    assert data["since_signoff"]["other_changed"] is False


def test_diff_of_one_file_against_its_own_last_sign_off(signed: tuple[Path, Path, list[str]],
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    old, new, keys = signed
    assert run(["diff", str(old)]) == 0
    expected = "Nothing changed since the last sign-off of signed.veua (2026-12-01, Ken Auditor).\n"
    assert capsys.readouterr().out == expected
    assert run(["diff", str(new), "--json"]) == 0  # the edited copy carries the sign-off too
    data = json.loads(capsys.readouterr().out)
    assert data["file"] == "edited.veua" and [i["key"] for i in data["since_signoff"]["items"]] == sorted(keys[:2])
    assert "overall" not in data


def test_diff_against_a_sign_off_of_an_earlier_app_says_it_cannot_tell(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "v1.veua"
    shutil.copy(Path(__file__).resolve().parents[1] / "fixtures" / "veua" / "v1-full.veua", old)
    doc = open_document(old)
    key = next(iter(doc.review.verdicts))
    doc.assessment.answers[key] = Answer(state=AnswerState.NOT_MET, notes="changed")
    new = tmp_path / "new.veua"
    save_document(doc, new)
    assert run(["diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert ("Changed since the last sign-off of v1.veua (2026-11-28, A. Auditor). Which items changed cannot be "
            "determined for this sign-off") in out
    assert "Items changed since" not in out and "stale" not in out
    assert run(["diff", str(old), str(new), "--json"]) == 0
    since = json.loads(capsys.readouterr().out)["since_signoff"]
    assert (since["content_changed"], since["items_known"], since["items"]) == (True, False, None)
