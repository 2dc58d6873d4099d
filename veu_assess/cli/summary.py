"""Plain-text and JSON views of the engine's result for the CLI (no second scoring path)."""

from __future__ import annotations

from typing import Any

from veu_assess.catalog.loader import Catalog
from veu_assess.cli.main import printable
from veu_assess.engine.scoring import Result
from veu_assess.model.assessment import Assessment


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


def result_to_text(catalog: Catalog, assessment: Assessment, result: Result) -> str:
    # Names come from the file: escaped so a newline or terminal escape cannot forge output lines.
    name = printable(assessment.profile.applicant_name or assessment.title or "(unnamed applicant)")
    lines = [
        f"VEU readiness: {name}",
        f"Catalog {catalog.version} (as of {catalog.header.as_of.isoformat()})",
        f"Readiness level: {level_label(catalog, result)}"
        + (" (provisional: not all answered)" if result.provisional else ""),
        f"Readiness score: {_pct(result.score)}   Progress: {result.answered}/{result.total} answered "
        f"({result.progress * 100:.0f}%)",
        "",
        "Sections:",
    ]
    for s in result.sections:
        if not s.visible:
            lines.append(f"  {s.section.id:<8} {s.section.title.en:<52} out of scope")
            continue
        extra = "" if s.in_overall else "  [stretch, not in the in-force score]"
        lines.append(
            f"  {s.section.id:<8} {s.section.title.en:<52} {_pct(s.score):>7}  {s.answered}/{s.total}{extra}"
        )
    lines.append("")
    lines.append("Gates failed: " + (", ".join(it.key for it in result.gates_failed) or "none"))
    lines.append("Gates still open: " + (", ".join(it.key for it in result.gates_open) or "none"))
    lines.append("")
    lines.append(f"Ranked gaps ({len(result.gaps)}):")
    for g in result.gaps:
        site = f" @{g.item.site_id}" if g.item.site_id else ""
        lines.append(
            f"  {g.rank:>3}. [{g.priority}{', stretch' if g.stretch else ''}] {g.requirement.id}{site} "
            f"{g.state.value}: {g.requirement.title.en}"
        )
        lines.append(f"       {g.requirement.citation} — {g.requirement.remediation.en}")
    return "\n".join(lines) + "\n"
