"""The Review page at 1024×700: the requirement text and the route reasons get the width.

Qt's ResizeToContents sized the priority, owner and citation columns for their longest line
unwrapped, which left the requirement text about 60–140 px of a 680 px table.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QListView

from tests.ui.helpers import language
from veu_assess.resources import sample_path
from veu_assess.ui.main_window import MainWindow


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("review", [False, True])
def test_requirement_text_gets_the_width_at_1024x700(qtbot: Any, window: MainWindow, lang: str,
                                                     review: bool) -> None:
    window.files.open_now(sample_path(), review=review)
    with language(window, lang):
        window.resize(1024, 700)
        page = window.navigator.pages.review
        window.navigator.show_page(page)
        qtbot.waitUntil(lambda: page.gaps.rowCount() > 0 and page.gaps.viewport().width() > 0)
        gaps, header = page.gaps, page.gaps.horizontalHeader()
        width = gaps.viewport().width()
        assert width < 720  # the narrow case: the side list takes the rest of 1024 px
        widths = [header.sectionSize(c) for c in range(header.count())]
        assert widths[2] >= 0.3 * width, widths  # the requirement column
        assert widths[2] == max(widths), widths
        assert sum(widths) <= width + 1 and gaps.horizontalScrollBar().maximum() == 0
        assert page.horizontalScrollBar().maximum() == 0  # the page itself does not scroll sideways
        route = page.route.table.horizontalHeader()
        route_widths = [route.sectionSize(c) for c in range(route.count())]
        assert route_widths[2] >= 0.45 * page.route.table.viewport().width(), route_widths  # reasons
        # Every row is tall enough for its wrapped text.
        for row in range(min(gaps.rowCount(), 10)):
            assert gaps.rowHeight(row) >= gaps.sizeHintForRow(row) - 1


def _wrapped_height(view: QListView, text: str, width: int) -> float:
    """The height ``text`` takes wrapped at ``width`` in ``view``'s font (fallback fonts included)."""
    height = 0.0
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, view.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            height += line.height()
        layout.endLayout()
    return height


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_tables_and_page_list_are_readable_at_1024x700(qtbot: Any, window: MainWindow, lang: str) -> None:
    """The gap table was ~180 px of a 610 px page (its size hint in a scrolling page); every entry of
    the side list is as tall as its wrapped text, also after the list was wider and narrowed again."""
    window.files.open_now(sample_path(), review=True)
    with language(window, lang):
        window.resize(1024, 700)
        page = window.navigator.pages.review
        window.navigator.show_page(page)
        qtbot.waitUntil(lambda: page.gaps.rowCount() > 20)
        visible = page.viewport().height()
        for table in (page.gaps, page.sections):
            qtbot.waitUntil(lambda t=table: t.height() >= 0.6 * visible)  # most of the page, not 180 px
            assert table.height() <= visible
        nav = window.navigator.nav
        sizes = window.navigator.sizes()
        for left in (sizes[0] + 200, sizes[0]):  # a splitter dragged wider, then back
            window.navigator.setSizes([left, sum(sizes) - left])
            QApplication.processEvents()
            for row in range(nav.count()):
                entry = nav.item(row)
                rect = nav.visualItemRect(entry)
                need = _wrapped_height(nav, entry.text(), rect.width() - 6)  # the style's text margins
                assert rect.height() >= need - 0.5, (row, rect.height(), need, entry.text())
            assert "\n" in nav.item(1).text()  # the entries do have their progress lines
