"""The readiness summary as plain text, in English or Japanese, with columns that line up.

Printed by ``veu-assess score`` (English) and shown on the app's Report page in the report's
language. Answer states and priorities use the report's own labels, so the words match the PDF.
English pads the title column by display width; Japanese puts titles last (see ``_section_line``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from veu_assess.catalog.loader import Catalog
from veu_assess.cli.main import printable
from veu_assess.cli.summary import level_label
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
        "score": "準備スコア：{score}　進捗：{answered}/{total} 回答済み（{pct}%）",
        "sections": "セクション：",
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


COLUMNS = 80  # a terminal's width: every line fits, long texts wrap under their own column


def wrap(text: str, columns: int) -> list[str]:
    """``text`` in lines of at most ``columns`` display columns, broken at spaces. Japanese text
    (no spaces) goes on filling the line and breaks between characters, as Japanese does; so does
    a word wider than a whole line (a URL). Widths are counted once per character."""
    lines: list[str] = []
    line, used = "", 0  # the line being filled and its width
    for word in text.split(" "):
        w = width(word)
        gap = 1 if line else 0
        if used + gap + w <= columns:
            line, used = line + " " * gap + word, used + gap + w
            continue
        if w == len(word) and w <= columns:  # a Latin word that fits a line of its own
            lines.append(line)
            line, used = word, w
            continue
        if line and used < columns:
            line, used = line + " ", used + 1
        for ch in word:
            cw = width(ch)
            if used + cw > columns:
                lines.append(line.rstrip())
                line, used = "", 0
            line, used = line + ch, used + cw
    lines.append(line)
    return lines


def wrapped(first: str, text: str, indent: int) -> list[str]:
    """``first`` followed by ``text``, the continuation lines indented by ``indent`` columns."""
    head = wrap(text, COLUMNS - width(first))[0]
    rest = text[len(head):].lstrip(" ") if text.startswith(head) else ""
    if not text.startswith(head):  # runs of spaces: wrap() joined words with one
        head, *more = wrap(text, COLUMNS - max(width(first), indent))
        rest = " ".join(more)
    out = [first + head]
    if rest:
        out += [" " * indent + line for line in wrap(rest, COLUMNS - indent)]
    return out


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
        *wrapped("", p["heading"].format(name=name), 2),
        p["catalog"].format(version=catalog.version, as_of=catalog.header.as_of.isoformat()),
        p["level"].format(level=level_label(catalog, result, lang)) + (p["provisional"] if result.provisional else ""),
        p["score"].format(score=_pct(result.score), answered=result.answered, total=result.total,
                          pct=f"{result.progress * 100:.0f}"),
        "",
        p["sections"],
    ]
    for s in result.sections:
        lines += _section_lines(s, lang, p)
    lines.append("")
    lines += wrapped("", p["gates_failed"].format(keys=", ".join(it.key for it in result.gates_failed)
                                                   or p["none"]), 2)
    lines += wrapped("", p["gates_open"].format(keys=", ".join(it.key for it in result.gates_open)
                                                 or p["none"]), 2)
    lines.append("")
    lines.append(p["gaps"].format(count=len(result.gaps)))
    for g in result.gaps:
        site = f" @{g.item.site_id}" if g.item.site_id else ""
        tag = priority(g.priority) + (p["stretch_gap"] if g.stretch else "")
        lines += wrapped(f"  {g.rank:>3}. ", f"[{tag}] {g.requirement.id}{site} {state(g.state.value)}: "
                          f"{g.requirement.title.get(lang)}", 7)
        lines += wrapped(" " * 7, f"{g.requirement.citation} — {g.requirement.remediation.get(lang)}", 7)
    return "\n".join(lines) + "\n"


TITLE_COLUMNS = 52  # English: the title column between the id and the figures


def _section_lines(s: SectionScore, lang: str, p: dict[str, str]) -> list[str]:
    """One section's row (and, for a long title, the title's continuation lines under it).
    English keeps the title column first (scripts read it); Japanese puts the title last,
    because kana and kanji are not exactly two monospace columns wide in any font pair, so
    figures after them would drift."""
    title = s.section.title.get(lang)
    figures = (p["out_of_scope"] if not s.visible
               else f"{_pct(s.score):>7}  {s.answered}/{s.total}" + ("" if s.in_overall else p["stretch_section"]))
    if lang == "en":
        first, *rest = wrap(title, TITLE_COLUMNS)
        note = ""
        if s.visible and not s.in_overall:  # the note goes under the title: the row stays in 80 columns
            figures, note = figures.removesuffix(p["stretch_section"]), p["stretch_section"].strip()
        return [f"  {s.section.id:<8} {pad(first, TITLE_COLUMNS)} {figures}",
                *(" " * 11 + chunk for chunk in [*rest, *([note] if note else [])])]
    lead = f"  {s.section.id:<8} {pad(figures, 14) if s.visible and s.in_overall else figures}  "
    return wrapped(lead, title, width(lead))


def _code_labels(lang: str) -> tuple[Callable[[str], str], Callable[[str], str]]:
    """Functions naming answer states and priorities: codes in English (what scripts parse),
    the report's labels in Japanese."""
    if lang == "en":
        return str, str
    from veu_assess.report.messages import labels  # only the Japanese view needs the report's words

    t = labels(lang)
    return (lambda code: t.code("state", code)), (lambda code: t.code("priority", code))
