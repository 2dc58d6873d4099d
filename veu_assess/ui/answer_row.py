"""One item's answer and its review side by side where the card is wide, one above the other where not.

At 1024×700 a card is about 650 px wide: beside the answer (three fifths) the auditor's panel had
about 250 px, less its labels, so the Japanese comment box was about 70 px wide and the
remediation owner showed "neral Counsel". The row lays the two out one above the other below
``stack_below`` (a width in the font's own units, so a larger font stacks sooner), side by side
above it. The choice depends only on the width the card is given, never on what it holds, so it
cannot flip back and forth: stacking only makes the page taller (a scroll bar appears, the width
drops further), and going side by side only makes it shorter.
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QWidget

# Side by side from this many average characters of the card's font: about 860 px in DejaVu Sans
# 9 pt, where the review panel (two fifths) still has ~340 px and the owner field ~200 px.
SIDE_BY_SIDE_CHARS = 120


class AnswerRow(QWidget):
    """The answer editor and (review) its verdict panel: side by side when wide enough, else stacked."""

    def __init__(self, editor: QWidget, review: QWidget | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor, self.review = editor, review
        self._layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(editor, 3)
        if review is not None:
            self._layout.addWidget(review, 2)

    def side_by_side_width(self) -> int:
        return SIDE_BY_SIDE_CHARS * self.fontMetrics().averageCharWidth()

    def side_by_side(self) -> bool:
        return self._layout.direction() == QBoxLayout.Direction.LeftToRight

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange(event.size().width())

    def arrange(self, width: int) -> None:
        if self.review is None:
            return
        wide = width >= self.side_by_side_width()
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._layout.direction() != direction:
            self._layout.setDirection(direction)
