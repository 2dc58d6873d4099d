"""Property tests of the verdict (real catalog): it never looks better than what is known.

- Adding an answer never raises the level while a gate stays unanswered.
- A file with any unanswered gate is never Ready, Ready with conditions or Not ready (it is
  Incomplete, or Ineligible when another gate failed); under the completeness share likewise.
- A complete file's level equals the rule from before "Incomplete" existed (an oracle written here
  from the catalog's thresholds, independent of the engine's code).
- Readiness never exceeds the answered items' score; completeness is the answered share.

Case counts: each property runs ``CASES`` examples (``pytest --hypothesis-show-statistics``).
"""

from __future__ import annotations

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from veu_assess.catalog.loader import Catalog, default_catalog
from veu_assess.catalog.schema import LevelId
from veu_assess.engine.scoring import evaluate, level_rank
from veu_assess.engine.visibility import visible_items
from veu_assess.model.assessment import Answer, AnswerState, Assessment

from .test_scoring_properties import blank_assessments

CATALOG: Catalog = default_catalog()
CASES = 300
ANSWERED = [s for s in AnswerState if s is not AnswerState.UNANSWERED]
SETTINGS = settings(max_examples=CASES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _answer(state: AnswerState) -> Answer:
    return Answer(state=state, justification="justified" if state is AnswerState.NOT_APPLICABLE else "")


@st.composite
def assessments(draw: st.DrawFn, complete: bool = False) -> Assessment:
    a = draw(blank_assessments(number=3))
    # Skew towards "met" so the high levels (the ones that could mislead) are reached often.
    states = ANSWERED if complete else [*ANSWERED, AnswerState.UNANSWERED]
    weighted = st.one_of(st.just(AnswerState.MET), st.sampled_from(states))
    for it in visible_items(CATALOG, a):
        a.set_answer(it.requirement.id, _answer(draw(weighted)), it.site_id)
    return a


def _old_rule(a: Assessment) -> LevelId:
    """The level as it was decided before "Incomplete": score over answered items, gates."""
    scoring = CATALOG.header.scoring
    credit = {str(k): v for k, v in scoring.credit.items()}
    earned = possible = 0.0
    failed = gate_open = False
    for it in visible_items(CATALOG, a):
        if it.section.module is not None:  # a module's items never enter the VEU score
            continue
        state = a.answers.get(it.key, Answer()).state
        if it.requirement.gate:
            failed |= state.value in scoring.gate_fail_states
            gate_open |= state.value in scoring.gate_open_states
        if state in (AnswerState.UNANSWERED, AnswerState.NOT_APPLICABLE):
            continue
        earned += credit[state.value] * it.weight
        possible += it.weight
    if failed:
        return LevelId.INELIGIBLE
    mins = {lv.id: lv.min_score for lv in scoring.levels}
    score = 100.0 * earned / possible if possible else None
    level = LevelId.NOT_READY
    if score is not None:
        if score >= mins[LevelId.READY]:
            level = LevelId.READY
        elif score >= mins[LevelId.CONDITIONS]:
            level = LevelId.CONDITIONS
    if gate_open and level is LevelId.READY:
        level = scoring.capped_level_when_gate_open
    return level


@SETTINGS
@given(assessments(), st.data())
def test_adding_an_answer_never_raises_the_level_while_a_gate_is_unanswered(
    a: Assessment, data: st.DataObject
) -> None:
    before = evaluate(CATALOG, a)
    if not before.unanswered:
        return
    it = data.draw(st.sampled_from(before.unanswered))
    a.set_answer(it.requirement.id, _answer(data.draw(st.sampled_from(ANSWERED))), it.site_id)
    after = evaluate(CATALOG, a)
    event(f"gate still unanswered: {bool(after.gates_unanswered)}")
    if after.gates_unanswered:
        assert level_rank(after.level) <= level_rank(before.level)
        assert after.level in (LevelId.INCOMPLETE, LevelId.INELIGIBLE)


@SETTINGS
@given(assessments())
def test_an_unanswered_gate_or_too_few_answers_is_never_graded(a: Assessment) -> None:
    r = evaluate(CATALOG, a)
    if r.gates_unanswered or r.completeness < CATALOG.header.scoring.completeness_threshold:
        assert r.level in (LevelId.INCOMPLETE, LevelId.INELIGIBLE)
        assert r.level is LevelId.INELIGIBLE or not r.gates_failed
    if r.gates_failed:
        assert r.level is LevelId.INELIGIBLE
    assert r.completeness == (100.0 * r.answered / r.total if r.total else 100.0)


@SETTINGS
@given(assessments(complete=True))
def test_a_complete_files_level_equals_the_rule_before_incomplete(a: Assessment) -> None:
    r = evaluate(CATALOG, a)
    assert not r.unanswered and r.completeness == 100.0
    event(f"level {r.level.value}")
    assert r.level is _old_rule(a)
    assert r.readiness == r.answered_score


@SETTINGS
@given(assessments())
def test_readiness_never_exceeds_the_answered_score(a: Assessment) -> None:
    r = evaluate(CATALOG, a)
    if r.answered_score is not None and r.readiness is not None:
        assert r.readiness <= r.answered_score + 1e-9
    for s in r.sections:
        assert 0.0 <= s.completeness <= 100.0
        if s.answered_score is not None and s.readiness is not None:
            assert s.readiness <= s.answered_score + 1e-9
        if not s.complete and s.readiness is not None and s.possible_all > s.possible:
            assert s.readiness < 100.0  # a section with unanswered items is never drawn complete


@SETTINGS
@given(assessments())
def test_gaps_are_ranked_by_priority_then_weight_deterministically(a: Assessment) -> None:
    from veu_assess.engine.gaps import PRIORITIES

    r = evaluate(CATALOG, a)
    # VEU gaps first, then each optional module's in catalog order (engine/gaps.py, rule 1).
    module_order = [None] + [m.id for m in CATALOG.header.modules]
    keys = [(module_order.index(g.module), PRIORITIES.index(g.priority), 0 if g.requirement.gate else 1,
             -g.requirement.weight) for g in r.gaps]
    assert keys == sorted(keys)
    assert [g.item.key for g in r.gaps] == [g.item.key for g in evaluate(CATALOG, a).gaps]
    assert all(g.reason is not None and g.reason.priority == g.priority for g in r.gaps)
