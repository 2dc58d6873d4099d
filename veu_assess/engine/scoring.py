"""The one scoring path: progress, weighted section and overall scores, gates, level, ranked gaps.

Every view (wizard, review page, CLI, report, CSV and OSCAL exports) reads ``evaluate()``'s result.
- Progress counts answered items among the visible ones.
- Readiness is weighted credit over answered, applicable items: N/A leaves the denominator and
  so does unanswered (it counts in progress, not readiness).
- A gate in a failing state makes the applicant ineligible whatever the score; an open gate
  caps the level. Thresholds and credits come from forms/catalog.yaml.
- Sections of optional modules that are not in the in-force score are scored on their own.
- A requirement's legal status decides whether it counts (engine/status.py): proposals are context
  only, and only a rule in force can fail a gate.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import Importance, LevelId, Requirement, Section
from veu_assess.engine.status import counts_in_score, gate_applies
from veu_assess.engine.visibility import Item, section_visible, visible_items
from veu_assess.model.assessment import Answer, AnswerState, Assessment

GAP_STATES = (AnswerState.NOT_MET, AnswerState.UNCERTAIN, AnswerState.PARTIALLY_MET)
_IMPORTANCE_RANK = {Importance.MANDATORY: 0, Importance.RECOMMENDED: 1, Importance.OPTIONAL: 2}
_STATE_RANK = {s: i for i, s in enumerate(GAP_STATES)}


@dataclass(frozen=True)
class SectionScore:
    section: Section
    visible: bool
    in_overall: bool  # False for optional modules kept out of the in-force score
    total: int  # visible items
    answered: int
    score: float | None  # 0..100; None when nothing applicable is answered
    earned: float
    possible: float

    @property
    def progress(self) -> float:
        return self.answered / self.total if self.total else 1.0


@dataclass(frozen=True)
class Gap:
    rank: int
    item: Item
    answer: Answer
    priority: str  # critical / high / medium / low
    stretch: bool = False  # in a rescinded stretch module: ranked after every in-force gap

    @property
    def requirement(self) -> Requirement:
        return self.item.requirement

    @property
    def state(self) -> AnswerState:
        return self.answer.state


@dataclass(frozen=True)
class Result:
    level: LevelId
    provisional: bool  # some visible item is still unanswered
    score: float | None
    answered: int
    total: int
    sections: list[SectionScore]
    gates_failed: list[Item]
    gates_open: list[Item]
    gaps: list[Gap]
    items: list[Item] = field(repr=False)

    @property
    def progress(self) -> float:
        return self.answered / self.total if self.total else 1.0

    def section_score(self, section_id: str) -> SectionScore:
        return next(s for s in self.sections if s.section.id == section_id)


def _in_overall(section: Section, catalog: Catalog) -> bool:
    if section.module is None:
        return True
    return any(m.id == section.module and m.in_force_score for m in catalog.header.modules)


def _priority(req: Requirement) -> str:
    if req.gate:
        return "critical"
    return {Importance.MANDATORY: "high", Importance.RECOMMENDED: "medium"}.get(req.importance, "low")


def _tally(items: list[Item], assessment: Assessment, credit: dict[str, float]) -> tuple[int, float, float]:
    answered, earned, possible = 0, 0.0, 0.0
    for it in items:
        state = assessment.answers.get(it.key, Answer()).state
        if state is AnswerState.UNANSWERED:
            continue
        answered += 1
        if state is AnswerState.NOT_APPLICABLE or not counts_in_score(it.requirement):
            continue
        earned += credit[state.value] * it.weight
        possible += it.weight
    return answered, earned, possible


def _pct(earned: float, possible: float) -> float | None:
    # Clamp against float rounding so a score never leaves 0..100.
    return min(100.0, max(0.0, 100.0 * earned / possible)) if possible > 0 else None


def _level(catalog: Catalog, score: float | None, failed: bool, gate_open: bool) -> LevelId:
    scoring = catalog.header.scoring
    if failed:
        return LevelId.INELIGIBLE
    graded = sorted(
        (lv for lv in scoring.levels if lv.id is not LevelId.INELIGIBLE), key=lambda lv: -lv.min_score
    )
    level = graded[-1].id
    if score is not None:
        level = next((lv.id for lv in graded if score >= lv.min_score), level)
    order = [lv.id for lv in graded]
    cap = scoring.capped_level_when_gate_open
    if gate_open and cap in order and order.index(level) < order.index(cap):
        level = cap
    return level


def evaluate(catalog: Catalog, assessment: Assessment) -> Result:
    """Score an assessment against a catalog."""
    scoring = catalog.header.scoring
    credit: dict[str, float] = {str(k): v for k, v in scoring.credit.items()}
    items = visible_items(catalog, assessment)
    by_section: dict[str, list[Item]] = {}
    for it in items:
        by_section.setdefault(it.section.id, []).append(it)

    sections: list[SectionScore] = []
    overall_items: list[Item] = []
    for sec in catalog.sections:
        sec_items = by_section.get(sec.id, [])
        in_overall = _in_overall(sec, catalog)
        if in_overall:
            overall_items += [it for it in sec_items if counts_in_score(it.requirement)]
        answered, earned, possible = _tally(sec_items, assessment, credit)
        visible = section_visible(sec, assessment.profile, catalog) and bool(sec_items)
        sections.append(
            SectionScore(
                sec, visible, in_overall, len(sec_items), answered, _pct(earned, possible), earned, possible
            )
        )

    answered, earned, possible = _tally(overall_items, assessment, credit)
    failed: list[Item] = []
    open_gates: list[Item] = []
    for it in overall_items:
        if not gate_applies(it.requirement):
            continue
        state = assessment.answers.get(it.key, Answer()).state.value
        if state in scoring.gate_fail_states:
            failed.append(it)
        elif state in scoring.gate_open_states:
            open_gates.append(it)
    score = _pct(earned, possible)
    level = _level(catalog, score, bool(failed), bool(open_gates))
    return Result(
        level=level,
        provisional=answered < len(overall_items),
        score=score,
        answered=answered,
        total=len(overall_items),
        sections=sections,
        gates_failed=failed,
        gates_open=open_gates,
        gaps=rank_gaps(items, assessment, {it.key for it in items if not _in_overall(it.section, catalog)}),
        items=items,
    )


def rank_gaps(items: list[Item], assessment: Assessment, stretch: set[str] | None = None) -> list[Gap]:
    """Gaps (not met, uncertain, partially met) ranked: in force before stretch (``stretch``: keys
    of items outside the in-force score), then gates, importance, state, weight, order."""
    stretch = stretch or set()
    found: list[tuple[tuple[int, int, int, int, float, int], Item, Answer]] = []
    for order, it in enumerate(items):
        ans = assessment.answers.get(it.key, Answer())
        if ans.state not in GAP_STATES:
            continue
        req = it.requirement
        sort_key = (
            1 if it.key in stretch else 0,
            0 if req.gate else 1,
            _IMPORTANCE_RANK[req.importance],
            _STATE_RANK[ans.state],
            -req.weight,
            order,
        )
        found.append((sort_key, it, ans))
    found.sort(key=lambda t: t[0])
    return [
        Gap(rank=i + 1, item=it, answer=ans, priority=_priority(it.requirement), stretch=it.key in stretch)
        for i, (_, it, ans) in enumerate(found)
    ]
