"""The CLI contract: names, outputs, and exit code 2 with one line on stderr for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from veu_assess.catalog.loader import Catalog
from veu_assess.cli.main import run
from veu_assess.engine.visibility import visible_items
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.storage.document import Document
from veu_assess.storage.veua import save_document


@pytest.fixture
def saved(tmp_path: Path, document: Document, catalog: Catalog) -> Path:
    items = visible_items(catalog, document.assessment)
    document.assessment.profile.applicant_name = "Example 株式会社"
    for i, it in enumerate(items[:10]):
        state = [AnswerState.MET, AnswerState.NOT_MET][i % 2]
        document.assessment.set_answer(it.requirement.id, Answer(state=state), it.site_id)
    path = tmp_path / "a.veua"
    save_document(document, path)
    return path


def test_score_text_and_json(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["score", str(saved)]) == 0
    text = capsys.readouterr().out
    assert "Readiness level:" in text and "Example 株式会社" in text
    assert run(["score", str(saved), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["answered"] == 10
    assert len(data["gaps"]) == 5
    assert all(g["citation"] and g["remediation"] for g in data["gaps"])


def test_score_shows_the_auditor_adjusted_result_beside_the_operators(
        tmp_path: Path, document: Document, catalog: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    from veu_assess.review import record_verdict

    items = visible_items(catalog, document.assessment)
    for it in items:
        document.assessment.set_answer(it.requirement.id, Answer(state=AnswerState.MET), it.site_id)
    path = tmp_path / "all met.veua"
    save_document(document, path)
    assert run(["score", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["auditor_adjusted"] is None
    assert run(["score", str(path)]) == 0
    assert "Auditor-adjusted" not in capsys.readouterr().out
    gate = next(it for it in items if it.requirement.gate)
    record_verdict(document, gate.key, "rejected", comment="unsigned", adjusted_state="not_met")
    save_document(document, path)
    assert run(["score", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["auditor_adjusted"]["gates_failed"] == [gate.key]
    assert data["auditor_adjusted"]["level"] != data["level"]  # the operator's level is kept beside it
    assert run(["score", str(path)]) == 0
    text = capsys.readouterr().out
    assert "Auditor-adjusted (1 adjusted state(s), beside the operator's result above): " in text
    assert "gates failed: 1" in text


def test_tpp_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["tpp", "--tops", "1979", "--bits", "8", "--die-area", "814"]) == 0
    out = capsys.readouterr().out
    assert "TPP: 15,832.0" in out and "19.45" in out and "3A090.a" in out and "4A090" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["score", "/no/such/file.veua"],
        ["tpp", "--tops", "abc", "--bits", "8"],
        ["tpp", "--tops", "-1", "--bits", "8"],
        ["tpp", "--tops", "nan", "--bits", "8"],
        ["tpp", "--tops", "10", "--bits", "0"],
        ["tpp", "--tops", "10", "--bits", "8", "--die-area", "0"],
        ["no-such-command-but-a-flag", "--x"],
        ["catalog"],
        ["sample"],
    ],
)
def test_bad_input_exits_2_with_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("veu-assess: error:")
    assert "Traceback" not in err


def test_not_a_veua_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bogus = tmp_path / "notes.veua"
    bogus.write_text("hello", "utf-8")
    assert run(["score", str(bogus)]) == 2
    assert "not a .veua" in capsys.readouterr().err


def test_one_met_answer_on_a_new_assessment_is_incomplete(
    tmp_path: Path, document: Document, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's first finding: one "Met" answer used to print "Ready with conditions", 100 %."""
    first = visible_items(catalog, document.assessment)[0]
    document.assessment.set_answer(first.requirement.id, Answer(state=AnswerState.MET), first.site_id)
    path = tmp_path / "one.veua"
    save_document(document, path)
    assert run(["score", str(path)]) == 0
    text = capsys.readouterr().out
    assert "Readiness level: Incomplete" in text.splitlines()
    assert "Ready" not in text.replace("Readiness", "")
    total = len(visible_items(catalog, document.assessment))
    readiness_line = next(ln for ln in text.splitlines() if ln.startswith("Readiness:"))
    assert f"Completeness: 1/{total} answered" in readiness_line
    assert run(["score", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["level"] == "incomplete"
    assert data["completeness"] == pytest.approx(100 / total, abs=0.01)
    assert 0 < data["readiness"] < 10 and data["answered_items_score"] == 100.0
    for s in data["sections"]:
        assert {"readiness", "completeness"} <= set(s)
    assert next(s["completeness"] for s in data["sections"] if s["visible"]) > 0
    assert len(data["unanswered"]) == total - 1
