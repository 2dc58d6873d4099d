"""Progress you can act on: which item is the next unanswered one, and the Review page's list of
the items not yet answered (activating one goes to its answer).

"Unanswered" is the engine's ``Result.unanswered``: the visible items completeness counts (items of
optional modules and context-only statuses are outside it, as they are outside readiness).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from veu_assess.engine.scoring import Result


def next_unanswered_key(result: Result, after: str | None = None, section_id: str | None = None) -> str | None:
    """The first unanswered item after the item ``after`` (or, without it, from the start of the
    section ``section_id``, or of the questionnaire), in the questionnaire's order; the search
    wraps around to the beginning. None when everything is answered."""
    open_keys = {it.key for it in result.unanswered}
    if not open_keys:
        return None
    keys = [it.key for it in result.items]
    start = 0
    if after is not None and after in keys:
        start = keys.index(after) + 1
    elif section_id is not None:
        start = next((i for i, it in enumerate(result.items) if it.section.id == section_id), 0)
    for key in keys[start:] + keys[:start]:
        if key in open_keys:
            return key
    return None


class UnansweredList(QWidget):
    """The items not yet answered, with their section; Enter or a double-click goes to the answer."""

    goToItem = Signal(str)  # answer key

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setToolTip(self.tr("Double-click or press Enter to go to the answer"))
        self.list.itemActivated.connect(lambda item: self.goToItem.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.heading.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)

    def show_result(self, result: Result) -> None:
        items = result.unanswered
        self.heading.setText(self.tr("Not yet answered: %n item(s)", "", len(items)))
        self.list.setAccessibleName(self.heading.text())
        self.list.clear()
        for it in items:
            where = f" @ {it.site_id}" if it.site_id else ""
            title, section = it.requirement.title.get(self.lang), it.section.title.get(self.lang)
            text = f"{it.requirement.id} — {title}{where} ({section})"
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, it.key)
            self.list.addItem(row)
        self.list.setVisible(bool(items))
        rows = min(max(len(items), 1), 8)
        self.list.setFixedHeight(self.list.fontMetrics().lineSpacing() * rows * 2 + 2 * self.list.frameWidth() + 4)
