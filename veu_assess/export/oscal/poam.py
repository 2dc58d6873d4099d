"""The OSCAL plan of action and milestones (POA&M, NIST OSCAL 1.0.6) of one assessment.

One poam-item per engine gap, in the engine's rank order, each with the requirement, its
citation (a prop, a line of the description and a link to a back-matter ``citation``), the
catalog's remediation hint, the gap's priority, and the operator's owner / due date. Items link
to the same observations and risks (same UUIDs) as the assessment results. The POA&M stands
alone: ``system-id`` is the assessment id and the tool is a local component.

OSCAL requires at least one poam-item. An assessment without gaps gets a single item that says
so, marked with the prop ``no-open-items`` so that tools (and tests) can tell it from a gap.
"""

from __future__ import annotations

from typing import Any

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.scoring import Gap
from veu_assess.export.oscal.common import NS, compact, line, paragraphs
from veu_assess.export.oscal.context import OscalContext
from veu_assess.export.oscal.elements import (
    STATE_LABEL,
    citation_link,
    gap_props,
    observation_uuids,
    observations_for,
    risk,
)
from veu_assess.storage.document import Document


def _poam_item(ctx: OscalContext, gap: Gap) -> dict[str, Any]:
    item, answer, req = gap.item, gap.answer, gap.requirement
    owner = f"Owner: {name}." if (name := line(answer.owner)) else None
    due = f"Due: {answer.due.isoformat()}." if answer.due else None
    return compact(
        {
            "uuid": ctx.uuid("poam-item", item.key),
            "title": ctx.item_title(item),
            "description": paragraphs(
                f"Gap {gap.rank} ({gap.priority} priority): the operator answered '{STATE_LABEL[answer.state]}'.",
                f"Citation: {req.citation}",
                f"Remediation: {ctx.text(req.remediation)}",
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


def _no_open_items(ctx: OscalContext) -> dict[str, Any]:
    result = ctx.result
    pending = result.total - result.answered
    return {
        "uuid": ctx.uuid("poam-item", "no-open-items"),
        "title": "No open items",
        "description": paragraphs(
            f"The assessment of {ctx.doc.assessment.assessment_date.isoformat()} identifies no gaps.",
            f"{pending} of {result.total} requirements are not answered yet." if pending else None,
        ),
        "props": [{"name": "no-open-items", "ns": NS, "value": "true"}],
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
            "uuid": ctx.uuid("poam", ctx.revision),
            "metadata": ctx.metadata(f"Plan of action and milestones: {title}"),
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
