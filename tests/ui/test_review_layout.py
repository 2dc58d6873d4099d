"""The Review page at 1024×700: the requirement text and the route reasons get the width.

Qt's ResizeToContents sized the priority, owner and citation columns for their longest line
unwrapped, which left the requirement text about 60–140 px of a 680 px table.
"""

from __future__ import annotations

from typing import Any

import pytest

from veu_assess.resources import sample_path
from veu_assess.ui import i18n
from veu_assess.ui.main_window import MainWindow


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("review", [False, True])
def test_requirement_text_gets_the_width_at_1024x700(qtbot: Any, window: MainWindow, lang: str,
                                                     review: bool) -> None:
    window.files.open_now(sample_path(), review=review)
    if lang == "ja":
        i18n.install_language("ja")
        window.set_language("ja", remember=False)
    try:
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
    finally:
        if lang == "ja":
            i18n.reset_language()
