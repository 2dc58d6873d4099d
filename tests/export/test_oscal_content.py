"""What the OSCAL documents say: they mirror the engine's result, references resolve, bytes are stable."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.oscal.support import answer_all, open_profile, sign_off
from veu_assess.catalog.loader import Catalog
from veu_assess.engine.scoring import evaluate
from veu_assess.export.oscal import (
    NS,
    build_assessment_results,
    build_poam,
    export_oscal_ar,
    export_oscal_poam,
    is_gap_item,
    render_oscal,
    write_oscal,
)
from veu_assess.export.oscal.markdown import md_unescape
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.model.review import VerdictState
from veu_assess.storage.document import Document


def _prop(obj: dict[str, Any], name: str) -> str | None:
    return next((p["value"] for p in obj.get("props", []) if p["name"] == name and p.get("ns") == NS), None)


def _key(obj: dict[str, Any]) -> str:
    rid, site = _prop(obj, "requirement-id"), _prop(obj, "site-id")
    assert rid
    return f"{rid}@{site}" if site else rid


def _walk(node: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield k, v
            yield from _walk(v)
    elif isinstance(node, list):
        for v in node:
            yield from _walk(v)


@pytest.fixture
def signed(catalog: Catalog, document: Document) -> Document:
    open_profile(document, catalog)
    answer_all(document, catalog, na_every=5, evidence=True)
    sign_off(document, catalog)
    return document


def test_every_gap_is_a_poam_item_in_rank_order(catalog: Catalog, signed: Document) -> None:
    gaps = evaluate(catalog, signed.assessment).gaps
    assert gaps
    poam = build_poam(signed, catalog)["plan-of-action-and-milestones"]
    items = poam["poam-items"]
    assert all(is_gap_item(i) for i in items)
    assert [_key(i) for i in items] == [g.item.key for g in gaps]
    for item, gap in zip(items, gaps, strict=True):
        req = gap.requirement
        assert _prop(item, "priority") == gap.priority
        assert _prop(item, "gap-rank") == str(gap.rank)
        assert _prop(item, "citation") == " ".join(req.citation.split())
        assert req.remediation.en.strip() in item["description"]
        if gap.answer.due:
            assert _prop(item, "due") == gap.answer.due.isoformat()
            risk = next(r for r in poam["risks"] if r["uuid"] == item["related-risks"][0]["risk-uuid"])
            assert risk["deadline"] == f"{gap.answer.due.isoformat()}T00:00:00Z"
            assert risk["remediations"][0]["lifecycle"] == "planned"
        if gap.answer.owner.strip():
            assert _prop(item, "owner") == " ".join(gap.answer.owner.split())


def test_poam_citation_resolves_to_back_matter(catalog: Catalog, signed: Document) -> None:
    poam = build_poam(signed, catalog)["plan-of-action-and-milestones"]
    resources = {r["uuid"]: r for r in poam["back-matter"]["resources"]}
    for item in poam["poam-items"]:
        link = item["links"][0]
        assert link["rel"] == "reference"
        # citation.text is Markdown (escaped); the prop is the plain citation.
        assert md_unescape(resources[link["href"][1:]]["citation"]["text"]) == _prop(item, "citation")


def test_every_answered_item_is_a_finding(catalog: Catalog, signed: Document) -> None:
    # Not-applicable answers are findings too (an auditor must see them), and the auditor's
    # verdict decides the status: an adjusted state wins, a rejection is not-satisfied.
    result = evaluate(catalog, signed.assessment)
    answered = {
        it.key: signed.assessment.answers[it.key].state
        for it in result.items
        if it.key in signed.assessment.answers and signed.assessment.answers[it.key].state is not AnswerState.UNANSWERED
    }
    assert any(a.state is AnswerState.NOT_APPLICABLE for a in signed.assessment.answers.values())
    res = build_assessment_results(signed, catalog)["assessment-results"]["results"][0]
    findings = {_key(f): f for f in res["findings"]}
    assert set(findings) == set(answered)
    gap_keys = {g.item.key for g in result.gaps}
    for key, f in findings.items():
        verdict = signed.review.verdicts.get(key)
        concluded = verdict.adjusted_state if verdict and verdict.adjusted_state else answered[key]
        rejected = verdict is not None and verdict.state is VerdictState.REJECTED and not verdict.adjusted_state
        satisfied = not rejected and concluded in (AnswerState.MET, AnswerState.NOT_APPLICABLE)
        assert f["target"]["type"] == "objective-id"
        assert f["target"]["status"]["state"] == ("satisfied" if satisfied else "not-satisfied")
        assert ("related-risks" in f) == (key in gap_keys)
    controls = [c["control-id"] for c in res["reviewed-controls"]["control-selections"][0]["include-controls"]]
    assert controls == list(dict.fromkeys(it.requirement.id.lower() for it in result.items))
    assert len(res["risks"]) == len(result.gaps)


@pytest.mark.parametrize("kind", ["ar", "poam"])
def test_every_reference_resolves(kind: str, catalog: Catalog, signed: Document) -> None:
    doc = render_oscal(signed, catalog, kind)  # type: ignore[arg-type]
    data = json.loads(doc)
    defined = {v for k, v in _walk(data) if k == "uuid"}
    assert len(defined) == sum(1 for k, _ in _walk(data) if k == "uuid"), "a uuid is defined twice"
    refs = [v for k, v in _walk(data) if k.endswith("-uuid")]
    refs += [u for k, v in _walk(data) if k.endswith("-uuids") for u in v]
    refs += [v[1:] for k, v in _walk(data) if k == "href" and v.startswith("#")]
    assert refs and set(refs) <= defined
    roles = {r["id"] for r in next(iter(data.values()))["metadata"]["roles"]}
    assert {v for k, v in _walk(data) if k == "role-id"} <= roles


def test_signoffs_are_attestations_with_digest_check(catalog: Catalog, signed: Document) -> None:
    res = build_assessment_results(signed, catalog)["assessment-results"]["results"][0]
    parts = [a["parts"][0] for a in res["attestations"]]
    assert [_prop(p, "digest-matches") for p in parts] == ["true", "false"]  # the second one is stale
    verdicts = [o for o in res["observations"] if _prop(o, "verdict")]
    assert len(verdicts) == len(signed.review.verdicts)


def test_evidence_is_hashed_back_matter(catalog: Catalog, signed: Document) -> None:
    ar = build_assessment_results(signed, catalog)["assessment-results"]
    hashes = {
        h["value"] for r in ar["back-matter"]["resources"] for link in r.get("rlinks", []) for h in link["hashes"]
    }
    assert hashes == signed.assessment.evidence_hashes()


def test_empty_assessment_poam_says_no_open_items(catalog: Catalog, document: Document) -> None:
    items = build_poam(document, catalog)["plan-of-action-and-milestones"]["poam-items"]
    assert len(items) == 1 and not is_gap_item(items[0])
    assert "not answered yet" in items[0]["description"]


def test_same_document_same_bytes_and_uuids_follow_the_assessment(catalog: Catalog, signed: Document) -> None:
    for kind in ("ar", "poam"):
        first = render_oscal(signed, catalog, kind)
        assert first == render_oscal(signed, catalog, kind)
        assert first.endswith(b"}\n") and b'\n  "' in first  # indent 2, trailing newline
    before = build_assessment_results(signed, catalog)["assessment-results"]
    key = next(iter(signed.assessment.answers))
    signed.assessment.answers[key].notes = "changed"
    after = build_assessment_results(signed, catalog)["assessment-results"]
    assert before["uuid"] != after["uuid"]  # a new revision of the document
    # Item observations by their item; the auditor-adjusted readiness (about no one item) by its title.
    obs = lambda d: {_key(o) if _prop(o, "requirement-id") else o["title"]: o["uuid"]  # noqa: E731
                     for o in d["results"][0]["observations"]}
    assert obs(before) == obs(after)  # the same subject keeps its UUID
    # The latest date the document carries (the auditor's sign-off of 3 December), not now.
    assert after["metadata"]["last-modified"] == "2026-12-03T00:00:00Z"


def test_write_is_atomic_and_deterministic(tmp_path: Path, catalog: Catalog, signed: Document) -> None:
    a, p = tmp_path / "ar.json", tmp_path / "poam.json"
    export_oscal_ar(signed, catalog, a, "en")
    export_oscal_poam(signed, catalog, p, "ja")
    assert a.read_bytes() == render_oscal(signed, catalog, "ar")
    assert "plan-of-action-and-milestones" in json.loads(p.read_text(encoding="utf-8"))
    write_oscal(signed, catalog, a, "ar")
    assert sorted(x.name for x in tmp_path.iterdir()) == ["ar.json", "poam.json"]  # no temp files left
    with pytest.raises(ValueError, match="unknown OSCAL"):
        write_oscal(signed, catalog, a, "ssp")  # type: ignore[arg-type]


def test_dates_outside_oscal_range_are_refused(catalog: Catalog, document: Document) -> None:
    document.assessment.assessment_date = dt.date(1850, 1, 1)
    with pytest.raises(ValueError, match="1900-2999"):
        build_assessment_results(document, catalog)


def test_a_due_date_oscal_cannot_express_is_named(catalog: Catalog, document: Document) -> None:
    from tests.storage.helpers import requirement_ids
    from veu_assess.export.oscal.poam import build_poam

    key = requirement_ids(catalog, 1)[0]
    document.assessment.set_answer(key, Answer(state=AnswerState.NOT_MET, due=dt.date(1, 1, 1)))
    with pytest.raises(ValueError, match=f"the due date of {key} 0001-01-01"):
        build_poam(document, catalog)


def test_export_never_imports_qt() -> None:
    code = "import sys, veu_assess.export.oscal as m; sys.exit(any(n.startswith('PySide6') for n in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


@pytest.mark.parametrize(
    ("name", "root"), [("oscal-ar", "assessment-results"), ("oscal-poam", "plan-of-action-and-milestones")]
)
def test_registered_as_export_formats(name: str, root: str, tmp_path: Path, catalog: Catalog, signed: Document) -> None:
    from veu_assess.export.registry import get_exporter

    out = tmp_path / f"{name}.json"
    get_exporter(name)(signed, catalog, out, "en")
    assert root in json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["oscal-ar", "oscal-poam"])
def test_cli_export(fmt: str, tmp_path: Path, catalog: Catalog, document: Document) -> None:
    from veu_assess.cli.main import run
    from veu_assess.storage.writer import save_document

    open_profile(document, catalog)
    answer_all(document, catalog)
    save_document(document, tmp_path / "a.veua")
    out = tmp_path / "out.json"
    assert run(["export", str(tmp_path / "a.veua"), "--format", fmt, "-o", str(out)]) == 0
    assert out.read_bytes() == render_oscal(document, catalog, "ar" if fmt == "oscal-ar" else "poam")
