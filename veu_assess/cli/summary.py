"""Plain-text and JSON views of the engine's result for the CLI (no second scoring path)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.routes import select_routes
from veu_assess.engine.scoring import Result
from veu_assess.model.assessment import Assessment

__all__ = ["level_label", "result_to_json", "result_to_text"]


def result_to_text(catalog: Catalog, assessment: Assessment, result: Result, lang: str = "en") -> str:
    """The readiness summary as text (``summary_text``; imported late: it needs this module)."""
    from veu_assess.cli.summary_text import summary_text

    return summary_text(catalog, assessment, result, lang)


def level_label(catalog: Catalog, result: Result, lang: str = "en") -> str:
    level = next(lv for lv in catalog.header.scoring.levels if lv.id is result.level)
    return level.label.get(lang)


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.1f}%"


def result_to_json(catalog: Catalog, assessment: Assessment, result: Result) -> dict[str, Any]:
    return {
        "assessment_id": assessment.id,
        "catalog_version": catalog.version,
        "route": _route_json(catalog, assessment),
        "level": result.level.value,
        "level_label": level_label(catalog, result),
        "provisional": result.provisional,
        "score": None if result.score is None else round(result.score, 2),
        "progress": round(result.progress * 100, 2),
        "answered": result.answered,
        "total": result.total,
        "sections": [
            {
                "id": s.section.id,
                "title": s.section.title.en,
                "visible": s.visible,
                "in_overall": s.in_overall,
                "answered": s.answered,
                "total": s.total,
                "score": None if s.score is None else round(s.score, 2),
            }
            for s in result.sections
        ],
        "gates_failed": [it.key for it in result.gates_failed],
        "gates_open": [it.key for it in result.gates_open],
        "gaps": [
            {
                "rank": g.rank,
                "requirement": g.requirement.id,
                "site": g.item.site_id,
                "state": g.state.value,
                "priority": g.priority,
                "stretch": g.stretch,
                "title": g.requirement.title.en,
                "citation": g.requirement.citation,
                "remediation": g.requirement.remediation.en,
            }
            for g in result.gaps
        ],
    }


def _route_json(catalog: Catalog, assessment: Assessment) -> dict[str, Any]:
    """Route selection (engine/routes.py): the score that follows is readiness for the VEU route."""
    r = select_routes(catalog, assessment, dt.date.today())
    return {"headline": r.headline, "verdicts": {f.route_id: f.verdict.value for f in r.findings},
            "rules": {f.route_id: [x.rule_id for x in f.reasons] for f in r.findings}}
