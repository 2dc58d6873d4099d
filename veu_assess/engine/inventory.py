"""The assessment's accelerator inventory, classified by the engine's calculator, for every view.

One function (``inventory_of``) gives the report, ``score --json``, the CSV export and the OSCAL
results the same lines: per site, each accelerator with its TPP, performance density and
3A090/4A090 classification, and totals per classification. Sites keep the profile's order; an
inventory under a site id the profile no longer names is still listed (under its id), so nothing
entered disappears from the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.calculators import SiteInventory, rule_figures, site_inventory
from veu_assess.model.assessment import Assessment


@dataclass(frozen=True)
class SiteLines:
    site_id: str
    site_name: str  # the profile's name, or the id when the profile has no such site
    inventory: SiteInventory


@dataclass(frozen=True)
class Inventory:
    sites: list[SiteLines]
    totals: dict[str, int]  # accelerator quantity per ECCN text (3A090.a, 3A090.b, not 3A090 ...)
    systems_4a090: int  # sites whose computers contain 3A090 items (so fall under 4A090)
    # The catalog's thresholds by name: a view words each line's ``classification.rule`` with them.
    rule_figures: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not any(s.inventory.lines for s in self.sites)

    @property
    def quantity(self) -> int:
        return sum(self.totals.values())


def inventory_of(catalog: Catalog, assessment: Assessment) -> Inventory:
    th = catalog.header.thresholds
    names = {s.id: s.name for s in assessment.profile.sites}
    order = [s.id for s in assessment.profile.sites]
    order += sorted(k for k in assessment.inventory if k not in names)
    sites: list[SiteLines] = []
    totals: dict[str, int] = {}
    for site_id in order:
        lines = assessment.inventory.get(site_id, [])
        if not lines:
            continue
        inv = site_inventory(site_id, lines, th)
        sites.append(SiteLines(site_id, names.get(site_id, site_id), inv))
        for line in inv.lines:
            totals[line.classification.eccn] = totals.get(line.classification.eccn, 0) + line.accelerator.count
    return Inventory(sites, totals, sum(1 for s in sites if s.inventory.controlled_count), rule_figures(th))


def decimal_text(value: Fraction | None, places: int) -> str | None:
    """An exact figure rounded for display (no float detour that could cross a threshold edge)."""
    if value is None:
        return None
    scaled = round(value * 10**places)
    sign = "-" if scaled < 0 else ""
    whole, frac = divmod(abs(scaled), 10**places)
    return f"{sign}{whole:,}" + (f".{frac:0{places}d}" if places else "")


def inventory_to_json(inv: Inventory) -> dict[str, Any]:
    return {
        "sites": [
            {
                "site": s.site_id,
                "name": s.site_name,
                "system_eccn": s.inventory.system_eccn,
                "lines": [
                    {
                        "model": line.accelerator.model,
                        "quantity": line.accelerator.count,
                        "tpp": float(line.classification.tpp),
                        "performance_density": (
                            None if line.classification.density is None else float(line.classification.density)
                        ),
                        "eccn": line.classification.eccn,
                        "reason": line.classification.reason,
                    }
                    for line in s.inventory.lines
                ],
            }
            for s in inv.sites
        ],
        "totals": dict(sorted(inv.totals.items())),
        "sites_4a090": inv.systems_4a090,
    }
