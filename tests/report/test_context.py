"""The report context against hand-computed cases (weights read from the catalog, arithmetic by hand)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.report.helpers import evidence, items, profile_doc
from veu_assess.catalog.loader import Catalog
from veu_assess.engine.status import counts_in_score
from veu_assess.engine.visibility import Item
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.report.context import build_context
from veu_assess.storage.document import Document


def _answer(doc: Document, it: object, **kw: object) -> None:
    doc.assessment.set_answer(it.requirement.id, Answer(**kw), it.site_id)  # type: ignore[attr-defined]


def test_scores_gaps_and_applicability_by_hand(catalog: Catalog, document: Document) -> None:
    doc = profile_doc(document)
    its = [it for it in items(catalog, doc) if it.section.module is None and counts_in_score(it.requirement)]
    # Pick three non-gate items so the level follows the score alone.
    plain = [it for it in its if not it.requirement.gate][:3]
    partial, missing, na = plain
    for it in its:
        if it.requirement.gate:
            _answer(doc, it, state=AnswerState.MET)
        elif it is partial:
            _answer(doc, it, state=AnswerState.PARTIALLY_MET, owner="Ken Sato", due=dt.date(2027, 1, 31))
        elif it is missing:
            _answer(doc, it, state=AnswerState.NOT_MET, evidence=[evidence(1), evidence(1)])
        elif it is na:
            _answer(doc, it, state=AnswerState.NOT_APPLICABLE, justification="No such system here.")
        else:
            _answer(doc, it, state=AnswerState.MET, evidence=[evidence(1)])
    total_weight = sum(it.weight for it in its) - na.weight
    earned = total_weight - partial.weight - missing.weight + 0.5 * partial.weight
    ctx = build_context(doc, catalog, "en")

    assert ctx.score == pytest.approx(100 * earned / total_weight)
    assert (ctx.answered, ctx.total, ctx.provisional) == (len(its), len(its), False)
    # Rank by hand (engine/gaps.py): importance, then the heavier weight, the firmer legal status,
    # the earlier due date (none last), and only then the state (not met before partially met).
    from veu_assess.engine.gaps import status_rank

    importance = {"mandatory": 0, "recommended": 1, "optional": 2}

    def by_hand(it: Item, due: dt.date, state_rank: int) -> tuple[object, ...]:
        req = it.requirement
        return (importance[req.importance.value], -req.weight, status_rank(req), due, state_rank, it.key)

    expected = sorted([by_hand(missing, dt.date.max, 0), by_hand(partial, dt.date(2027, 1, 31), 2)])
    assert [g.key for g in ctx.gaps] == [k for *_, k in expected]
    assert [g.rank for g in ctx.gaps] == [1, 2]
    gap = next(g for g in ctx.gaps if g.key == partial.key)
    assert (gap.owner, gap.due, gap.state) == ("Ken Sato", "2027-01-31", "partially_met")
    assert gap.remediation == partial.requirement.remediation.en
    assert [n.justification for n in ctx.not_applicable] == ["No such system here."]
    # One file attached to many answers is one row of the index, listing every user.
    assert len(ctx.evidence) == 1 and missing.key in ctx.evidence[0].used_by
    assert ctx.score is not None
    expected_level = "ready" if ctx.score >= 85 else "ready_with_conditions" if ctx.score >= 60 else "not_ready"
    assert ctx.level == expected_level
    assert ctx.digest == doc.digest()


def test_gate_not_met_is_ineligible_and_listed(catalog: Catalog, document: Document) -> None:
    doc = profile_doc(document)
    its = items(catalog, doc)
    gate = next(it for it in its if it.requirement.gate and it.section.module is None)
    _answer(doc, gate, state=AnswerState.NOT_MET)
    ctx = build_context(doc, catalog, "ja")
    assert ctx.level == "ineligible"
    assert [g.key for g in ctx.gates_failed] == [gate.key]
    assert gate.key not in [g.key for g in ctx.gates_open]
    assert ctx.provisional and ctx.answered == 1
    assert ctx.gaps[0].key == gate.key and ctx.gaps[0].priority == "critical"
    assert ctx.gaps[0].title == gate.requirement.title.ja


def test_same_numbers_in_both_languages(catalog: Catalog, rich_doc: Document) -> None:
    en, ja = build_context(rich_doc, catalog, "en"), build_context(rich_doc, catalog, "ja")
    assert (en.score, en.level, en.answered, [g.key for g in en.gaps]) == (
        ja.score, ja.level, ja.answered, [g.key for g in ja.gaps])
    assert en.level_label != ja.level_label


def test_out_of_scope_and_stretch_sections(catalog: Catalog, document: Document) -> None:
    doc = profile_doc(document)
    ctx = build_context(doc, catalog, "en")
    stretch = [s for s in ctx.sections if not s.in_overall]
    assert stretch and all(not s.visible and not s.items for s in stretch)  # module not chosen
    doc.assessment.profile.modules = [m.id for m in catalog.header.modules]
    ctx = build_context(doc, catalog, "en")
    assert any(s.visible and s.rescinded and not s.in_overall for s in ctx.sections)


def test_unknown_language_is_a_clear_error(catalog: Catalog, document: Document) -> None:
    with pytest.raises(ValueError, match="unknown report language"):
        build_context(document, catalog, "fr")
