"""Small flowable builders shared by the report's parts: headings (TOC + outline), tables, tags.

Everything here takes escaped markup or plain text it escapes itself; nothing passes user text
to reportlab unescaped. (A table cell of one short line of plain text is drawn as a string,
which reportlab never reads as markup.)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Table, TableStyle

from veu_assess.report.glyphs import covers
from veu_assess.report.layout import CELL_MAX_HEIGHT, Bounded, budget, fit
from veu_assess.report.messages import labels
from veu_assess.report.shaping import visual
from veu_assess.report.styles import ACCENT, BAND, MUTED, RULE, Styles
from veu_assess.report.text import clean, markup, paragraphs

CELL_CHARS = 1200  # characters of user text in a table cell (then "continues: ...")
CELL_LINES = 16  # lines of user text in a table cell


class Heading(Paragraph):
    """A heading the doc template turns into a TOC entry and a PDF outline (bookmark) entry."""

    def __init__(self, text: str, style_name: str, styles: Styles, level: int, key: str) -> None:
        super().__init__(*styles.prepare(markup(text), style_name))
        self.outline_text = clean(text, keep_newlines=False)
        self.outline_level = level
        self.outline_key = key

    @property
    def bookmark(self) -> str:
        """The PDF destination of the heading, for the outline and the table of contents."""
        return f"h-{self.outline_key}"


def heading(styles: Styles, text: str, level: int, key: str) -> Heading:
    """A level-0 (h1) or level-1 (h2) heading with its TOC and outline entry."""
    return Heading(text, "h1" if level == 0 else "h2", styles, level, key)


def headings_in(story: Iterable[Flowable]) -> list[Heading]:
    """The headings of a story in order, including those inside KeepTogether groups."""
    found: list[Heading] = []
    for f in story:
        if isinstance(f, Heading):
            found.append(f)
        elif isinstance(f, KeepTogether):
            found += headings_in(f._content)
    return found


F = TypeVar("F", bound=Flowable)


def kept(flowable: F) -> F:
    """Mark a flowable to stay on the page of the flowable after it (like a heading)."""
    flowable.keepWithNext = True
    return flowable


def keep_with_next(story: Sequence[Flowable]) -> list[Flowable]:
    """The story with no heading left alone at the bottom of a page.

    reportlab keeps a ``keepWithNext`` flowable (every heading style has it) on the page of the
    next one by grouping the two in a KeepTogether, but only when the next one may go in a
    group: a KeepTogether (a sign-off block, a requirement's title block) or a CondPageBreak may
    not, and a heading before one of them could end a page on its own. Here such a heading, or a
    run of kept flowables, joins the KeepTogether that follows, and a CondPageBreak right after
    it moves before it.
    """
    rev: list[Flowable] = []  # the result, last flowable first
    for f in reversed(story):
        moved: list[Flowable] = []
        if f.getKeepWithNext():
            while rev and isinstance(rev[-1], CondPageBreak):
                moved.append(rev.pop())
            if rev and isinstance(rev[-1], KeepTogether):
                group = rev.pop()
                f = KeepTogether([f, *group._content], maxHeight=group._maxHeight)
        rev.append(f)
        rev += reversed(moved)
    return rev[::-1]


def tag(text: str, colour: colors.Color) -> str:
    """An inline coloured tag, e.g. [VERIFY]; ``text`` is a trusted label (escaped anyway)."""
    return f'<font color="{colour.hexval()}">[{markup(text)}]</font>'


def coloured(text: str, colour: colors.Color) -> str:
    return f'<font color="{colour.hexval()}">{markup(text)}</font>'


def cell(styles: Styles, markup_text: str, style_name: str = "cell") -> Paragraph:
    return styles.para(markup_text, style_name)


PAD_X = 4  # a table cell's left and right padding


def continues(styles: Styles, omitted: int, style_name: str = "cell") -> Paragraph:
    """The visible note that ends a cut text: how many characters only the assessment file has."""
    return styles.para(continues_markup(styles, omitted), style_name)


def bounded(styles: Styles, content: Flowable, max_height: float = CELL_MAX_HEIGHT) -> Bounded:
    """A table cell's flowable that never grows taller than ``max_height`` (see ``layout``)."""
    return Bounded(content, max_height, lambda omitted: continues(styles, omitted))


def text_cell(styles: Styles, text: str, style_name: str = "cell") -> Flowable:
    """A bounded cell of user text: cut to ``CELL_CHARS``/``CELL_LINES`` (with the note), escaped."""
    kept_text, omitted = budget(clean(text), CELL_CHARS, CELL_LINES)
    para = cell(styles, markup(kept_text), style_name)
    if omitted:
        para = cell(styles, markup(kept_text) + "<br/>" + continues_markup(styles, omitted), style_name)
    return bounded(styles, para)


def continues_markup(styles: Styles, omitted: int) -> str:
    """``continues`` as markup, to end a paragraph that was cut."""
    note = labels(styles.lang).text("continues", count=f"{omitted:,}")
    return f'<font color="{MUTED.hexval()}">{markup(note)}</font>'


LABEL_WIDTH = 220.0  # points: a name repeated beside other text (site, owner, reviewer) is one short line


def short(styles: Styles, text: str, width: float = LABEL_WIDTH, size: float = 9.5) -> str:
    """A name shown where it repeats (a site beside each requirement, an owner, a reviewer),
    clipped by measured width with an ellipsis; the full name is where it is listed once (the
    Sites table, the .veua). Keeps the report's size independent of 1,000-character names."""
    return fit(" ".join(text.split()), size, width, styles.fonts.body, styles.fonts.order)


def long_text(styles: Styles, text: str, style_name: str = "small") -> list[Flowable]:
    """User text of any length as paragraphs (which split across pages), cut to about a page
    (``layout.budget``) with a visible "continues" note: the report's size never depends on how
    much was typed into one field."""
    kept_text, omitted = budget(text, *styles.text_budget)
    out: list[Flowable] = [styles.para(markup(p), style_name) for p in paragraphs(kept_text)]
    if omitted:
        out.append(continues(styles, omitted, style_name))
    return out


def _text_cell(styles: Styles, text: str, width: float) -> Flowable | str:
    """A str cell: the text itself if it is one line that fits, else an escaped "cell" Paragraph.

    A plain string is drawn as it is, at the baseline a one-line Paragraph would have (``table``
    gives such cells the "cell" style's font size, leading and colour), and saves the parsing and
    line breaking of a Paragraph, most of the time a long table such as the evidence index takes.
    Text with a character the body font lacks (kana in DejaVu, Hebrew in IPAexGothic) stays a
    Paragraph, which sets it in a font that has it, and so does text with runs of spaces, which
    a Paragraph would collapse.
    """
    plain = visual(clean(text, keep_newlines=False))
    style = styles["cell"]
    if (plain == " ".join(plain.split()) and covers(styles.fonts.body, plain)
            and stringWidth(plain, styles.fonts.body, style.fontSize) < width - 2 * PAD_X):
        return plain
    return text_cell(styles, text)


def table(
    styles: Styles,
    header: Sequence[str],
    rows: Sequence[Sequence[Flowable | str]],
    widths: Sequence[float],
) -> Table:
    """A table with a repeated header row, thin rules and banded rows; str cells are escaped."""
    data: list[list[Flowable | str]] = [[cell(styles, markup(h), "cell_head") for h in header]]
    for row in rows:
        data.append([_text_cell(styles, c, w) if isinstance(c, str) else bounded(styles, c)
                     for c, w in zip(row, widths, strict=True)])
    t = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    body = styles["cell"]
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), styles.fonts.body),  # else reportlab sets Helvetica per cell
        # Plain string cells (see _text_cell) are set like the "cell" paragraph style.
        ("FONTSIZE", (0, 1), (-1, -1), body.fontSize),
        ("LEADING", (0, 1), (-1, -1), body.leading),
        ("TEXTCOLOR", (0, 1), (-1, -1), body.textColor),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
    ]
    for i in range(2, len(data), 2):
        commands.append(("BACKGROUND", (0, i), (-1, i), BAND))
    t.setStyle(TableStyle(commands))
    t.spaceAfter = 8  # a heading after a table does not sit on its last rule
    return t


def key_values(styles: Styles, rows: Sequence[tuple[str, str]], widths: tuple[float, float]) -> Table:
    """A two-column label/value table without header (cover, sign-offs); both sides escaped."""
    data = [[bounded(styles, cell(styles, markup(k), "label")), text_cell(styles, v, "body")] for k, v in rows]
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



@dataclass
class SignatureSlotSpec:
    """A signed report's signer, and where its signature box was laid out: ``placed`` gets
    (page index, (left, bottom, right, top)) in PDF points when the box is drawn."""

    name: str
    organisation: str
    fingerprint: str
    placed: list[tuple[int, tuple[float, float, float, float]]] = field(default_factory=list)


class SignatureSlot(Flowable):
    """An empty box on the sign-off page for the visible PDF signature (signed reports only)."""

    def __init__(self, width: float, height: float, spec: SignatureSlotSpec) -> None:
        super().__init__()
        self.width, self.height, self.spec = width, height, spec

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.rect(0, 0, self.width, self.height)
        canv.restoreState()
        left, bottom = canv.absolutePosition(0, 0)
        right, top = canv.absolutePosition(self.width, self.height)
        self.spec.placed.append((canv.getPageNumber() - 1, (left, bottom, right, top)))
