"""A chooser for the review filters (``veu_assess.review.ReviewFilter``).

It only says which filter is wanted; the owner computes the keys with
``veu_assess.review.filter_keys(catalog, doc, which)`` and shows or hides its rows.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from veu_assess.review import ReviewFilter


class ReviewFilterCombo(QComboBox):
    filterChanged = Signal(str)  # a ReviewFilter value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        texts = {
            ReviewFilter.ALL: self.tr("All requirements"),
            ReviewFilter.UNREVIEWED: self.tr("Unreviewed"),
            ReviewFilter.MARKED: self.tr("Marked for review by the operator"),
            ReviewFilter.REJECTED: self.tr("Rejected"),
            ReviewFilter.NEEDS_INFO: self.tr("Needs more information"),
            ReviewFilter.GAPS: self.tr("Gaps"),
            ReviewFilter.CHANGED: self.tr("Changed since sign-off"),
        }
        for which in ReviewFilter:
            self.addItem(texts[which], which.value)
        self.setAccessibleName(self.tr("Show requirements"))
        self.currentIndexChanged.connect(lambda _i: self.filterChanged.emit(self.current_filter().value))

    def current_filter(self) -> ReviewFilter:
        return ReviewFilter(self.currentData())

    def set_filter(self, which: ReviewFilter | str) -> None:
        self.setCurrentIndex(self.findData(ReviewFilter(which).value))
