"""Layout primitives that cannot fail: bounded texts, bounded table cells, width clipping.

reportlab gives up ("LayoutError") when one flowable is taller than a page and cannot split: a
table row is such a flowable (unless split in the row), so a cell of user text must never be
taller than a page, whatever the text (75 one-line ids, a 1,000-character name). And a page
budget keeps the report's size proportional to what is assessed, not to what is typed:

- ``budget()`` cuts a long text (by characters and by lines) to about a page, and says how
  many characters it left out; ``long_text()`` sets such a text as paragraphs (which split
  across pages) and ends a cut one with a visible note, "continues: N more characters in the
  assessment file" (the .veua, the CSV and the OSCAL exports keep every character).
- ``Bounded`` wraps any flowable of a table cell: a Paragraph taller than ``max_height`` is cut
  after its last line that fits, with the same note; so every row fits a page.
- ``fit()`` clips one line of text to a measured width with an ellipsis (running header, cover,
  chart labels), measuring each character in the font that draws it (``report.glyphs``).

Other parts of the report (new sections, tables) get these guarantees by using
``blocks.table``, ``blocks.key_values`` and ``long_text`` rather than building tables and
paragraphs of user text themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from veu_assess.report.glyphs import font_runs
from veu_assess.report.rows import DETAIL_SITES, EVIDENCE_ROWS, PLAN_FULL, SIGNOFF_FULL, VERDICT_ROWS

PAGE_CHARS = 4000  # about one page of the 8 pt "small" style (Latin); a Japanese page holds fewer
PAGE_LINES = 60  # lines of one text, however short they are
REPORT_CHARS = 300_000  # user text in the whole body (about 75 pages), shared by the long fields
FIELD_MIN_CHARS = 600  # however many fields share it, each shows at least this much
CELL_MAX_HEIGHT = 260.0  # points: a third of a page, so any row (with the header) fits a page
ELLIPSIS = "…"


def budget(text: str, chars: int = PAGE_CHARS, lines: int = PAGE_LINES) -> tuple[str, int]:
    """``text`` cut to at most ``chars`` characters and ``lines`` lines, and how many characters
    were left out (0 when nothing was). A cut goes back to a line end or a space where one is in
    the last fifth, so words are not broken without need."""
    cut = len(text)
    if cut > chars:
        cut = chars
    start = 0
    for _ in range(lines):
        nl = text.find("\n", start, cut)
        if nl < 0:
            break
        start = nl + 1
    else:
        cut = min(cut, start - 1)  # ``lines`` full lines already
    if cut >= len(text):
        return text, 0
    soft = max(text.rfind("\n", 0, cut), text.rfind(" ", 0, cut))
    if soft > cut * 4 // 5:
        cut = soft
    return text[:cut].rstrip(), len(text) - cut


def field_budget(long_fields: int) -> tuple[int, int]:
    """Characters and lines one long text may fill when ``long_fields`` texts share the report:
    about a page each while they are few, less when there are thousands (a file with every field
    at its limit), so the report stays within ``report_page_budget``."""
    chars = max(FIELD_MIN_CHARS, min(PAGE_CHARS, REPORT_CHARS // max(long_fields, 1)))
    lines = max(6, min(PAGE_LINES, chars // 100))
    return chars, lines


def report_page_budget(items: int, requirements: int, sites: int, evidence_files: int, verdicts: int,
                       signoffs: int) -> int:
    """The most pages a report may have: proportional to what is assessed, whatever was typed,
    and bounded by the row budget (``report.rows``) however many sites multiply the items.

    With F = min(items, DETAIL_SITES x requirements) entries shown in full (``requirements``:
    the distinct requirements of the items):

        pages <= 30 + 1.0 F + (items - F) / 25 + sites / 20 + min(files, EVIDENCE_ROWS) / 25
                 + min(verdicts, VERDICT_ROWS) / 10 + min(signoffs, SIGNOFF_FULL) / 2 + signoffs / 30
                 + PLAN_FULL / 8 + REPORT_CHARS / 3000

    Fixed parts (cover, contents, framing, summary, scores, gates, chapters) 30 pages; an entry
    in full (title block, answer, owner, up to 12 evidence lines, verdict) a page at most; every
    further entry a row in Answers by section, in the SoA and in the plan (a 25th of a page for
    the three); per site a Sites row of two lines; per file shown an index row; per verdict
    shown a table row; a sign-off block or row; the plan's full rows; the shared body text
    (``REPORT_CHARS``, 3,000 characters a page at least). A file at the storage limits (3,718
    items of 136 requirements at 200 sites, 600 files, 3,718 verdicts, 100 sign-offs) may
    have 745 pages; it has about 400.
    """
    full = min(items, DETAIL_SITES * requirements)
    return int(30 + full + (items - full) / 25 + sites / 20 + min(evidence_files, EVIDENCE_ROWS) / 25
               + min(verdicts, VERDICT_ROWS) / 10 + min(signoffs, SIGNOFF_FULL) / 2 + signoffs / 30
               + PLAN_FULL / 8 + REPORT_CHARS / 3000)


def _char_widths(font: str, run: str) -> list[float]:
    """Advance widths of ``run``'s characters in ``font``, in thousandths of an em (as reportlab
    measures a TrueType string: the glyph's width, the font's default for a missing one)."""
    face = pdfmetrics.getFont(font).face
    table, default = face.charWidths, face.defaultWidth
    return [table.get(ord(ch), default) for ch in run]


MIN_EM = 0.2  # no character of the bundled fonts is narrower than a fifth of an em (a space: 0.32)


def fit(text: str, size: float, width: float, primary: str, order: Sequence[str]) -> str:
    """``text`` (one line, plain) clipped with an ellipsis so that it measures at most ``width``
    points at ``size`` when drawn in ``primary`` with fallback fonts ``order``.

    Linear in what can fit: the text is first cut to as many characters as could possibly fit,
    then each character is measured once, in the font that draws it."""
    reach = int(width / (size * MIN_EM)) + 2
    head = text[:reach]
    widths = [w * size / 1000 for font, run in font_runs(head, primary, order) for w in _char_widths(font, run)]
    if len(head) == len(text) and sum(widths) <= width:
        return text
    room = width - sum(stringWidth(run, font, size) for font, run in font_runs(ELLIPSIS, primary, order))
    used, n = 0.0, 0
    for w in widths:
        if used + w > room:
            break
        used += w
        n += 1
    return head[:n].rstrip() + ELLIPSIS


class Bounded(Flowable):
    """A cell's flowable, cut to ``max_height``: a taller Paragraph keeps the lines that fit and
    ends with ``note(omitted_characters)``; other flowables are passed through unchanged."""

    def __init__(self, content: Flowable, max_height: float, note: Callable[[int], Paragraph]) -> None:
        super().__init__()
        self.content = content
        self.max_height = max_height
        self.note = note
        self._parts: list[Flowable] = [content]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, h = self.content.wrap(availWidth, availHeight)
        self._parts = [self.content]
        if h > self.max_height and isinstance(self.content, Paragraph):
            total = len(self.content.getPlainText())
            note = self.note(total)  # measured with the longest count it can show
            _, note_h = note.wrap(availWidth, availHeight)
            pieces = self.content.split(availWidth, max(self.max_height - note_h, 1.0))
            if len(pieces) >= 2:
                kept = pieces[0]
                shown = len(kept.getPlainText())
                note = self.note(max(total - shown, 1))
                self._parts = [kept, note]
        self.width = availWidth
        self.height = 0.0
        for part in self._parts:
            _, ph = part.wrap(availWidth, availHeight)
            self.height += ph
        return availWidth, self.height

    def draw(self) -> None:
        y = self.height
        for part in self._parts:
            y -= part.height
            part.drawOn(self.canv, 0, y)

    def getPlainText(self) -> str:
        return " ".join(p.getPlainText() for p in self._parts if isinstance(p, Paragraph))
