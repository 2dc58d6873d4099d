"""The table of contents, laid out in the same single pass as the rest of the report.

reportlab's ``TableOfContents`` needs ``multiBuild``: a first pass finds the headings' pages, a
second lays the whole report out again with them (half the rendering time of a long report).
Here the headings are known before the build (they are flowables of the story), so the TOC is
laid out with its final entries from the start, and only the page numbers, which do not change
its size, wait: the canvas draws them, with reportlab's own dots-and-number routine, when it
saves the document, as it does "page X of Y" (see ``pdf._Canvas``).
"""

from __future__ import annotations

from ast import literal_eval
from collections.abc import Iterable
from typing import Any

from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers

from veu_assess.report.blocks import Heading
from veu_assess.report.text import markup


class Contents(TableOfContents):
    """A TOC whose entries are the story's headings; page numbers are drawn when the canvas saves.

    The canvas must offer ``at_save(draw)`` (run ``draw(canvas)`` on the current page when the
    document is saved) and ``heading_pages`` (bookmark key -> page number), as ``pdf._Canvas`` does.
    """

    def seed(self, headings: Iterable[Heading]) -> None:
        # reportlab draws the previous pass's entries: give it the final ones, page numbers aside.
        # Entry text becomes Paragraph markup, so it is escaped like every other text.
        self._lastEntries = [(h.outline_level, markup(h.outline_text), 0, h.bookmark) for h in headings]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        size = super().wrap(availWidth, availHeight)
        self._avail = (availWidth, availHeight)
        # Replaces the callback super().wrap registered, which draws the number at once.
        self.canv.setNamedCB("drawTOCEntryEnd", self._defer_entry_end)
        return size

    def _defer_entry_end(self, canvas: Any, _kind: str, label: str) -> None:
        _page, level, key = label.split(",")  # as reportlab writes it: page,level,repr(key)
        key = literal_eval(key)
        style = self.getLevelStyle(int(level))
        dot = " . " if 0 <= self.dotsMinLevel <= int(level) else ""
        width, height = self._avail
        # The number is drawn later on this page, in the coordinates the entry has now.
        matrix = canvas._currentMatrix
        x, y = canvas._curr_tx_info["cur_x"], canvas._curr_tx_info["cur_y"]

        def draw(c: Any) -> None:
            c.saveState()
            c.transform(*matrix)
            c._curr_tx_info = {"cur_x": x, "cur_y": y}  # where drawPageNumbers reads the position
            try:
                drawPageNumbers(c, style, [(c.heading_pages[key], key)], width, height, dot)
            finally:
                del c._curr_tx_info
            c.restoreState()

        canvas.at_save(draw)
