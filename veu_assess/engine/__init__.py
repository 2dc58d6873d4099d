"""Visibility, scoring, gaps, readiness level and calculators (no Qt)."""

from typing import TYPE_CHECKING

from veu_assess._lazy import lazy_exports

if TYPE_CHECKING:
    from veu_assess.engine.calculators import classify, report_calendar, site_inventory
    from veu_assess.engine.scoring import Gap, Result, SectionScore, evaluate
    from veu_assess.engine.visibility import Item, visible_items

__all__ = [
    "Gap",
    "Item",
    "Result",
    "SectionScore",
    "classify",
    "evaluate",
    "report_calendar",
    "site_inventory",
    "visible_items",
]

# Imported on first use: importing one module of the package must not load them all.
__getattr__ = lazy_exports(
    __name__,
    {
        "classify": "veu_assess.engine.calculators",
        "report_calendar": "veu_assess.engine.calculators",
        "site_inventory": "veu_assess.engine.calculators",
        "Gap": "veu_assess.engine.scoring",
        "Result": "veu_assess.engine.scoring",
        "SectionScore": "veu_assess.engine.scoring",
        "evaluate": "veu_assess.engine.scoring",
        "Item": "veu_assess.engine.visibility",
        "visible_items": "veu_assess.engine.visibility",
    },
)
