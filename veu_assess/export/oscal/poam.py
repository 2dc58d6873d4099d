"""The OSCAL plan of action and milestones (POA&M, NIST OSCAL 1.0.6) of one assessment.

One poam-item per engine gap, in the engine's rank order, each with the requirement, its
citation (a prop, a line of the description and a link to a back-matter ``citation``), the
catalog's remediation hint, the gap's priority, and the operator's owner / due date. Items link
to the same observations and risks (same UUIDs) as the assessment results. The POA&M stands
alone: ``system-id`` is the assessment id and the tool is a local component.

OSCAL requires at least one poam-item. An assessment without gaps gets a single item that says
what is true (no gaps among N answered requirements, M not answered yet, answers the auditor
rejected), marked with the prop ``no-open-items`` so that tools (and tests) can tell it from a gap.
"""

from __future__ import annotations

from typing import Any

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.scoring import Gap
from veu_assess.export.oscal.common import NS, compact, line, paragraphs, prop, props
from veu_assess.export.oscal.context import OscalContext
from veu_assess.export.oscal.elements import (
    STATE_LABEL,
    citation_link,
    gap_props,
    observation_uuids,
    observations_for,
    risk,
)
from veu_assess.export.oscal.markdown import md_escape, md_line
from veu_assess.model.assessment import AnswerState
from veu_assess.model.review import VerdictState
from veu_assess.storage.document import Document


def _poam_item(ctx: OscalContext, gap: Gap) -> dict[str, Any]:
    """The POA&M item of one engine gap."""
    item, answer, req = gap.item, gap.answer, gap.requirement
    owner = f"Owner: {md_line(name)}." if (name := line(answer.owner)) else None
    due = f"Due: {answer.due.isoformat()}." if answer.due else None
    return compact(
        {
            "uuid": ctx.uuid("poam-item", item.key),
            "title": ctx.item_title(item),
            "description": paragraphs(
                f"Gap {gap.rank} ({gap.priority} priority): the operator answered '{STATE_LABEL[answer.state]}'.",
                f"Citation: {md_line(req.citation)}",
                f"Remediation: {md_escape(ctx.text(req.remediation))}",
                owner,
                due,
            ),
            "props": gap_props(ctx, gap),
            "links": [citation_link(ctx, item)],
            "origins": [{"actors": [{"type": "tool", "actor-uuid": ctx.tool_uuid}]}],
            "related-observations": [{"observation-uuid": u} for u in observation_uuids(ctx, item)],
            "related-risks": [{"risk-uuid": ctx.uuid("risk", item.key)}],
        }
    )


def _requirements(n: int) -> str:
    return f"{n} requirement" if n == 1 else f"{n} requirements"


def _no_gaps_title(answered: int, pending: int) -> str:
    if not answered:
        return "No requirement answered yet"
    if pending:
        return f"No gaps among the {_requirements(answered)} answered"
    return "No gaps: every requirement is answered"


def _no_open_items(ctx: OscalContext) -> dict[str, Any]:
    """The one item of a POA&M without gaps, saying what is true: how much was answered, how
    much was not, and whether the auditor rejected answers (OSCAL needs at least one item)."""
    doc = ctx.doc
    # Counted per visible item (a site-level requirement once per site), like gaps and findings.
    states = [ctx.answer(it).state for it in ctx.result.items]
    total = len(states)
    answered = sum(1 for s in states if s is not AnswerState.UNANSWERED)
    not_applicable = states.count(AnswerState.NOT_APPLICABLE)
    pending = total - answered
    verdicts = doc.review.verdicts
    rejected = sum(1 for it in ctx.result.items if (v := verdicts.get(it.key)) and v.state is VerdictState.REJECTED)
    if answered:
        na = f" ({not_applicable} of them not applicable)" if not_applicable else ""
        found = f"The engine identifies no gaps among the {_requirements(answered)} answered{na}."
    else:
        found = "No requirement has been answered, so no gap can be identified yet."
    return {
        "uuid": ctx.uuid("poam-item", "no-open-items"),
        "title": _no_gaps_title(answered, pending),
        "description": paragraphs(
            f"Assessment of {doc.assessment.assessment_date.isoformat()}: {found}",
            f"{pending} of {_requirements(total)} {'is' if pending == 1 else 'are'} not answered yet; "
            "this plan lists no action for them until they are answered."
            if pending
            else None,
            f"The auditor rejected {rejected} of the answers; see the findings in the assessment results."
            if rejected
            else None,
        ),
        "props": props(
            {"name": "no-open-items", "ns": NS, "value": "true"},
            prop("answered", answered),
            prop("unanswered", pending),
            prop("not-applicable", not_applicable),
            prop("total", total),
            prop("rejected-by-auditor", rejected or None),
        ),
    }


def build_poam(doc: Document, catalog: Catalog, lang: str = "en") -> dict[str, Any]:
    """The POA&M document as plain JSON data (``{"plan-of-action-and-milestones": ...}``)."""
    ctx = OscalContext.build(doc, catalog, lang)
    a, gaps = doc.assessment, ctx.result.gaps
    gap_items = [g.item for g in gaps]
    # Items first: they register the evidence and citation resources that back-matter lists.
    items = [_poam_item(ctx, g) for g in gaps] or [_no_open_items(ctx)]
    observations = observations_for(ctx, gap_items)
    risks = [risk(ctx, g) for g in gaps]
    title = a.title.strip() or a.profile.applicant_name.strip() or "VEU readiness assessment"
    body = compact(
        {
            "uuid": ctx.document_uuid("poam"),
            "metadata": ctx.metadata(f"Plan of action and milestones: {md_line(title)}"),
            "system-id": {"identifier-type": NS, "id": a.id},
            "local-definitions": {
                "components": [ctx.tool_component()],
                "remarks": "The assessed system is the applicant; its data centers are the metadata locations.",
            },
            "observations": observations,
            "risks": risks,
            "poam-items": items,
            "back-matter": ctx.back_matter(),
        }
    )
    return {"plan-of-action-and-milestones": body}


def is_gap_item(item: dict[str, Any]) -> bool:
    """False for the placeholder item of a POA&M without gaps."""
    return not any(p.get("name") == "no-open-items" and p.get("ns") == NS for p in item.get("props", []))
