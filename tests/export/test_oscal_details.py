"""Details of the OSCAL exports an auditor relies on: dates, document UUIDs per language,
not-applicable answers, the auditor's verdicts in findings, and what an empty POA&M says."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import pytest

from tests.fixtures.oscal.support import answer_all, errors, open_profile, sign_off
from veu_assess.catalog.loader import Catalog
from veu_assess.engine.scoring import evaluate
from veu_assess.export.oscal import NS, build_assessment_results, build_poam, is_gap_item, render_oscal
from veu_assess.export.oscal.findings import conclude
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.model.review import SignOff, Verdict, VerdictState
from veu_assess.resources import sample_path
from veu_assess.storage.document import Document
from veu_assess.storage.reader import open_document


def _prop(obj: dict[str, Any], name: str) -> str | None:
    return next((p["value"] for p in obj.get("props", []) if p["name"] == name and p.get("ns") == NS), None)


def _uuids(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "uuid":
                yield v
            yield from _uuids(v)
    elif isinstance(node, list):
        for v in node:
            yield from _uuids(v)


def _ar(doc: Document, catalog: Catalog, lang: str = "en") -> dict[str, Any]:
    ar = build_assessment_results(doc, catalog, lang)
    assert errors("ar", ar) == []
    return ar["assessment-results"]


def _findings(doc: Document, catalog: Catalog) -> dict[str, dict[str, Any]]:
    res = _ar(doc, catalog)["results"][0]
    return {_prop(f, "requirement-id") + (f"@{s}" if (s := _prop(f, "site-id")) else ""): f for f in res["findings"]}


def _answered(doc: Document, catalog: Catalog) -> Document:
    open_profile(doc, catalog, sites=1)
    answer_all(doc, catalog, na_every=5)
    return doc


# --- 1. last-modified and result end: the latest date the document carries -------------------


def _signoff(doc: Document, day: dt.date) -> SignOff:
    return SignOff(name="Aiko Tanaka", date=day, digest=doc.digest())


@pytest.mark.parametrize(
    ("verdict_day", "signoff_day", "expected"),
    [
        (None, None, dt.date(2026, 11, 28)),  # no review: the assessment date
        (dt.date(2026, 12, 5), None, dt.date(2026, 12, 5)),  # a later verdict
        (dt.date(2026, 12, 5), dt.date(2026, 12, 9), dt.date(2026, 12, 9)),  # a later sign-off
        (dt.date(2026, 11, 1), dt.date(2026, 11, 2), dt.date(2026, 11, 28)),  # earlier reviews never move it back
    ],
)
def test_last_modified_is_the_latest_review_date(
    verdict_day: dt.date | None, signoff_day: dt.date | None, expected: dt.date, catalog: Catalog, document: Document
) -> None:
    _answered(document, catalog)
    key = next(iter(document.assessment.answers))
    document.review.verdicts[key] = Verdict(state=VerdictState.ACCEPTED, date=verdict_day)
    if signoff_day:
        document.review.signoffs = [_signoff(document, signoff_day)]
    stamp = f"{expected.isoformat()}T00:00:00Z"
    for kind in ("ar", "poam"):
        data = next(iter(json.loads(render_oscal(document, catalog, kind)).values()))  # type: ignore[arg-type]
        assert data["metadata"]["last-modified"] == stamp
    result = _ar(document, catalog)["results"][0]
    assert result["end"] == stamp
    assert result["start"] == "2026-11-28T00:00:00Z" <= result["end"]
    # Deterministic: the same document gives the same bytes (no clock involved).
    assert render_oscal(document, catalog, "ar") == render_oscal(document, catalog, "ar")


def test_verdict_without_date_does_not_count(catalog: Catalog, document: Document) -> None:
    _answered(document, catalog)
    document.review.verdicts[next(iter(document.assessment.answers))] = Verdict(state=VerdictState.REJECTED)
    assert _ar(document, catalog)["metadata"]["last-modified"] == "2026-11-28T00:00:00Z"


# --- 2. one UUID per document: kind, language and revision -----------------------------------


def test_languages_get_different_document_uuids(catalog: Catalog, document: Document) -> None:
    _answered(document, catalog)
    sign_off(document, catalog)
    ar = {lang: _ar(document, catalog, lang) for lang in ("en", "ja")}
    poam = {lang: build_poam(document, catalog, lang)["plan-of-action-and-milestones"] for lang in ("en", "ja")}
    doc_uuids = [ar["en"]["uuid"], ar["ja"]["uuid"], poam["en"]["uuid"], poam["ja"]["uuid"]]
    assert len(set(doc_uuids)) == 4
    assert [_prop(d["metadata"], "language") for d in (ar["en"], ar["ja"])] == ["en", "ja"]
    # The same subject keeps its UUID in either language (OSCAL: UUIDs are per subject).
    obs = {lang: [o["uuid"] for o in ar[lang]["results"][0]["observations"]] for lang in ar}
    assert obs["en"] == obs["ja"]
    # Same inputs, same UUID; an unknown language code is the English document.
    assert _ar(document, catalog, "en")["uuid"] == ar["en"]["uuid"]
    assert _ar(document, catalog, "fr")["uuid"] == ar["en"]["uuid"]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_uuid_is_unique_even_with_colliding_texts(lang: str, catalog: Catalog, document: Document) -> None:
    _answered(document, catalog)
    sign_off(document, catalog)
    # A person named like an organisation, and an organisation named like the applicant.
    document.review.signoffs[1].name = "Tanaka Audit LLC"
    document.review.signoffs[1].organisation = document.assessment.profile.applicant_name
    for kind, data in (
        ("ar", build_assessment_results(document, catalog, lang)),
        ("poam", build_poam(document, catalog, lang)),
    ):
        assert errors(kind, data) == []
        uuids = list(_uuids(data))
        assert len(uuids) == len(set(uuids)), f"{kind}: a uuid is defined twice"


# --- 3. not-applicable answers are findings -------------------------------------------------


def test_not_applicable_answers_are_findings_with_their_justification(catalog: Catalog, document: Document) -> None:
    _answered(document, catalog)
    na_keys = [k for k, a in document.assessment.answers.items() if a.state is AnswerState.NOT_APPLICABLE]
    assert na_keys
    document.assessment.answers[na_keys[0]].justification = "# No *GPUs*\n- at [this] site"  # Markdown stays literal
    findings = _findings(document, catalog)
    for key in na_keys:
        f = findings[key]
        target = f["target"]
        assert target["status"] == {"state": "satisfied", "reason": "other"}
        assert target["implementation-status"]["state"] == "not-applicable"
        assert _prop(f, "not-applicable") == "true" and _prop(f, "answer-state") == "not_applicable"
        assert "related-risks" not in f and "Not applicable" in f["description"]
        expected = (
            "\\# No \\*GPUs\\*\n\\- at \\[this\\] site" if key == na_keys[0] else "Not relevant here:\nno such system."
        )
        assert expected in target["implementation-status"]["remarks"]
        assert expected in f["description"]


def test_rejected_not_applicable_is_not_satisfied(catalog: Catalog, document: Document) -> None:
    _answered(document, catalog)
    key = next(k for k, a in document.assessment.answers.items() if a.state is AnswerState.NOT_APPLICABLE)
    document.review.verdicts[key] = Verdict(state=VerdictState.REJECTED, comment="It applies to site 1.")
    f = _findings(document, catalog)[key]
    assert f["target"]["status"]["state"] == "not-satisfied"
    assert "implementation-status" not in f["target"]
    assert "It applies to site 1." in f["remarks"]


def test_sample_findings_cover_every_answer(catalog: Catalog) -> None:
    # The sample: findings = answered items, not-applicable ones included; risks = POA&M items = gaps.
    doc = open_document(sample_path())
    result = evaluate(catalog, doc.assessment)
    answered = [
        it for it in result.items if doc.assessment.answers.get(it.key, Answer()).state is not AnswerState.UNANSWERED
    ]
    na = [it for it in answered if doc.assessment.answers[it.key].state is AnswerState.NOT_APPLICABLE]
    assert na, "the sample has not-applicable answers"
    res = _ar(doc, catalog)["results"][0]
    assert len(res["findings"]) == len(answered)
    assert sum(1 for f in res["findings"] if _prop(f, "not-applicable")) == len(na)
    assert len(res["risks"]) == len(result.gaps)
    assert len(build_poam(doc, catalog)["plan-of-action-and-milestones"]["poam-items"]) == len(result.gaps)


# --- 4. the auditor's verdict decides the finding --------------------------------------------

M, P, N, U, NA = (
    AnswerState.MET,
    AnswerState.PARTIALLY_MET,
    AnswerState.NOT_MET,
    AnswerState.UNCERTAIN,
    AnswerState.NOT_APPLICABLE,
)
A, INFO, R = VerdictState.ACCEPTED, VerdictState.NEEDS_INFO, VerdictState.REJECTED


@pytest.mark.parametrize(
    ("answer", "verdict", "adjusted", "state", "reason", "by_auditor"),
    [
        (M, None, None, "satisfied", "pass", False),
        (N, None, None, "not-satisfied", "fail", False),
        (NA, None, None, "satisfied", "other", False),
        (M, A, None, "satisfied", "pass", False),
        (M, INFO, None, "satisfied", "pass", False),  # not rejected; the remarks say it is unconfirmed
        (M, R, None, "not-satisfied", "fail", True),  # the audit's point: a rejected "met"
        (NA, R, None, "not-satisfied", "fail", True),
        (P, R, None, "not-satisfied", "fail", True),
        (M, INFO, N, "not-satisfied", "fail", True),  # an adjusted state wins
        (N, A, M, "satisfied", "pass", True),
        (M, R, NA, "satisfied", "other", True),
        (U, A, None, "not-satisfied", "fail", False),
    ],
)
def test_conclusion_table(
    answer: AnswerState,
    verdict: VerdictState | None,
    adjusted: AnswerState | None,
    state: str,
    reason: str,
    by_auditor: bool,
) -> None:
    v = None if verdict is None else Verdict(state=verdict, adjusted_state=adjusted)
    c = conclude(Answer(state=answer, justification="Reason."), v)
    assert (c.state, c.reason, c.by_auditor) == (state, reason, by_auditor)
    assert (c.remarks is None) == (verdict in (None, A) and adjusted is None)


def test_rejected_met_answer_is_a_not_satisfied_finding(catalog: Catalog, document: Document) -> None:
    _answered(document, catalog)
    met = [k for k, a in document.assessment.answers.items() if a.state is AnswerState.MET]
    rejected, accepted = met[0], met[1]
    document.review.verdicts[rejected] = Verdict(
        state=VerdictState.REJECTED,
        comment="The *policy* is a draft.",
        reviewer="Aiko Tanaka",
        date=dt.date(2026, 12, 2),
    )
    document.review.verdicts[accepted] = Verdict(state=VerdictState.ACCEPTED)
    findings = _findings(document, catalog)
    f = findings[rejected]
    assert f["target"]["status"]["state"] == "not-satisfied" and f["target"]["status"]["reason"] == "fail"
    assert "rejected the operator's answer 'Met'" in f["target"]["status"]["remarks"]
    assert (_prop(f, "verdict"), _prop(f, "concluded-by"), _prop(f, "answer-state")) == ("rejected", "auditor", "met")
    assert "Auditor's verdict: rejected (Aiko Tanaka, 2026-12-02)." in f["remarks"]
    assert "The \\*policy\\* is a draft." in f["remarks"]  # the comment, Markdown-escaped
    verdict_obs = f"{f['related-observations'][-1]['observation-uuid']}"
    assert verdict_obs in {o["uuid"] for o in _ar(document, catalog)["results"][0]["observations"]}
    assert findings[accepted]["target"]["status"]["state"] == "satisfied"
    assert _prop(findings[accepted], "concluded-by") == "operator"


# --- 5. a POA&M without gaps says what is true ------------------------------------------------


def _placeholder(doc: Document, catalog: Catalog) -> dict[str, Any]:
    poam = build_poam(doc, catalog)
    assert errors("poam", poam) == []
    items = poam["plan-of-action-and-milestones"]["poam-items"]
    assert len(items) == 1 and not is_gap_item(items[0])
    return items[0]


def test_empty_poam_of_an_unanswered_assessment(catalog: Catalog, document: Document) -> None:
    item = _placeholder(document, catalog)
    total = len(evaluate(catalog, document.assessment).items)
    assert item["title"] == "No requirement answered yet"
    assert "No requirement has been answered, so no gap can be identified yet." in item["description"]
    assert f"{total} of {total} requirements are not answered yet" in item["description"]
    assert "No open items" not in json.dumps(item)
    assert (_prop(item, "answered"), _prop(item, "unanswered")) == ("0", str(total))


def test_empty_poam_of_a_partly_answered_assessment(catalog: Catalog, document: Document) -> None:
    _answered(document, catalog)
    items = evaluate(catalog, document.assessment).items
    answers = document.assessment.answers
    for n, it in enumerate(items):
        if n % 2:
            answers.pop(it.key)
        elif answers[it.key].state is not AnswerState.NOT_APPLICABLE:
            answers[it.key] = Answer(state=AnswerState.MET)
    answered = sum(1 for it in items if it.key in answers)
    na = sum(1 for a in answers.values() if a.state is AnswerState.NOT_APPLICABLE)
    met = next(k for k, a in answers.items() if a.state is AnswerState.MET)
    document.review.verdicts[met] = Verdict(state=VerdictState.REJECTED)
    item = _placeholder(document, catalog)
    assert item["title"] == f"No gaps among the {answered} requirements answered"
    assert f"no gaps among the {answered} requirements answered ({na} of them not applicable)" in item["description"]
    assert f"{len(items) - answered} of {len(items)} requirements are not answered yet" in item["description"]
    assert "The auditor rejected 1 of the answers" in item["description"]
    assert _prop(item, "rejected-by-auditor") == "1"


def test_empty_poam_of_a_fully_met_assessment(catalog: Catalog, document: Document) -> None:
    _answered(document, catalog)
    for key in document.assessment.answers:
        document.assessment.answers[key] = Answer(state=AnswerState.MET)
    item = _placeholder(document, catalog)
    assert item["title"] == "No gaps: every requirement is answered"
    assert "not answered" not in item["description"] and _prop(item, "unanswered") == "0"
