"""The one scoring path: readiness and completeness, per section and overall, gates, level, gaps.

Every view (wizard, review page, CLI, report, CSV and OSCAL exports) reads ``evaluate()``'s result.
Two figures always go together (a score alone can look surer than what is known):
- Readiness is weighted credit over every visible, applicable item: an unanswered item counts as
  not met (it earns nothing but stays in the denominator); N/A leaves the denominator.
- Completeness is the share of visible items that are answered.
- The score of the answered items alone (``answered_score``) is kept, to be shown only labelled so.
Level: a gate in a failing state makes the applicant ineligible whatever else is known; otherwise
the level is "incomplete" until every gate is answered and completeness reaches the catalog's
``completeness_threshold``; past that, readiness grades it and an open gate caps it. A complete file
gets the same level as the rule before "incomplete" existed (readiness equals the answered score).
Thresholds and credits come from forms/catalog.yaml. Sections of optional modules that are not in
the in-force score are scored on their own. Gaps are ranked by ``engine.gaps.rank_gaps``.
A requirement's legal status decides whether it counts (engine/status.py): proposals are context
only (never in readiness, completeness or gates), and only a rule in force can fail a gate.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import LevelId, Section
from veu_assess.engine.gaps import GAP_STATES, Gap, rank_gaps
from veu_assess.engine.modules import LevelFn, ModuleResult, module_results
from veu_assess.engine.status import counts_in_score, gate_applies
from veu_assess.engine.visibility import Item, section_visible, visible_items
from veu_assess.model.assessment import Answer, AnswerState, Assessment

__all__ = ["GAP_STATES", "LEVEL_ORDER", "Gap", "Result", "SectionScore", "evaluate", "level_rank", "rank_gaps"]

# Worst to best: what "raising the level" means (a property test holds the engine to it).
LEVEL_ORDER: tuple[LevelId, ...] = (
    LevelId.INELIGIBLE,
    LevelId.INCOMPLETE,
    LevelId.NOT_READY,
    LevelId.CONDITIONS,
    LevelId.READY,
)


def level_rank(level: LevelId) -> int:
    return LEVEL_ORDER.index(level)


def completeness_pct(answered: int, total: int) -> float:
    """The one completeness formula (the level and every view use it, so they cannot disagree)."""
    return 100.0 * answered / total if total else 100.0


@dataclass(frozen=True)
class SectionScore:
    section: Section
    visible: bool
    in_overall: bool  # False for optional modules kept out of the in-force score
    total: int  # visible items
    answered: int
    readiness: float | None  # 0..100, unanswered counts as not met; None when nothing is applicable
    answered_score: float | None  # 0..100 over answered items only; None when none is applicable
    earned: float
    possible: float  # weight of the applicable answered items
    possible_all: float  # weight of every item not answered N/A (the readiness denominator)

    @property
    def progress(self) -> float:
        return self.answered / self.total if self.total else 1.0

    @property
    def completeness(self) -> float:
        """Answered share in percent (a section without visible items is trivially complete)."""
        return completeness_pct(self.answered, self.total)

    @property
    def complete(self) -> bool:
        return self.answered >= self.total

    @property
    def score(self) -> float | None:
        """The section's readiness (unanswered counts as not met)."""
        return self.readiness


@dataclass(frozen=True)
class Result:
    level: LevelId
    provisional: bool  # some visible item is still unanswered
    readiness: float | None  # over all visible in-force items, unanswered = not met
    answered_score: float | None  # over answered items only: show only labelled as such
    answered: int
    total: int
    sections: list[SectionScore]
    gates_failed: list[Item]
    gates_open: list[Item]  # partially met, uncertain or unanswered (as the catalog says)
    gaps: list[Gap]
    items: list[Item] = field(repr=False)
    modules: list[ModuleResult] = field(default_factory=list)  # each optional module's own result
    completeness_threshold: float = 90.0
    gates_unanswered: list[Item] = field(default_factory=list)
    # every unanswered visible item that completeness counts (optional modules and context-only
    # statuses are outside it, as they are outside readiness)
    unanswered: list[Item] = field(default_factory=list, repr=False)

    @property
    def progress(self) -> float:
        return self.answered / self.total if self.total else 1.0

    @property
    def completeness(self) -> float:
        """Answered share of the visible in-force items, in percent (what the level was decided on)."""
        return completeness_pct(self.answered, self.total)

    @property
    def score(self) -> float | None:
        """Readiness (kept under its old name for views that read ``score``)."""
        return self.readiness

    @property
    def incomplete(self) -> bool:
        return self.level is LevelId.INCOMPLETE

    def section_score(self, section_id: str) -> SectionScore:
        return next(s for s in self.sections if s.section.id == section_id)

    def module(self, module_id: str) -> ModuleResult:
        return next(m for m in self.modules if m.id == module_id)

    @property
    def enabled_modules(self) -> list[ModuleResult]:
        return [m for m in self.modules if m.enabled]


def _in_overall(section: Section, catalog: Catalog) -> bool:
    # An optional module's items never enter the VEU readiness score (forms/modules.yaml).
    return section.module is None


@dataclass(frozen=True)
class _Tally:
    answered: int
    earned: float
    possible: float  # applicable answered weight
    possible_all: float  # applicable weight, unanswered included


def _tally(items: list[Item], assessment: Assessment, credit: dict[str, float]) -> _Tally:
    answered, earned, possible, possible_all = 0, 0.0, 0.0, 0.0
    for it in items:
        state = assessment.answers.get(it.key, Answer()).state
        if state is not AnswerState.UNANSWERED:
            answered += 1
        if state is AnswerState.NOT_APPLICABLE or not counts_in_score(it.requirement):
            continue  # N/A and context-only statuses leave both denominators
        possible_all += it.weight
        if state is AnswerState.UNANSWERED:
            continue
        earned += credit[state.value] * it.weight
        possible += it.weight
    return _Tally(answered, earned, possible, possible_all)


def _pct(earned: float, possible: float) -> float | None:
    # Clamp against float rounding so a score never leaves 0..100.
    return min(100.0, max(0.0, 100.0 * earned / possible)) if possible > 0 else None


def graded_level(catalog: Catalog, score: float | None, gate_open: bool) -> LevelId:
    """The graded level of a score (the rule for a complete file), capped while a gate is open."""
    scoring = catalog.header.scoring
    graded = sorted(
        (lv for lv in scoring.levels if lv.id not in (LevelId.INELIGIBLE, LevelId.INCOMPLETE)),
        key=lambda lv: -lv.min_score,
    )
    level = graded[-1].id
    if score is not None:
        level = next((lv.id for lv in graded if score >= lv.min_score), level)
    order = [lv.id for lv in graded]
    cap = scoring.capped_level_when_gate_open
    if gate_open and cap in order and order.index(level) < order.index(cap):
        level = cap
    return level


def _level(
    catalog: Catalog, readiness: float | None, completeness: float, failed: bool, gate_open: bool,
    gate_unanswered: bool,
) -> LevelId:
    if failed:
        return LevelId.INELIGIBLE
    if gate_unanswered or completeness < catalog.header.scoring.completeness_threshold:
        return LevelId.INCOMPLETE
    return graded_level(catalog, readiness, gate_open)


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
        t = _tally(sec_items, assessment, credit)
        visible = section_visible(sec, assessment.profile, catalog) and bool(sec_items)
        sections.append(
            SectionScore(
                sec, visible, in_overall, len(sec_items), t.answered, _pct(t.earned, t.possible_all),
                _pct(t.earned, t.possible), t.earned, t.possible, t.possible_all,
            )
        )

    t = _tally(overall_items, assessment, credit)
    failed: list[Item] = []
    open_gates: list[Item] = []
    unanswered_gates: list[Item] = []
    for it in overall_items:
        if not gate_applies(it.requirement):
            continue
        state = assessment.answers.get(it.key, Answer()).state
        if state is AnswerState.UNANSWERED:
            unanswered_gates.append(it)
        if state.value in scoring.gate_fail_states:
            failed.append(it)
        elif state.value in scoring.gate_open_states:
            open_gates.append(it)
    readiness = _pct(t.earned, t.possible_all)
    completeness = completeness_pct(t.answered, len(overall_items))
    level = _level(catalog, readiness, completeness, bool(failed), bool(open_gates), bool(unanswered_gates))
    # The items completeness counts (in the in-force score), so the list matches "N of M answered".
    unanswered = [
        it for it in overall_items if assessment.answers.get(it.key, Answer()).state is AnswerState.UNANSWERED
    ]
    return Result(
        level=level,
        provisional=t.answered < len(overall_items),
        readiness=readiness,
        answered_score=_pct(t.earned, t.possible),
        answered=t.answered,
        total=len(overall_items),
        sections=sections,
        gates_failed=failed,
        gates_open=open_gates,
        gaps=rank_gaps(items, assessment),
        items=items,
        modules=module_results(catalog, assessment, items, LevelFn(catalog)),
        completeness_threshold=scoring.completeness_threshold,
        gates_unanswered=unanswered_gates,
        unanswered=unanswered,
    )
