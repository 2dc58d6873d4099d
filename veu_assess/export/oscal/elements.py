"""Observations, risks and findings of one assessment, as OSCAL assessment-common objects.

- One observation per visible item the operator touched (state, justification, notes, evidence),
  plus one per auditor verdict on that item, so the operator's word and the auditor's stay apart.
- One risk per engine gap, with the gap's priority and rank, the requirement's citation, the
  catalog's remediation hint, and the operator's owner / due date as a planned remediation.
- Findings (the conclusions, with the auditor's verdict applied) are in ``findings.py``.

Every user or catalog text placed in a Markdown field is escaped (``markdown.md_escape`` /
``md_line``); prop values are plain strings and are not.
"""

from __future__ import annotations

from typing import Any

from veu_assess.engine.scoring import Gap
from veu_assess.engine.visibility import Item
from veu_assess.export.oscal.common import NS, compact, paragraphs, prop, props, stamp, token
from veu_assess.export.oscal.context import OscalContext
from veu_assess.export.oscal.markdown import md_escape, md_line
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.review.changes import verdict_is_stale

STATE_LABEL = {
    AnswerState.UNANSWERED: "Unanswered",
    AnswerState.MET: "Met",
    AnswerState.PARTIALLY_MET: "Partially met",
    AnswerState.NOT_MET: "Not met",
    AnswerState.UNCERTAIN: "Uncertain",
    AnswerState.NOT_APPLICABLE: "Not applicable",
}


def control_id(item: Item) -> str:
    """The OSCAL control id of an item's requirement (a token)."""
    return token(item.requirement.id)


def objective_id(item: Item) -> str:
    """NIST names objectives '<control>_obj'; a site-level item adds '.<site>' to stay unique."""
    base = f"{control_id(item)}_obj"
    return f"{base}.{token(item.site_id).lstrip('_')}" if item.site_id else base


def item_props(ctx: OscalContext, item: Item) -> list[dict[str, Any]]:
    """The props that identify an item: requirement, section, optional module (its id, and that it
    is outside the VEU score), site, citation, status, gate."""
    req = item.requirement
    return props(
        prop("requirement-id", req.id),
        prop("section-id", item.section.id),
        prop("module-id", item.section.module),
        prop("in-veu-score", item.section.module is None),
        prop("site-id", item.site_id),
        prop("citation", req.citation),
        prop("requirement-status", req.status.value),
        prop("gate", req.gate),
    )


def citation_link(ctx: OscalContext, item: Item) -> dict[str, Any]:
    """A link to the back-matter resource whose ``citation.text`` is the requirement's citation."""
    citation = item.requirement.citation
    return {"href": "#" + ctx.citation_uuid(citation), "rel": "reference", "text": md_line(citation)}


def _operator_origin(ctx: OscalContext) -> list[dict[str, Any]]:
    return [{"actors": [{"type": "party", "actor-uuid": ctx.operator_uuid, "role-id": "applicant"}]}]


def _tool_origin(ctx: OscalContext) -> dict[str, Any]:
    return {"actors": [{"type": "tool", "actor-uuid": ctx.tool_uuid}]}


def _subjects(ctx: OscalContext, item: Item) -> list[dict[str, Any]]:
    # A site-level answer is about a data center (a location); the rest about the applicant.
    if item.site_id:
        return [
            {
                "subject-uuid": ctx.uuid("location", item.site_id),
                "type": "location",
                "title": md_line(ctx.site_name(item.site_id)),
            }
        ]
    return [{"subject-uuid": ctx.operator_uuid, "type": "party"}]


def answer_observation(ctx: OscalContext, item: Item, answer: Answer) -> dict[str, Any]:
    """The operator's answer to one item: state, justification, notes and evidence."""
    evidence = [
        {
            "href": "#" + ctx.evidence_uuid(ev.sha256, ev.filename, ev.size, ev.added),
            "description": f"{md_line(ev.filename)} (SHA-256 {ev.sha256})",
        }
        for ev in answer.evidence
    ]
    justification = f"Justification: {md_escape(answer.justification)}" if answer.justification.strip() else None
    return compact(
        {
            "uuid": ctx.uuid("observation", item.key),
            "title": ctx.item_title(item),
            "description": paragraphs(f"Operator's answer: {STATE_LABEL[answer.state]}.", justification),
            "props": props(
                *item_props(ctx, item),
                prop("answer-state", answer.state.value),
                prop("marked-for-review", answer.marked_for_review or None),
            ),
            # The operator's own statement is an interview; attached documents are examined.
            "methods": ["INTERVIEW", "EXAMINE"] if evidence else ["INTERVIEW"],
            "types": ["control-objective"],
            "origins": _operator_origin(ctx),
            "subjects": _subjects(ctx, item),
            "relevant-evidence": evidence,
            "collected": stamp(ctx.doc.assessment.assessment_date, "assessment date"),
            "remarks": md_escape(answer.notes) or None,
        }
    )


def verdict_observation(ctx: OscalContext, item: Item) -> dict[str, Any] | None:
    """The auditor's verdict on one item, kept apart from the operator's answer; None without one."""
    verdict = ctx.doc.review.verdicts.get(item.key)
    if verdict is None:
        return None
    reviewer = ctx.person_uuid(verdict.reviewer)
    adjusted = f"Auditor's adjusted state: {STATE_LABEL[verdict.adjusted_state]}." if verdict.adjusted_state else None
    return compact(
        {
            "uuid": ctx.uuid("observation", item.key, "verdict"),
            "title": f"Auditor's verdict on {ctx.item_title(item)}",
            "description": paragraphs(
                f"Verdict: {verdict.state.value.replace('_', ' ')}.", adjusted, md_escape(verdict.comment)
            ),
            "props": props(
                prop("requirement-id", item.requirement.id),
                prop("site-id", item.site_id),
                prop("verdict", verdict.state.value),
                prop("adjusted-state", verdict.adjusted_state.value if verdict.adjusted_state else None),
                # The item changed after the verdict (review.changes): the verdict judged an earlier answer.
                prop("verdict-stale", True) if verdict_is_stale(ctx.doc, item.key) else None,
            ),
            "methods": ["EXAMINE"],
            "types": ["finding"],
            "origins": [{"actors": [{"type": "party", "actor-uuid": reviewer, "role-id": "assessor"}]}]
            if reviewer
            else None,
            "subjects": _subjects(ctx, item),
            "collected": stamp(verdict.date or ctx.doc.assessment.assessment_date, f"verdict date of {item.key}"),
        }
    )


def observation_uuids(ctx: OscalContext, item: Item) -> list[str]:
    """The observations about an item that exist in the export (answer, then verdict)."""
    out = []
    if not ctx.answer(item).is_blank():
        out.append(ctx.uuid("observation", item.key))
    if item.key in ctx.doc.review.verdicts:
        out.append(ctx.uuid("observation", item.key, "verdict"))
    return out


def observations_for(ctx: OscalContext, items: list[Item]) -> list[dict[str, Any]]:
    """Every observation about the items, in their order (answer, then verdict)."""
    out: list[dict[str, Any]] = []
    for item in items:
        answer = ctx.answer(item)
        if not answer.is_blank():
            out.append(answer_observation(ctx, item, answer))
        verdict = verdict_observation(ctx, item)
        if verdict is not None:
            out.append(verdict)
    return out


def gap_props(ctx: OscalContext, gap: Gap) -> list[dict[str, Any]]:
    """The props of a gap's risk and POA&M item."""
    answer = gap.answer
    return props(
        *item_props(ctx, gap.item),
        prop("priority", gap.priority),
        prop("gap-rank", gap.rank),
        prop("answer-state", answer.state.value),
        prop("owner", answer.owner),
        prop("due", answer.due),
    )


def risk(ctx: OscalContext, gap: Gap) -> dict[str, Any]:
    """The risk of one engine gap, with the catalog's remediation as a recommended or planned response."""
    item, answer, req = gap.item, gap.answer, gap.requirement
    planned = bool(answer.owner.strip() or answer.due)
    remediation = compact(
        {
            "uuid": ctx.uuid("remediation", item.key),
            # The catalog's hint is a recommendation until the operator names an owner or a date.
            "lifecycle": "planned" if planned else "recommendation",
            "title": f"Remediate {md_line(req.id)}",
            "description": md_escape(ctx.text(req.remediation)),
            "props": props(prop("owner", answer.owner), prop("due", answer.due)) or None,
            "origins": _operator_origin(ctx) if planned else [_tool_origin(ctx)],
        }
    )
    return compact(
        {
            "uuid": ctx.uuid("risk", item.key),
            "title": ctx.item_title(item),
            "description": md_escape(ctx.text(req.guidance)),
            "statement": (
                f"The operator answered '{STATE_LABEL[answer.state]}' to a requirement of {md_line(req.citation)}; "
                f"until it is met the application is at risk ({gap.priority} priority, gap {gap.rank})."
            ),
            "props": gap_props(ctx, gap),
            "links": [citation_link(ctx, item)],
            "status": "open",
            "origins": [_tool_origin(ctx)],
            "characterizations": [
                {
                    "origin": _tool_origin(ctx),
                    "facets": [
                        {"name": "priority", "system": NS, "value": gap.priority},
                        {"name": "gap-rank", "system": NS, "value": str(gap.rank)},
                    ],
                }
            ],
            "deadline": stamp(answer.due, f"due date of {item.key}") if answer.due else None,
            "remediations": [remediation],
            "related-observations": [{"observation-uuid": u} for u in observation_uuids(ctx, item)],
        }
    )
