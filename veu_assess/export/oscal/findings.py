"""Findings of the assessment results: one per answered item, with the auditor's verdict applied.

What a finding concludes (``conclude``):

- Without a verdict, or with "accepted" / "needs more information", the operator's answer
  stands: met is ``satisfied`` (reason ``pass``); partially met, not met and uncertain are
  ``not-satisfied`` (reason ``fail``). "Needs more information" is said in the status remarks.
- A verdict with an adjusted state (``Verdict.adjusted_state``, the auditor's own answer) wins
  over the operator's answer, whatever the verdict is.
- "Rejected" without an adjusted state means the auditor does not accept the operator's
  answer: the finding is ``not-satisfied`` (reason ``fail``) even when the operator said met or
  not applicable.

Not applicable. OSCAL 1.0.6 has only ``satisfied`` / ``not-satisfied`` for a finding target's
status, and an auditor must still see every not-applicable answer and its justification. So a
not-applicable answer gets a finding too (not only an observation, which would leave the
requirement without a conclusion): its target carries ``implementation-status``
``not-applicable`` (the value OSCAL defines for exactly this) with the justification, and the
status ``satisfied`` with reason ``other``: nothing is left to do for a requirement that does
not apply, it is no gap and has no risk, and "other" tells it apart from a ``pass``. If the
auditor rejects the claim, the finding is ``not-satisfied`` like any rejected answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from veu_assess.engine.scoring import Gap
from veu_assess.engine.visibility import Item
from veu_assess.export.oscal.common import compact, paragraphs, prop, props
from veu_assess.export.oscal.context import OscalContext
from veu_assess.export.oscal.elements import STATE_LABEL, citation_link, item_props, objective_id, observation_uuids
from veu_assess.export.oscal.markdown import md_escape, md_line
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.model.review import Verdict, VerdictState


@dataclass(frozen=True)
class Conclusion:
    """What a finding says about one item."""

    state: str  # OSCAL objective status: "satisfied" or "not-satisfied"
    reason: str  # "pass", "fail" or "other"
    basis: AnswerState | None  # the answer state the conclusion rests on; None: the auditor rejected it
    by_auditor: bool  # the auditor's verdict decided it, not the operator's answer
    remarks: str | None  # markup-multiline: why, when it is not simply the operator's answer


def _from_state(state: AnswerState, by_auditor: bool, remarks: str | None) -> Conclusion:
    if state is AnswerState.MET:
        return Conclusion("satisfied", "pass", state, by_auditor, remarks)
    if state is AnswerState.NOT_APPLICABLE:
        return Conclusion("satisfied", "other", state, by_auditor, remarks)
    reason = "other" if state is AnswerState.UNANSWERED else "fail"
    return Conclusion("not-satisfied", reason, state, by_auditor, remarks)


def conclude(answer: Answer, verdict: Verdict | None) -> Conclusion:
    """The finding's conclusion from the operator's answer and the auditor's verdict (see module doc)."""
    operator = STATE_LABEL[answer.state]
    if verdict is not None and verdict.adjusted_state is not None:
        adjusted = STATE_LABEL[verdict.adjusted_state]
        why = f"The auditor ({verdict.state.value.replace('_', ' ')}) set the state to '{adjusted}'"
        return _from_state(verdict.adjusted_state, True, f"{why}; the operator answered '{operator}'.")
    if verdict is not None and verdict.state is VerdictState.REJECTED:
        why = f"The auditor rejected the operator's answer '{operator}'."
        return Conclusion("not-satisfied", "fail", None, True, why)
    needs_info = verdict is not None and verdict.state is VerdictState.NEEDS_INFO
    pending = "The auditor asked for more information; the operator's answer is not confirmed yet."
    return _from_state(answer.state, False, pending if needs_info else None)


def _verdict_remarks(verdict: Verdict | None) -> str | None:
    if verdict is None:
        return None
    who = ", ".join(x for x in (md_line(verdict.reviewer), verdict.date.isoformat() if verdict.date else "") if x)
    head = f"Auditor's verdict: {verdict.state.value.replace('_', ' ')}" + (f" ({who})." if who else ".")
    return paragraphs(head, md_escape(verdict.comment))


def _justification(answer: Answer) -> str:
    given = md_escape(answer.justification)
    return f"Justification: {given}" if given else "No justification was given."


def _implementation_status(answer: Answer, conclusion: Conclusion) -> dict[str, Any] | None:
    """``not-applicable`` (with the justification) when the finding concludes not applicable."""
    if conclusion.basis is not AnswerState.NOT_APPLICABLE:
        return None
    if answer.state is AnswerState.NOT_APPLICABLE:
        return {"state": "not-applicable", "remarks": _justification(answer)}
    return {"state": "not-applicable", "remarks": "The auditor found the requirement not applicable."}


def finding(ctx: OscalContext, item: Item, gap: Gap | None) -> dict[str, Any]:
    """The finding on one answered item (not-applicable answers included)."""
    answer = ctx.answer(item)
    verdict = ctx.doc.review.verdicts.get(item.key)
    conclusion = conclude(answer, verdict)
    not_applicable = answer.state is AnswerState.NOT_APPLICABLE
    return compact(
        {
            "uuid": ctx.uuid("finding", item.key),
            "title": ctx.item_title(item),
            "description": paragraphs(
                md_line(ctx.text(item.requirement.title)),
                f"Citation: {md_line(item.requirement.citation)}",
                f"Operator's answer: {STATE_LABEL[answer.state]}.",
                _justification(answer) if not_applicable else None,
            ),
            "props": props(
                *item_props(ctx, item),
                prop("answer-state", answer.state.value),
                prop("verdict", verdict.state.value if verdict else None),
                prop("adjusted-state", verdict.adjusted_state.value if verdict and verdict.adjusted_state else None),
                prop("concluded-by", "auditor" if conclusion.by_auditor else "operator"),
                prop("not-applicable", True if not_applicable else None),
                prop("priority", gap.priority if gap else None),
            ),
            "links": [citation_link(ctx, item)],
            "target": compact(
                {
                    "type": "objective-id",
                    "target-id": objective_id(item),
                    "title": md_line(ctx.text(item.requirement.title)),
                    "status": compact(
                        {"state": conclusion.state, "reason": conclusion.reason, "remarks": conclusion.remarks}
                    ),
                    "implementation-status": _implementation_status(answer, conclusion),
                }
            ),
            "related-observations": [{"observation-uuid": u} for u in observation_uuids(ctx, item)],
            "related-risks": [{"risk-uuid": ctx.uuid("risk", item.key)}] if gap else None,
            "remarks": _verdict_remarks(verdict),
        }
    )
