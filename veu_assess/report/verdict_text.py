"""The verdict's words in each language: the recommendation line and the two figures.

Shared by the report, ``veu-assess score`` and the app so they all say the same thing; percentages
go through ``i18n_format.format_percent`` (the one number formatter).
"""

from __future__ import annotations

from veu_assess.engine.gaps import RankReason
from veu_assess.engine.scoring import Result
from veu_assess.engine.verdict import level_qualified, recommendation
from veu_assess.i18n_format import format_date, format_percent
from veu_assess.report.messages import labels


def recommendation_text(result: Result, lang: str, route_headline: str) -> str:
    """One line derived from the level and the route, e.g. "Do not apply yet: close gates ELIG-03."."""
    t = labels(lang)
    rec = recommendation(result, route_headline)
    gates = ("、" if lang == "ja" else ", ").join(rec.gates)
    return str(t["recommend"][rec.code]).format(
        gates=gates, count=rec.count, threshold=format_percent(result.completeness_threshold, lang)
    )


def level_text(label: str, result: Result, lang: str, route_headline: str) -> str:
    """The level's name as every view shows it: qualified ("… (Data Center VEU requirements only)")
    when the route finder says the VEU is not, or not yet, the route (engine.verdict.level_qualified)."""
    note = level_note(result, lang, route_headline)
    return labels(lang).text("level_veu_only", level=label, note=note) if note else label


def level_note(result: Result, lang: str, route_headline: str) -> str:
    """The qualifier alone ("Data Center VEU requirements only: see Route selection"), or "" when the
    level needs none; the report's cover prints it under the level in smaller type."""
    return labels(lang).text("level_veu_only_note") if level_qualified(result, route_headline) else ""


def figures_text(result: Result, lang: str) -> tuple[str, str]:
    """(readiness, completeness) as the cover and the app show them."""
    t = labels(lang)
    readiness = t.text("figure_readiness", value=format_percent(result.readiness, lang))
    completeness = t.text(
        "figure_completeness", value=format_percent(result.completeness, lang), answered=result.answered,
        total=result.total, threshold=format_percent(result.completeness_threshold, lang),
    )
    return readiness, completeness


def rank_reason_text(reason: RankReason, lang: str) -> str:
    """Why a gap sits where it does, in the report's words (priority, gate, weight, status, due, state)."""
    t = labels(lang)
    parts = [t.code("priority", reason.priority)]
    if reason.stretch:
        parts[0] += f" ({t.text('gap_stretch')})"
    if reason.gate:
        parts.append(t.text("reason_gate"))
    parts.append(t.text("reason_weight", weight=f"{reason.weight:g}"))
    parts.append(t.code("status", reason.status))
    parts.append(t.text("reason_due", due=format_date(reason.due, lang)) if reason.due else t.text("reason_no_due"))
    parts.append(t.code("state", reason.state.value))
    return ("・" if lang == "ja" else "; ").join(parts)
