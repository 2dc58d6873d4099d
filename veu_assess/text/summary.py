"""The readiness summary as plain text (English or Japanese, columns that line up) and as JSON.

Printed by ``veu-assess score`` (English; ``--json`` for the JSON) and shown on the app's Report
page in the report's language. Both are views of the engine's ``Result``: no second scoring path.
Answer states and priorities use the report's own labels, so the words match the PDF.
English pads the title column by display width; Japanese puts titles last (see ``_section_lines``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.routes import SCORE_LABEL, affiliates_text, headline_text, select_routes, verdict_text
from veu_assess.engine.scoring import Result, SectionScore
from veu_assess.i18n_format import format_figure, format_percent
from veu_assess.languages import check_language
from veu_assess.model.assessment import Assessment
from veu_assess.text.labels import Labels, labels
from veu_assess.text.terminal import pad, printable, width, wrap, wrapped

__all__ = ["level_label", "result_to_json", "result_to_text"]

def result_to_text(catalog: Catalog, assessment: Assessment, result: Result, lang: str = "en") -> str:
    """The readiness summary as text in ``lang`` (en or ja); its words are the ``summary_*`` labels."""
    t = labels(check_language(lang, "summary"))

    def p(key: str, **values: object) -> str:
        return t.text(f"summary_{key}", **values)

    state, priority = _code_labels(t)
    # Names come from the file: escaped so a newline or terminal escape cannot forge output lines.
    name = printable(assessment.profile.applicant_name or assessment.title or p("unnamed"))
    lines = [
        *wrapped("", p("heading", name=name), 2),
        p("catalog", version=catalog.version, as_of=catalog.header.as_of.isoformat()),
        *_route_lines(catalog, assessment, lang),
        p("level", level=level_label(catalog, result, lang)) + (p("provisional") if result.provisional else ""),
        p("score", score=format_percent(result.score), answered=result.answered, total=result.total,
                          pct=format_figure(result.progress * 100, lang, decimals=0)),
        "",
        p("sections"),
    ]
    for s in result.sections:
        lines += _section_lines(s, lang, p)
    lines.append("")
    lines += wrapped("", p("gates_failed", keys=", ".join(it.key for it in result.gates_failed) or p("none")), 2)
    lines += wrapped("", p("gates_open", keys=", ".join(it.key for it in result.gates_open) or p("none")), 2)
    lines.append("")
    lines.append(p("gaps", count=len(result.gaps)))
    for g in result.gaps:
        site = f" @{g.item.site_id}" if g.item.site_id else ""
        tag = priority(g.priority) + (p("stretch_gap") if g.stretch else "")
        lines += wrapped(f"  {g.rank:>3}. ", f"[{tag}] {g.requirement.id}{site} {state(g.state.value)}: "
                         f"{g.requirement.title.get(lang)}", 7)
        lines += wrapped(" " * 7, f"{g.requirement.citation} — {g.requirement.remediation.get(lang)}", 7)
    return "\n".join(lines) + "\n"


TITLE_COLUMNS = 52  # English: the title column between the id and the figures


def _section_lines(s: SectionScore, lang: str, p: Callable[[str], str]) -> list[str]:
    """One section's row (and, for a long title, the title's continuation lines under it), all
    within 80 columns. English keeps the title column first (scripts read it); Japanese puts
    the title last, because kana and kanji are not exactly two monospace columns wide in any
    font pair, so figures after them would drift."""
    title = s.section.title.get(lang)
    stretch = "" if s.in_overall else p("stretch_section")
    figures = p("out_of_scope") if not s.visible else f"{format_percent(s.score):>7}  {s.answered}/{s.total}{stretch}"
    if lang == "en":
        first, *rest = wrap(title, TITLE_COLUMNS)
        note = ""
        if stretch and s.visible:  # the note goes under the title: the row stays in 80 columns
            figures, note = figures.removesuffix(stretch), stretch.strip()
        return [f"  {s.section.id:<8} {pad(first, TITLE_COLUMNS)} {figures}",
                *(" " * 11 + chunk for chunk in [*rest, *([note] if note else [])])]
    lead = f"  {s.section.id:<8} {pad(figures, 14) if s.visible and s.in_overall else figures}  "
    return wrapped(lead, title, width(lead))


def _code_labels(t: Labels) -> tuple[Callable[[str], str], Callable[[str], str]]:
    """Functions naming answer states and priorities: codes in English (what scripts parse),
    the report's labels in Japanese."""
    if t.lang == "en":
        return str, str
    return (lambda code: t.code("state", code)), (lambda code: t.code("priority", code))


def level_label(catalog: Catalog, result: Result, lang: str = "en") -> str:
    level = next(lv for lv in catalog.header.scoring.levels if lv.id is result.level)
    return level.label.get(lang)


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


def _route_lines(catalog: Catalog, assessment: Assessment, lang: str) -> list[str]:
    """Route selection before the score: the headline, each route's verdict, the score's scope."""
    r = select_routes(catalog, assessment, dt.date.today(), lang)
    lines = wrapped("", headline_text(r, lang), 2)  # within 80 columns, as the rest of the summary
    for f in r.findings:
        lines += wrapped("  ", f"{f.title}: {verdict_text(f.verdict, lang)}", 4)
    if affiliates_text(r, lang):
        lines += wrapped("", affiliates_text(r, lang), 2)
    lines += wrapped("", SCORE_LABEL["ja" if lang == "ja" else "en"], 2)
    return lines


def _route_json(catalog: Catalog, assessment: Assessment) -> dict[str, Any]:
    """Route selection (engine/routes.py): the score that follows is readiness for the VEU route."""
    r = select_routes(catalog, assessment, dt.date.today())
    return {"headline": r.headline, "verdicts": {f.route_id: f.verdict.value for f in r.findings},
            "rules": {f.route_id: [x.rule_id for x in f.reasons] for f in r.findings}}
