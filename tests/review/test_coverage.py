"""Verdict coverage (reviewed / total items in scope, by section), the comment a rejection needs,
and the reviewer text a verdict records."""

from __future__ import annotations

import pytest

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.scoring import evaluate
from veu_assess.model.assessment import Profile, Site
from veu_assess.review import ReviewError, comment_required, record_verdict, reviewer_text, verdict_coverage
from veu_assess.storage.document import Document


def test_coverage_counts_items_in_scope_by_section(document: Document, catalog: Catalog) -> None:
    document.assessment.profile = Profile(sites=[Site(id="tokyo-1", name="Tokyo"), Site(id="osaka-1", name="Osaka")])
    result = evaluate(catalog, document.assessment)
    empty = verdict_coverage(catalog, document)
    assert empty.reviewed == 0 and empty.total == len(result.items) > 0
    assert not empty.complete and empty.unreviewed == empty.total
    assert sum(s.total for s in empty.sections) == empty.total
    visible = [s.section.id for s in result.sections if s.visible]
    assert [s.section_id for s in empty.sections] == [i for i in visible if any(
        it.section.id == i for it in result.items)]

    first, site_item = result.items[0], next(it for it in result.items if it.site_id == "osaka-1")
    record_verdict(document, first.key, "accepted", catalog=catalog)
    record_verdict(document, site_item.key, "needs_info", comment="Send the access log", catalog=catalog)
    in_scope = {it.key for it in result.items}
    out_of_scope = next(r.id for _, r in catalog.iter_requirements() if r.id not in in_scope and all(
        not k.startswith(r.id + "@") for k in in_scope))
    record_verdict(document, out_of_scope, "accepted", catalog=catalog)
    cov = verdict_coverage(catalog, document, "ja")
    assert cov.reviewed == 2  # the verdict on an item out of scope does not count
    by_id = {s.section_id: s for s in cov.sections}
    assert by_id[first.section.id].reviewed >= 1
    assert by_id[site_item.section.id].reviewed >= 1
    assert by_id[first.section.id].title == first.section.title.get("ja")

    for it in result.items:
        if it.key not in document.review.verdicts:
            record_verdict(document, it.key, "accepted", catalog=catalog)
    assert verdict_coverage(catalog, document).complete


@pytest.mark.parametrize("state", ["rejected", "needs_info"])
def test_rejected_and_needs_info_need_a_comment(document: Document, catalog: Catalog, state: str) -> None:
    rid = next(r.id for _, r in catalog.iter_requirements())
    assert comment_required(state) and not comment_required("accepted") and not comment_required(None)
    with pytest.raises(ReviewError, match="needs a comment"):
        record_verdict(document, rid, state, comment="   ")
    assert rid not in document.review.verdicts
    assert record_verdict(document, rid, state, comment="Attach the signed policy").comment


def test_reviewer_text() -> None:
    assert reviewer_text("Ann  Auditor", " Example Audit LLP ") == "Ann Auditor (Example Audit LLP)"
    assert reviewer_text("Ann Auditor") == "Ann Auditor"
    assert reviewer_text("", "Org") == ""
    assert len(reviewer_text("x" * 5000)) == 1000


def test_adjusted_readiness_differs_when_the_auditor_fails_a_gate(document: Document, catalog: Catalog) -> None:
    from veu_assess.model.assessment import Answer, AnswerState
    from veu_assess.review import adjusted_result

    result = evaluate(catalog, document.assessment)
    for it in result.items:
        document.assessment.answers[it.key] = Answer(state=AnswerState.MET)
    operator = evaluate(catalog, document.assessment)
    assert adjusted_result(catalog, document) is None  # nothing adjusted: no second figure
    gate = next(it for it in operator.items if it.requirement.gate and it.key not in
                {g.key for g in operator.gates_failed})
    record_verdict(document, gate.key, "rejected", comment="No signed policy", adjusted_state="not_met")
    adjusted = adjusted_result(catalog, document)
    assert adjusted is not None
    assert gate.key in {g.key for g in adjusted.gates_failed}
    assert adjusted.readiness is not None and operator.readiness is not None
    assert adjusted.readiness < operator.readiness
    assert adjusted.level != operator.level
    # The operator's answers are untouched; their result is the same as before.
    assert document.assessment.answers[gate.key].state is AnswerState.MET
    assert evaluate(catalog, document.assessment).readiness == operator.readiness
    # An adjusted "not applicable" takes the auditor's comment as its justification.
    record_verdict(document, gate.key, "needs_info", comment="Explain why", adjusted_state="not_applicable")
    assert adjusted_result(catalog, document) is not None
