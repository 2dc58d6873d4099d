"""The accelerator inventory as OSCAL observations: one per accelerator line, classified by the
engine's calculator (``engine.inventory``), the same lines the report and ``score --json`` show.

Each observation examines a site's inventory as the operator entered it; its props carry the
model, quantity, TPP, performance density, the 3A090 classification and the site's 4A090 system
classification, so a reader of the assessment results sees the inventory without the report.
"""

from __future__ import annotations

from typing import Any

from veu_assess.engine.inventory import decimal_text, inventory_of
from veu_assess.export.oscal.common import compact, prop, props, stamp
from veu_assess.export.oscal.context import OscalContext
from veu_assess.export.oscal.markdown import md_line


def inventory_observations(ctx: OscalContext) -> list[dict[str, Any]]:
    inv = inventory_of(ctx.catalog, ctx.doc.assessment)
    out: list[dict[str, Any]] = []
    for site in inv.sites:
        for n, line in enumerate(site.inventory.lines):
            c, acc = line.classification, line.accelerator
            out.append(compact({
                "uuid": ctx.uuid("inventory", f"{site.site_id}/{n}"),
                "title": f"Accelerator inventory, {md_line(site.site_name)}: {md_line(acc.model)}",
                "description": (
                    f"{acc.count} x {md_line(acc.model)} at site {md_line(site.site_name)}: classified {c.eccn}"
                    f" ({md_line(c.reason)}) by the compute classification calculator."
                ),
                "props": props(
                    prop("site", site.site_id),
                    prop("accelerator-model", acc.model),
                    prop("quantity", acc.count),
                    prop("tpp", (decimal_text(c.tpp, 1) or "").replace(",", "")),
                    prop("performance-density", (decimal_text(c.density, 2) or "").replace(",", "")),
                    prop("eccn", c.eccn),
                    prop("system-eccn", site.inventory.system_eccn if site.inventory.controlled_count else None),
                ),
                "methods": ["EXAMINE"],
                "types": ["finding"],
                "origins": [{"actors": [{"type": "tool", "actor-uuid": ctx.tool_uuid}]}],
                "collected": stamp(ctx.doc.assessment.assessment_date, "assessment date"),
            }))
    return out
