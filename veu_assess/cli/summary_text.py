"""The readiness summary as plain text, in English or Japanese, with columns that line up.

Printed by ``veu-assess score`` (English) and shown on the app's Report page in the report's
language. Answer states and priorities use the report's own labels, so the words match the PDF.
English pads the title column by display width; Japanese puts titles last (see ``_section_line``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import LevelId
from veu_assess.cli.main import printable
from veu_assess.cli.summary import level_label
from veu_assess.engine.scoring import Result, SectionScore
from veu_assess.i18n_format import format_percent
from veu_assess.model.assessment import Assessment

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "heading": "VEU readiness: {name}",
        "unnamed": "(unnamed applicant)",
        "catalog": "Catalog {version} (as of {as_of})",
        "level": "Readiness level: {level}",
        "provisional": " (provisional: not all answered)",
        "score": "Readiness: {score} (unanswered counts as not met)   "
                 "Completeness: {answered}/{total} answered ({pct})",
        "answered_score": "Score of the answered items only: {score}",
        "recommendation": "Recommendation: {text}",
        "unanswered": "Unanswered items: {count}",
        "sections": "Sections (readiness, completeness, answered):",
        "out_of_scope": "out of scope",
        "stretch_section": "  [stretch, not in the in-force score]",
        "gates_failed": "Gates failed: {keys}",
        "gates_open": "Gates still open: {keys}",
        "none": "none",
        "gaps": "Ranked gaps ({count}):",
        "stretch_gap": ", stretch",
    },
    "ja": {
        "heading": "VEU 準備状況：{name}",
        "unnamed": "（申請者名未入力）",
        "catalog": "質問票 {version}（基準日 {as_of}）",
        "level": "準備レベル：{level}",
        "provisional": "（暫定：未回答あり）",
        "score": "準備度：{score}（未回答は未充足として計算）　回答率：{answered}/{total} 回答済み（{pct}）",
        "answered_score": "回答済み項目のみのスコア：{score}",
        "recommendation": "推奨事項：{text}",
        "unanswered": "未回答の項目：{count} 件",
        "sections": "セクション（準備度・回答率・回答数）：",
        "out_of_scope": "対象外",
        "stretch_section": "　［発展：現行規則のスコア外］",
        "gates_failed": "未達のゲート：{keys}",
        "gates_open": "未確定のゲート：{keys}",
        "none": "なし",
        "gaps": "優先順位付きギャップ（{count} 件）：",
        "stretch_gap": "・発展",
    },
}


def width(text: str) -> int:
    """Columns ``text`` takes in a monospace font (wide and full-width characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    return text + " " * max(0, columns - width(text))


def _pct(x: float | None, lang: str = "en") -> str:
    return format_percent(x, lang)


def summary_text(catalog: Catalog, assessment: Assessment, result: Result, lang: str = "en") -> str:
    if lang not in PHRASES:
        raise ValueError(f"unknown summary language {lang!r} (use en or ja)")
    from veu_assess.report.verdict_text import recommendation_text  # the report's words, loaded when used

    p = PHRASES[lang]
    state, priority = _code_labels(lang)
    # Names come from the file: escaped so a newline or terminal escape cannot forge output lines.
    name = printable(assessment.profile.applicant_name or assessment.title or p["unnamed"])
    lines = [
        p["heading"].format(name=name),
        p["catalog"].format(version=catalog.version, as_of=catalog.header.as_of.isoformat()),
        p["level"].format(level=level_label(catalog, result, lang))
        + (p["provisional"] if result.provisional and result.level is not LevelId.INCOMPLETE else ""),
        p["score"].format(score=_pct(result.readiness, lang), answered=result.answered, total=result.total,
                          pct=_pct(result.completeness, lang)),
        p["answered_score"].format(score=_pct(result.answered_score, lang)),
        p["recommendation"].format(text=recommendation_text(result, lang)),
        p["unanswered"].format(count=len(result.unanswered)),
        "",
        p["sections"],
    ]
    for s in result.sections:
        lines.append(_section_line(s, lang, p))
    lines.append("")
    lines.append(p["gates_failed"].format(keys=", ".join(it.key for it in result.gates_failed) or p["none"]))
    lines.append(p["gates_open"].format(keys=", ".join(it.key for it in result.gates_open) or p["none"]))
    for it in result.gates_failed + result.gates_open:  # each gate named with its citation and state
        answer_state = assessment.answers.get(it.key)
        code = answer_state.state.value if answer_state is not None else "unanswered"
        lines.append(f"  {it.key} ({it.requirement.citation}): {state(code)}")
    lines.append("")
    lines.append(p["gaps"].format(count=len(result.gaps)))
    for g in result.gaps:
        site = f" @{g.item.site_id}" if g.item.site_id else ""
        tag = priority(g.priority) + (p["stretch_gap"] if g.stretch else "")
        lines.append(f"  {g.rank:>3}. [{tag}] {g.requirement.id}{site} {state(g.state.value)}: "
                     f"{g.requirement.title.get(lang)}")
        lines.append(f"       {g.requirement.citation} — {g.requirement.remediation.get(lang)}")
        if g.reason is not None and lang == "en":  # codes, as scripts read them; the report words it
            lines.append(f"       (rank: {g.reason.text()})")
    return "\n".join(lines) + "\n"


def _section_line(s: SectionScore, lang: str, p: dict[str, str]) -> str:
    """One section's row. English keeps the title column first (scripts read it); Japanese puts
    the title last, because kana and kanji are not exactly two monospace columns wide in any
    font pair, so figures after them would drift."""
    title = s.section.title.get(lang)
    figures = (p["out_of_scope"] if not s.visible
               else f"{_pct(s.readiness, lang):>5} {_pct(s.completeness, lang):>5}  {s.answered}/{s.total}"
               + ("" if s.in_overall else p["stretch_section"]))
    if lang == "en":
        return f"  {s.section.id:<8} {pad(title, 52)} {figures}"
    return f"  {s.section.id:<8} {pad(figures, 20) if s.visible and s.in_overall else figures}  {title}"


def _code_labels(lang: str) -> tuple[Callable[[str], str], Callable[[str], str]]:
    """Functions naming answer states and priorities: codes in English (what scripts parse),
    the report's labels in Japanese."""
    if lang == "en":
        return str, str
    from veu_assess.report.messages import labels  # only the Japanese view needs the report's words

    t = labels(lang)
    return (lambda code: t.code("state", code)), (lambda code: t.code("priority", code))
