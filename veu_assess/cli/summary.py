"""Plain-text and JSON views of the engine's result for the CLI (no second scoring path)."""

from __future__ import annotations

from typing import Any

from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import ModuleKind, QuestionType
from veu_assess.engine.bom import PRESUMPTION_PERCENT, share_text, us_share
from veu_assess.engine.modules import ModuleResult
from veu_assess.engine.scoring import Result
from veu_assess.model.assessment import Assessment

__all__ = ["level_label", "module_to_json", "result_to_json", "result_to_text"]


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
                "module": s.section.module,
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
                "module": g.module,
                "title": g.requirement.title.en,
                "citation": g.requirement.citation,
                "remediation": g.requirement.remediation.en,
            }
            for g in result.gaps
        ],
        # Each optional module's own result: never part of the VEU score, level or gates above.
        "modules": [module_to_json(catalog, assessment, m) for m in result.modules],
    }


def module_to_json(catalog: Catalog, assessment: Assessment, m: ModuleResult) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": m.id,
        "kind": m.module.kind.value,
        "title": m.module.short_title.en,
        "as_of": m.module.as_of.isoformat(),
        "sources": list(m.module.sources),
        "enabled": m.enabled,
        "in_veu_score": False,
        "answered": m.answered,
        "done": m.done,
        "total": m.total,
        "progress": round(m.progress * 100, 2),
        "open_items": [it.key for it in m.open_items],
    }
    if m.module.kind is ModuleKind.SCORED:
        out |= {"score": None if m.score is None else round(m.score, 2),
                "level": None if m.level is None else m.level.value, "provisional": m.provisional}
    else:
        out["status"] = m.status
    if any(it.requirement.question_type is QuestionType.BOM for it in m.items):
        share = us_share(assessment.bom)
        out["us_content"] = {
            "lines": len(assessment.bom),
            "total_value": str(share.total),
            "us_value": str(share.us_value),
            "unknown_origin_value": str(share.unknown_value),
            "share_low": share_text(share.low) or None,
            "share_high": share_text(share.high) or None,
            "presumption_percent": str(PRESUMPTION_PERCENT),
            "outcome": share.outcome,
            "deciding_lines": [i + 1 for i in share.deciding],
        }
    return out
