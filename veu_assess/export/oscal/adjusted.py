"""The auditor-adjusted readiness as its own observation in the assessment results.

``review.adjusted_result`` scores the operator's answers with the auditor's adjusted states in
their place, through the one engine. In OSCAL it is a separate observation (type "finding", by the
assessors whose verdicts adjusted a state): the result's own description and props stay the
operator's readiness, never replaced.
"""

from __future__ import annotations

from typing import Any

from veu_assess.export.oscal.common import compact, paragraphs, prop, props, stamp
from veu_assess.export.oscal.context import OscalContext
from veu_assess.i18n_format import format_figure
from veu_assess.review.adjusted import adjusted_result


def adjusted_observation(ctx: OscalContext) -> dict[str, Any] | None:
    """The observation of the auditor-adjusted readiness; None when no verdict adjusts a state."""
    adjusted = adjusted_result(ctx.catalog, ctx.doc)
    if adjusted is None:
        return None
    verdicts = [(k, v) for k, v in sorted(ctx.doc.review.verdicts.items()) if v.adjusted_state is not None]
    operator = ctx.result
    score = "not yet scored" if adjusted.readiness is None else f"{format_figure(adjusted.readiness)} / 100"
    reviewers = dict.fromkeys(u for _, v in verdicts if (u := ctx.person_uuid(v.reviewer)) is not None)
    actors = [{"type": "party", "actor-uuid": u, "role-id": "assessor"} for u in reviewers]
    if not actors:  # verdicts without a named reviewer: the tool computed it
        actors = [{"type": "tool", "actor-uuid": ctx.tool_uuid}]
    days = [v.date for _, v in verdicts if v.date is not None]
    return compact(
        {
            "uuid": ctx.uuid("observation", "auditor-adjusted-readiness"),
            "title": "Auditor-adjusted readiness",
            "description": paragraphs(
                f"The operator's answers scored by the same engine with the auditor's adjusted states in their "
                f"place ({len(verdicts)} item(s): {', '.join(k for k, _ in verdicts)}). It stands beside the "
                f"operator's result (readiness level {operator.level.value}), never instead of it.",
                f"Auditor-adjusted readiness level: {adjusted.level.value}; readiness {score}; "
                f"gates failed: {len(adjusted.gates_failed)}; gaps: {len(adjusted.gaps)}.",
            ),
            "props": props(
                prop("adjusted-readiness-level", adjusted.level.value),
                prop("adjusted-readiness-score",
                     None if adjusted.readiness is None else format_figure(adjusted.readiness)),
                prop("adjusted-completeness", format_figure(adjusted.completeness)),
                prop("adjusted-gates-failed", len(adjusted.gates_failed)),
                prop("adjusted-items", len(verdicts)),
                prop("operator-readiness-level", operator.level.value),
            ),
            "methods": ["EXAMINE"],
            "types": ["finding"],
            "origins": [{"actors": actors}],
            "collected": stamp(max(days, default=ctx.doc.assessment.assessment_date), "date of the adjusting verdicts"),
        }
    )
