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

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from veu_assess.report.glyphs import font_runs

PAGE_CHARS = 4000  # about one page of the 8 pt "small" style (Latin); a Japanese page holds fewer
PAGE_LINES = 60  # lines of one text, however short they are
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


def fit(text: str, size: float, width: float, primary: str, order: Sequence[str]) -> str:
    """``text`` (one line, plain) clipped with an ellipsis so that it measures at most ``width``
    points at ``size`` when drawn in ``primary`` with fallback fonts ``order``."""
    def measure(s: str) -> float:
        return sum(stringWidth(run, font, size) for font, run in font_runs(s, primary, order))

    if measure(text) <= width:
        return text
    lo, hi = 0, len(text)  # the longest prefix that fits with the ellipsis: binary search
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(text[:mid].rstrip() + ELLIPSIS) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS


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
