"""The readiness summary as plain text, in English or Japanese, with columns that line up.

Printed by ``veu-assess score`` (English) and shown on the app's Report page in the report's
language. Answer states and priorities use the report's own labels, so the words match the PDF.
English pads the title column by display width; Japanese puts titles last (see ``_section_line``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import ModuleKind, QuestionType
from veu_assess.cli.main import printable
from veu_assess.cli.summary import level_label
from veu_assess.engine.bom import PRESUMPTION_PERCENT, share_text, us_share
from veu_assess.engine.scoring import Result, SectionScore
from veu_assess.model.assessment import Assessment

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "heading": "VEU readiness: {name}",
        "unnamed": "(unnamed applicant)",
        "catalog": "Catalog {version} (as of {as_of})",
        "level": "Readiness level: {level}",
        "provisional": " (provisional: not all answered)",
        "score": "Readiness score: {score}   Progress: {answered}/{total} answered ({pct}%)",
        "sections": "Sections:",
        "out_of_scope": "out of scope",
        "stretch_section": "  [optional module, not in the VEU score]",
        "modules": "Optional modules (each its own result; never in the VEU score):",
        "module_scored": "  {title}: {level}{prov}, score {score}, {answered}/{total} answered",
        "module_checklist": "  {title}: {status}, {done}/{total} done ({pct}%)",
        "prepared": "prepared",
        "items_open": "items open",
        "us_content": ("    US-origin share of the hardware layer by value: {share} "
                       "(presumption: at least {floor} %) — {outcome}"),
        "met": "meets the presumption", "not_met": "below the presumption",
        "undetermined": "undetermined: lines without an origin decide it", "empty": "no bill of materials entered",
        "gates_failed": "Gates failed: {keys}",
        "gates_open": "Gates still open: {keys}",
        "none": "none",
        "gaps": "Ranked gaps ({count}):",
        "stretch_gap": ", {module}",
    },
    "ja": {
        "heading": "VEU 準備状況：{name}",
        "unnamed": "（申請者名未入力）",
        "catalog": "質問票 {version}（基準日 {as_of}）",
        "level": "準備レベル：{level}",
        "provisional": "（暫定：未回答あり）",
        "score": "準備スコア：{score}　進捗：{answered}/{total} 回答済み（{pct}%）",
        "sections": "セクション：",
        "out_of_scope": "対象外",
        "stretch_section": "　［任意モジュール：VEU スコア外］",
        "modules": "任意モジュール（それぞれ独自の結果。VEU スコアには含めません）：",
        "module_scored": "  {title}：{level}{prov}、スコア {score}、{answered}/{total} 回答済み",
        "module_checklist": "  {title}：{status}、{done}/{total} 完了（{pct}%）",
        "prepared": "準備完了",
        "items_open": "未了項目あり",
        "us_content": ("    ハードウェア・レイヤーの米国原産比率（価額ベース）：{share}"
                       "（推定の基準：{floor} % 以上）— {outcome}"),
        "met": "推定の基準を満たす", "not_met": "推定の基準を下回る",
        "undetermined": "未確定：原産国のない行が結果を左右します", "empty": "部品表が未入力です",
        "gates_failed": "未達のゲート：{keys}",
        "gates_open": "未確定のゲート：{keys}",
        "none": "なし",
        "gaps": "優先順位付きギャップ（{count} 件）：",
        "stretch_gap": "・{module}",
    },
}


def width(text: str) -> int:
    """Columns ``text`` takes in a monospace font (wide and full-width characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    return text + " " * max(0, columns - width(text))


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.1f}%"


def summary_text(catalog: Catalog, assessment: Assessment, result: Result, lang: str = "en") -> str:
    if lang not in PHRASES:
        raise ValueError(f"unknown summary language {lang!r} (use en or ja)")
    p = PHRASES[lang]
    state, priority = _code_labels(lang)
    # Names come from the file: escaped so a newline or terminal escape cannot forge output lines.
    name = printable(assessment.profile.applicant_name or assessment.title or p["unnamed"])
    lines = [
        p["heading"].format(name=name),
        p["catalog"].format(version=catalog.version, as_of=catalog.header.as_of.isoformat()),
        p["level"].format(level=level_label(catalog, result, lang)) + (p["provisional"] if result.provisional else ""),
        p["score"].format(score=_pct(result.score), answered=result.answered, total=result.total,
                          pct=f"{result.progress * 100:.0f}"),
        "",
        p["sections"],
    ]
    checklists = {m.id for m in catalog.header.modules if m.kind is ModuleKind.CHECKLIST}
    for s in result.sections:
        lines.append(_section_line(s, lang, p, s.section.module in checklists))
    lines.append("")
    lines.append(p["gates_failed"].format(keys=", ".join(it.key for it in result.gates_failed) or p["none"]))
    lines.append(p["gates_open"].format(keys=", ".join(it.key for it in result.gates_open) or p["none"]))
    lines += _module_lines(catalog, assessment, result, lang, p)
    lines.append("")
    lines.append(p["gaps"].format(count=len(result.gaps)))
    for g in result.gaps:
        site = f" @{g.item.site_id}" if g.item.site_id else ""
        tag = priority(g.priority) + (p["stretch_gap"].format(module=g.module) if g.module else "")
        lines.append(f"  {g.rank:>3}. [{tag}] {g.requirement.id}{site} {state(g.state.value)}: "
                     f"{g.requirement.title.get(lang)}")
        lines.append(f"       {g.requirement.citation} — {g.requirement.remediation.get(lang)}")
    return "\n".join(lines) + "\n"


def _module_lines(catalog: Catalog, assessment: Assessment, result: Result, lang: str,
                  p: dict[str, str]) -> list[str]:
    enabled = result.enabled_modules
    if not enabled:
        return []
    lines = ["", p["modules"]]
    for m in enabled:
        title = m.module.short_title.get(lang)
        if m.module.kind is ModuleKind.SCORED:
            level = next((lv.label.get(lang) for lv in catalog.header.scoring.levels if lv.id is m.level), "—")
            lines.append(p["module_scored"].format(title=title, level=level, score=_pct(m.score),
                                                   prov=p["provisional"] if m.provisional else "",
                                                   answered=m.answered, total=m.total))
        else:
            lines.append(p["module_checklist"].format(title=title, status=p[m.status or "items_open"],
                                                      done=m.done, total=m.total, pct=f"{m.progress * 100:.0f}"))
        if any(it.requirement.question_type is QuestionType.BOM for it in m.items):
            share = us_share(assessment.bom)
            text = (share_text(share.low) + " %" if share.low == share.high
                    else f"{share_text(share.low)}–{share_text(share.high)} %") if share.low is not None else "—"
            lines.append(p["us_content"].format(share=text, floor=PRESUMPTION_PERCENT, outcome=p[share.outcome]))
    return lines


def _section_line(s: SectionScore, lang: str, p: dict[str, str], checklist: bool = False) -> str:
    """One section's row. English keeps the title column first (scripts read it); Japanese puts
    the title last, because kana and kanji are not exactly two monospace columns wide in any
    font pair, so figures after them would drift."""
    title = s.section.title.get(lang)
    # A checklist module is never scored: its section shows answered items only, no percentage.
    score = f"{'—':>7}" if checklist else f"{_pct(s.score):>7}"
    figures = (p["out_of_scope"] if not s.visible
               else f"{score}  {s.answered}/{s.total}" + ("" if s.in_overall else p["stretch_section"]))
    if lang == "en":
        return f"  {s.section.id:<8} {pad(title, 52)} {figures}"
    return f"  {s.section.id:<8} {pad(figures, 14) if s.visible and s.in_overall else figures}  {title}"


def _code_labels(lang: str) -> tuple[Callable[[str], str], Callable[[str], str]]:
    """Functions naming answer states and priorities: codes in English (what scripts parse),
    the report's labels in Japanese."""
    if lang == "en":
        return str, str
    from veu_assess.report.messages import labels  # only the Japanese view needs the report's words

    t = labels(lang)
    return (lambda code: t.code("state", code)), (lambda code: t.code("priority", code))
