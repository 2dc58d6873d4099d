"""Ranked gaps: what to close first, and why it is ranked where it is.

A gap is a visible item answered not met, uncertain or partially met. The order is deterministic
(a total order: the catalog position breaks the last tie) and every gap carries the reason for its
place, so a list of sixteen "High" gaps still says which comes first:

1. VEU items before optional modules' (forms/modules.yaml; outside the VEU score), each module
   in catalog order;
2. priority: critical (a gate) > high (mandatory) > medium (recommended) > low (optional);
3. within a priority: a gate first, then the heavier weight, then the firmer legal status (in force
   before practice before guidance ...: ``STATUS_RANK``), then the earlier due date (none last),
   then the worse answer state, then catalog order.

``STATUS_RANK`` reads the requirement's status by its string value, so status kinds added to the
catalog later slot in by adding one entry; an unknown kind ranks after every known one rather
than failing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from veu_assess.catalog.schema import Importance, Requirement
from veu_assess.engine.visibility import Item
from veu_assess.model.assessment import Answer, AnswerState, Assessment

GAP_STATES = (AnswerState.NOT_MET, AnswerState.UNCERTAIN, AnswerState.PARTIALLY_MET)
_IMPORTANCE_RANK = {Importance.MANDATORY: 0, Importance.RECOMMENDED: 1, Importance.OPTIONAL: 2}
_STATE_RANK = {s: i for i, s in enumerate(GAP_STATES)}
PRIORITIES = ("critical", "high", "medium", "low")

# Firmer law first. Keys are status values; kinds not listed rank after all of these.
STATUS_RANK: dict[str, int] = {
    "in_force": 0,
    "suspended": 1,
    "codified_not_enforced": 2,
    "guidance": 3,
    "announced_expectation": 4,
    "practice": 5,
    "proposed": 6,
    "proposed_stalled": 7,
    "withdrawn": 8,
    "rescinded": 9,
}
_NO_DUE = dt.date.max


def status_value(req: Requirement) -> str:
    """The requirement's legal-status kind as a string, whatever type the catalog gives it."""
    status = getattr(req, "status", "")
    kind = getattr(status, "kind", status)  # a dated status object may carry its kind
    return str(getattr(kind, "value", kind))


def status_rank(req: Requirement) -> int:
    return STATUS_RANK.get(status_value(req), len(STATUS_RANK))


@dataclass(frozen=True)
class RankReason:
    """Why a gap sits where it does: the fields compared, in the order compared."""

    priority: str
    gate: bool
    weight: float
    status: str
    due: dt.date | None
    state: AnswerState
    stretch: bool  # in an optional module, outside the VEU score

    def codes(self) -> dict[str, object]:
        """Machine-readable reason (CLI JSON, CSV)."""
        return {
            "priority": self.priority,
            "gate": self.gate,
            "weight": self.weight,
            "status": self.status,
            "due": self.due.isoformat() if self.due else None,
            "state": self.state.value,
            "stretch": self.stretch,
        }

    def text(self) -> str:
        """A short English reason, e.g. ``high; weight 3; in_force; due 2026-03-01; not_met``."""
        parts = [self.priority + (" (stretch)" if self.stretch else "")]
        if self.gate:
            parts.append("gate")
        parts += [f"weight {self.weight:g}", self.status, f"due {self.due.isoformat()}" if self.due else "no due date",
                  self.state.value]
        return "; ".join(parts)


@dataclass(frozen=True)
class Gap:
    rank: int
    item: Item
    answer: Answer
    priority: str  # critical / high / medium / low
    module: str | None = None  # an optional module's id: ranked after every VEU gap
    reason: RankReason | None = None

    @property
    def stretch(self) -> bool:
        """Outside the VEU score (in an optional module's section)."""
        return self.module is not None

    @property
    def requirement(self) -> Requirement:
        return self.item.requirement

    @property
    def state(self) -> AnswerState:
        return self.answer.state


def priority_of(req: Requirement) -> str:
    if req.gate:
        return "critical"
    return {Importance.MANDATORY: "high", Importance.RECOMMENDED: "medium"}.get(req.importance, "low")


def rank_gaps(items: list[Item], assessment: Assessment) -> list[Gap]:
    """Gaps ranked as the module docstring says."""
    group: dict[str | None, int] = {None: 0}  # VEU first, then each module in catalog order
    for it in items:
        group.setdefault(it.section.module, len(group))
    found: list[tuple[tuple[int, int, int, int, float, int, dt.date, int, int], Item, Answer, RankReason]] = []
    for order, it in enumerate(items):
        ans = assessment.answers.get(it.key, Answer())
        if ans.state not in GAP_STATES:
            continue
        req = it.requirement
        priority = priority_of(req)
        sort_key = (
            group[it.section.module],
            PRIORITIES.index(priority),
            0 if req.gate else 1,
            _IMPORTANCE_RANK[req.importance],
            -req.weight,
            status_rank(req),
            ans.due or _NO_DUE,
            _STATE_RANK[ans.state],
            order,
        )
        reason = RankReason(
            priority, req.gate, float(req.weight), status_value(req), ans.due, ans.state, it.section.module is not None
        )
        found.append((sort_key, it, ans, reason))
    found.sort(key=lambda t: t[0])
    return [
        Gap(rank=i + 1, item=it, answer=ans, priority=reason.priority, module=it.section.module, reason=reason)
        for i, (_, it, ans, reason) in enumerate(found)
    ]
