"""Small flowable builders shared by the report's parts: headings (TOC + outline), tables, tags.

Everything here takes escaped markup or plain text it escapes itself; nothing passes user text
to reportlab unescaped.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from veu_assess.report.styles import ACCENT, BAND, RULE, Styles
from veu_assess.report.text import clean, markup


class Heading(Paragraph):
    """A heading the doc template turns into a TOC entry and a PDF outline (bookmark) entry."""

    def __init__(self, text: str, style_name: str, styles: Styles, level: int, key: str) -> None:
        super().__init__(*styles.prepare(markup(text), style_name))
        self.outline_text = clean(text, keep_newlines=False)
        self.outline_level = level
        self.outline_key = key


def heading(styles: Styles, text: str, level: int, key: str) -> Heading:
    return Heading(text, "h1" if level == 0 else "h2", styles, level, key)


def tag(text: str, colour: colors.Color) -> str:
    """An inline coloured tag, e.g. [VERIFY]; ``text`` is a trusted label (escaped anyway)."""
    return f'<font color="{colour.hexval()}">[{markup(text)}]</font>'


def coloured(text: str, colour: colors.Color) -> str:
    return f'<font color="{colour.hexval()}">{markup(text)}</font>'


def cell(styles: Styles, markup_text: str, style_name: str = "cell") -> Paragraph:
    return styles.para(markup_text, style_name)


def table(
    styles: Styles,
    header: Sequence[str],
    rows: Sequence[Sequence[Flowable | str]],
    widths: Sequence[float],
) -> Table:
    """A table with a repeated header row, thin rules and banded rows; str cells are escaped."""
    data: list[list[Flowable]] = [[cell(styles, markup(h), "cell_head") for h in header]]
    for row in rows:
        data.append([cell(styles, markup(c)) if isinstance(c, str) else c for c in row])
    t = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), styles.fonts.body),  # else reportlab sets Helvetica per cell
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    for i in range(2, len(data), 2):
        commands.append(("BACKGROUND", (0, i), (-1, i), BAND))
    t.setStyle(TableStyle(commands))
    return t


def key_values(styles: Styles, rows: Sequence[tuple[str, str]], widths: tuple[float, float]) -> Table:
    """A two-column label/value table without header (cover, sign-offs); both sides escaped."""
    data = [[cell(styles, markup(k), "label"), cell(styles, markup(v), "body")] for k, v in rows]
    t = Table(data, colWidths=list(widths), hAlign="LEFT")
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.fonts.body),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return t
