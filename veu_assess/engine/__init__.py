"""Visibility, scoring, gaps, readiness level and calculators (no Qt)."""

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
