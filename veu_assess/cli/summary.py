"""Plain-text and JSON views of the engine's result for the CLI (no second scoring path)."""

from __future__ import annotations

from typing import Any

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.inventory import inventory_of, inventory_to_json
from veu_assess.engine.scoring import Result
from veu_assess.engine.visibility import Item
from veu_assess.model.assessment import Answer, Assessment

__all__ = ["level_label", "result_to_json", "result_to_text"]


def result_to_text(catalog: Catalog, assessment: Assessment, result: Result, lang: str = "en") -> str:
    """The readiness summary as text (``summary_text``; imported late: it needs this module)."""
    from veu_assess.cli.summary_text import summary_text

    return summary_text(catalog, assessment, result, lang)


def level_label(catalog: Catalog, result: Result, lang: str = "en") -> str:
    level = next(lv for lv in catalog.header.scoring.levels if lv.id is result.level)
    return level.label.get(lang)


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


def _item(assessment: Assessment, it: Item) -> dict[str, Any]:
    return {
        "key": it.key,
        "requirement": it.requirement.id,
        "site": it.site_id,
        "section": it.section.id,
        "title": it.requirement.title.en,
        "citation": it.requirement.citation,
        "state": assessment.answers.get(it.key, Answer()).state.value,
    }


def result_to_json(catalog: Catalog, assessment: Assessment, result: Result) -> dict[str, Any]:
    return {
        "assessment_id": assessment.id,
        "catalog_version": catalog.version,
        "level": result.level.value,
        "level_label": level_label(catalog, result),
        "provisional": result.provisional,
        # Readiness counts unanswered items as not met; completeness is the answered share.
        "readiness": _round(result.readiness),
        "completeness": _round(result.completeness),
        "completeness_threshold": result.completeness_threshold,
        "answered_items_score": _round(result.answered_score),  # the answered items alone
        "score": _round(result.readiness),  # kept for older scripts: the same figure as readiness
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
                "readiness": _round(s.readiness),
                "completeness": _round(s.completeness),
                "answered_items_score": _round(s.answered_score),
                "score": _round(s.readiness),
            }
            for s in result.sections
        ],
        "gates_failed": [it.key for it in result.gates_failed],
        "gates_open": [it.key for it in result.gates_open],
        "gates_unanswered": [it.key for it in result.gates_unanswered],
        "gates": [_item(assessment, it) for it in result.gates_failed + result.gates_open],
        "unanswered": [_item(assessment, it) for it in result.unanswered],
        "inventory": inventory_to_json(inventory_of(catalog, assessment)),
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
                "owner": g.answer.owner,
                "due": g.answer.due.isoformat() if g.answer.due else None,
                "rank_reason": g.reason.codes() if g.reason else None,
            }
            for g in result.gaps
        ],
    }
