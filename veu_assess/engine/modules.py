"""Each optional module's own result (forms/modules.yaml), computed apart from the VEU score.

A module's items never enter the VEU readiness score, progress or gates (engine/scoring.py keeps
them out); here each module gets its own result from the same answers:
- ``scored`` modules (the Japan overlay, the January 2025 stretch module): readiness as for the
  VEU score, so it never looks better than what is answered: weighted credit over every applicable
  item, an unanswered one counting as not met. The level is "incomplete" until the catalog's
  ``completeness_threshold`` of the module's items are answered, and only then graded by the
  catalog's thresholds. Modules have no gates, so the level is never "ineligible".
- ``checklist`` modules (AI Exports Program preparation): never a score or verdict; "prepared" when
  every visible item is done (met, or not applicable with a reason), else "items open", with
  progress (done / visible) and the open items.
A module that is switched off has ``enabled`` False and no items.
"""

from __future__ import annotations

from dataclasses import dataclass

from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import LevelId, Module, ModuleKind
from veu_assess.engine.status import counts_in_score
from veu_assess.engine.visibility import Item
from veu_assess.model.assessment import Answer, AnswerState, Assessment

PREPARED = "prepared"
ITEMS_OPEN = "items_open"
_DONE = (AnswerState.MET, AnswerState.NOT_APPLICABLE)


@dataclass(frozen=True)
class ModuleResult:
    module: Module
    enabled: bool
    items: tuple[Item, ...]  # the module's visible items
    answered: int
    done: int  # met or not applicable
    score: float | None  # scored modules only: readiness 0..100 (unanswered = not met); None if all n/a
    level: LevelId | None  # scored modules only
    status: str | None  # checklist modules only: PREPARED or ITEMS_OPEN
    open_items: tuple[Item, ...]  # not done: unanswered, not met, partially met, uncertain

    @property
    def id(self) -> str:
        return self.module.id

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def progress(self) -> float:
        """Checklist progress (done / total); for scored modules, answered / total."""
        if not self.items:
            return 1.0
        return (self.done if self.module.kind is ModuleKind.CHECKLIST else self.answered) / len(self.items)

    @property
    def provisional(self) -> bool:
        return self.answered < len(self.items)


def module_results(catalog: Catalog, assessment: Assessment, items: list[Item],
                   level_of: LevelFn) -> list[ModuleResult]:
    """One result per module of the catalog, in catalog order (``items``: every visible item)."""
    credit = {str(k): v for k, v in catalog.header.scoring.credit.items()}
    threshold = catalog.header.scoring.completeness_threshold
    out: list[ModuleResult] = []
    for module in catalog.header.modules:
        enabled = module.id in assessment.profile.modules
        mine = tuple(it for it in items if it.section.module == module.id and counts_in_score(it.requirement))
        answered = done = 0
        earned = possible = 0.0
        open_items: list[Item] = []
        for it in mine:
            state = assessment.answers.get(it.key, Answer()).state
            if state is not AnswerState.UNANSWERED:
                answered += 1
            if state in _DONE:
                done += 1
            else:
                open_items.append(it)
            if state is AnswerState.UNANSWERED:
                possible += it.weight  # counts as not met: the score never runs ahead of the answers
            elif state is not AnswerState.NOT_APPLICABLE:
                earned += credit[state.value] * it.weight
                possible += it.weight
        score = level = status = None
        if module.kind is ModuleKind.SCORED:
            score = min(100.0, max(0.0, 100.0 * earned / possible)) if possible > 0 else None
            complete = bool(mine) and 100.0 * answered / len(mine) >= threshold
            level = (level_of(score) if complete else LevelId.INCOMPLETE) if mine else None
        else:
            status = PREPARED if mine and not open_items else ITEMS_OPEN
        out.append(ModuleResult(module, enabled, mine, answered, done, score, level, status, tuple(open_items)))
    return out


class LevelFn:
    """The catalog's threshold levels for a score, without gates (modules have none)."""

    def __init__(self, catalog: Catalog) -> None:
        scoring = catalog.header.scoring
        self._graded = sorted(
            (lv for lv in scoring.levels if lv.id not in (LevelId.INELIGIBLE, LevelId.INCOMPLETE)),
            key=lambda lv: -lv.min_score
        )

    def __call__(self, score: float | None) -> LevelId:
        if score is None:
            return self._graded[-1].id
        return next((lv.id for lv in self._graded if score >= lv.min_score), self._graded[-1].id)
