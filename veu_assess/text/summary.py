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
from veu_assess.catalog.schema import LevelId, ModuleKind, QuestionType
from veu_assess.engine.bom import PRESUMPTION_PERCENT, share_text, us_share
from veu_assess.engine.inventory import inventory_of, inventory_to_json
from veu_assess.engine.modules import ModuleResult
from veu_assess.engine.routes import (
    SCORE_LABEL,
    RouteResult,
    affiliates_text,
    headline_text,
    select_routes,
    verdict_text,
)
from veu_assess.engine.scoring import Result, SectionScore
from veu_assess.engine.verdict import level_qualified
from veu_assess.engine.visibility import Item
from veu_assess.i18n_format import format_figure, format_percent
from veu_assess.languages import check_language
from veu_assess.model.assessment import Answer, Assessment
from veu_assess.report.verdict_text import level_text, rank_reason_text, recommendation_text
from veu_assess.text.labels import Labels, labels
from veu_assess.text.terminal import COLUMNS, pad, printable, width, wrap, wrapped

__all__ = ["level_label", "result_to_json", "result_to_text"]


def result_to_text(
    catalog: Catalog, assessment: Assessment, result: Result, lang: str = "en", *, human: bool = False
) -> str:
    """The readiness summary as text in ``lang`` (en or ja); its words are the ``summary_*`` labels.

    English keeps the codes scripts parse (``not_met``, ``critical``) unless ``human`` (the app's
    preview): then it uses the report's labels ("Not met", "Critical"), as Japanese always does.
    """
    t = labels(check_language(lang, "summary"))

    def p(key: str, **values: object) -> str:
        return t.text(f"summary_{key}", **values)

    state, priority = _code_labels(t, human)
    # Names come from the file: escaped so a newline or terminal escape cannot forge output lines.
    name = printable(assessment.profile.applicant_name or assessment.title or p("unnamed"))
    # Selected once: the headline (which does not depend on the language) qualifies the level and
    # the recommendation below, the findings make the route lines.
    routes = select_routes(catalog, assessment, dt.date.today(), lang)
    headline = routes.headline
    lines = [
        *wrapped("", p("heading", name=name), 2),
        p("catalog", version=catalog.version, as_of=catalog.header.as_of.isoformat()),
        *_route_lines(routes, lang),
        # "Incomplete" says it already; "provisional" is for a graded level with items still open.
        p("level", level=level_text(level_label(catalog, result, lang), result, lang, headline))
        + (p("provisional") if result.provisional and result.level is not LevelId.INCOMPLETE else ""),
        p("score", score=format_percent(result.readiness, lang), answered=result.answered, total=result.total,
          pct=format_percent(result.completeness, lang)),
        p("answered_score", score=format_percent(result.answered_score, lang)),
        p("recommendation", text=recommendation_text(result, lang, headline)),
        p("unanswered", count=len(result.unanswered)),
        "",
        p("sections"),
    ]
    checklists = {m.id for m in catalog.header.modules if m.kind is ModuleKind.CHECKLIST}
    for s in result.sections:
        lines += _section_lines(s, lang, p, s.section.module in checklists)
    lines.append("")
    lines.append(p("gates_failed", keys=", ".join(it.key for it in result.gates_failed) or p("none")))
    lines.append(p("gates_open", keys=", ".join(it.key for it in result.gates_open) or p("none")))
    for it in result.gates_failed + result.gates_open:  # each gate named with its citation and state
        code = assessment.answers.get(it.key, Answer()).state.value
        lines.append(p("gate_line", gate=it.key, citation=it.requirement.citation, state=state(code)))
    lines += _module_lines(catalog, assessment, result, lang, p)
    lines.append("")
    lines.append(p("gaps", count=len(result.gaps)))
    for g in result.gaps:
        site = f" @{g.item.site_id}" if g.item.site_id else ""
        tag = priority(g.priority) + (p("stretch_gap", sep=", " if lang == "en" else "・", module=g.module)
                                      if g.module else "")
        lines += wrapped(f"  {g.rank:>3}. ", f"[{tag}] {g.requirement.id}{site} {state(g.state.value)}: "
                         f"{g.requirement.title.get(lang)}", 7)
        lines += wrapped(" " * 7, f"{g.requirement.citation} — {g.requirement.remediation.get(lang)}", 7)
        if g.reason is not None:  # English keeps the codes scripts read; Japanese the report's words
            reason = g.reason.text() if lang == "en" and not human else rank_reason_text(g.reason, lang)
            lines.append(p("rank_reason", reason=reason))
    # Every line fits 80 columns: a longer one wraps under its own indent (the section rows and
    # the gaps are laid out above; this catches the label lines, whose length depends on the text).
    return "\n".join(out for line in lines for out in _fit(line)) + "\n"


def _fit(line: str) -> list[str]:
    """``line`` within 80 columns: continuation lines two columns deeper than its own indent."""
    if width(line) <= COLUMNS:
        return [line]
    text = line.lstrip(" ")
    lead = line[: len(line) - len(text)]
    return wrapped(lead, text, len(lead) + 2)


def _module_lines(catalog: Catalog, assessment: Assessment, result: Result, lang: str,
                  p: Callable[..., str]) -> list[str]:
    """Each switched-on module's own result: a score and level, or prepared / items open."""
    enabled = result.enabled_modules
    if not enabled:
        return []
    lines = ["", p("modules")]
    for m in enabled:
        title = m.module.short_title.get(lang)
        if m.module.kind is ModuleKind.SCORED:
            level = next((lv.label.get(lang) for lv in catalog.header.scoring.levels if lv.id is m.level), "—")
            lines.append(p("module_scored", title=title, level=level, score=format_percent(m.score, lang),
                           prov=p("provisional") if m.provisional else "", answered=m.answered, total=m.total))
        else:
            lines.append(p("module_checklist", title=title, status=p(m.status or "items_open"), done=m.done,
                           total=m.total, pct=format_figure(m.progress * 100, lang, decimals=0)))
        if any(it.requirement.question_type is QuestionType.BOM for it in m.items):
            share = us_share(assessment.bom)
            if share.low is None:
                shown = "—"
            elif share.low == share.high:
                shown = f"{share_text(share.low)} %"
            else:
                shown = f"{share_text(share.low)}–{share_text(share.high)} %"
            lines.append(p("us_content", share=shown, floor=PRESUMPTION_PERCENT, outcome=p(f"us_{share.outcome}")))
    return lines


TITLE_COLUMNS = 46  # English: the title column between the id and the figures (the row ends by column 80)


def _section_lines(s: SectionScore, lang: str, p: Callable[..., str], checklist: bool = False) -> list[str]:
    """One section's row (and, for a long title, the title's continuation lines under it), all
    within 80 columns. English keeps the title column first (scripts read it); Japanese puts
    the title last, because kana and kanji are not exactly two monospace columns wide in any
    font pair, so figures after them would drift."""
    title = s.section.title.get(lang)
    stretch = "" if s.in_overall else p("stretch_section")
    # A checklist module is never scored: its section shows answered items, no percentage.
    readiness = "—" if checklist else format_percent(s.readiness, lang)
    figures = (p("out_of_scope") if not s.visible
               else f"{readiness:>6} {format_percent(s.completeness, lang):>6}"
                    f"  {s.answered}/{s.total}{stretch}")
    if lang == "en":
        first, *rest = wrap(title, TITLE_COLUMNS)
        note = ""
        if stretch and s.visible:  # the note goes under the title: the row stays in 80 columns
            figures, note = figures.removesuffix(stretch), stretch.strip()
        return [f"  {s.section.id:<8} {pad(first, TITLE_COLUMNS)} {figures}",
                *(" " * 11 + chunk for chunk in [*rest, *([note] if note else [])])]
    lead = f"  {s.section.id:<8} {pad(figures, 22) if s.visible and s.in_overall else figures}  "
    return wrapped(lead, title, width(lead))


def _code_labels(t: Labels, human: bool = False) -> tuple[Callable[[str], str], Callable[[str], str]]:
    """Functions naming answer states and priorities: codes in English (what scripts parse),
    the report's labels in Japanese and for people (``human``)."""
    if t.lang == "en" and not human:
        return str, str
    return (lambda code: t.code("state", code)), (lambda code: t.code("priority", code))


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
    route = _route_json(catalog, assessment)
    return {
        "assessment_id": assessment.id,
        "catalog_version": catalog.version,
        "route": route,
        "level": result.level.value,
        "level_label": level_label(catalog, result),
        # True: the level measures the VEU's requirements only and the route is not (yet) the VEU's.
        "level_veu_only": level_qualified(result, route["headline"]),
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
                "module": s.section.module,
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
                "module": g.module,
                "title": g.requirement.title.en,
                "citation": g.requirement.citation,
                "remediation": g.requirement.remediation.en,
                "owner": g.answer.owner,
                "due": g.answer.due.isoformat() if g.answer.due else None,
                "rank_reason": g.reason.codes() if g.reason else None,
            }
            for g in result.gaps
        ],
        # Each optional module's own result: never part of the VEU score, level or gates above.
        "modules": [module_to_json(assessment, m) for m in result.modules],
    }


def _route_lines(r: RouteResult, lang: str) -> list[str]:
    """Route selection before the score: the headline, each route's verdict, the score's scope."""
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


def module_to_json(assessment: Assessment, m: ModuleResult) -> dict[str, Any]:
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
