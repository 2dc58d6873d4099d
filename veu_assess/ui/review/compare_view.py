"""The comparison of two assessments (``engine.compare``): score movement and changed answers.

Fed with ``set_comparison(compare(catalog, old, new))``; a double-click on a changed requirement
emits ``goToItem(key)`` so the owner can open that answer.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.compare import ChangeKind, Comparison, ScoreMove
from veu_assess.i18n_format import format_delta, format_percent
from veu_assess.ui.labels import level_label, state_label

KEY_ROLE = Qt.ItemDataRole.UserRole


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setAccessibleName(name)
    return table


def _delta(m: ScoreMove) -> str:
    return format_delta(m.old, m.new)


class CompareView(QWidget):
    goToItem = Signal(str)  # answer key

    def __init__(self, catalog: Catalog, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog, self.lang = catalog, lang
        self._titles = {r.id: r.title.get(lang) for _, r in catalog.iter_requirements()}
        self.setAccessibleName(self.tr("Comparison of two assessments"))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName(self.tr("Score movement"))
        self.sections = _table(
            [self.tr("Section"), self.tr("Before"), self.tr("After"), self.tr("Change")],
            self.tr("Section scores before and after"),
        )
        self.changes = _table(
            [self.tr("Requirement"), self.tr("Change"), self.tr("Before"), self.tr("After"), self.tr("What changed")],
            self.tr("Requirements that changed"),
        )
        self.changes.doubleClicked.connect(self._go)
        for w in (self.summary, self.sections, self.changes):
            layout.addWidget(w)

    def set_comparison(self, cmp: Comparison, old_name: str = "", new_name: str = "") -> None:
        lines = []
        if old_name or new_name:
            lines.append(self.tr("{old} → {new}").format(old=old_name, new=new_name))
        if not cmp.same_assessment:
            lines.append(self.tr("The two files hold different assessments."))
        lines.append(
            self.tr("Readiness: {old} → {new} ({delta})").format(
                old=format_percent(cmp.overall.old), new=format_percent(cmp.overall.new), delta=_delta(cmp.overall)
            )
        )
        lines.append(
            self.tr("Readiness level: {old} → {new}").format(
                old=level_label(self.catalog, cmp.old_level, self.lang),
                new=level_label(self.catalog, cmp.new_level, self.lang),
            )
        )
        lines.append(
            self.tr("%n requirement(s) changed", "", len(cmp.changes))
            if cmp.changes
            else self.tr("No requirement changed.")
        )
        if cmp.other:  # profile, sites, inventory, title, dates: they break a sign-off too
            lines.append(self.tr("Also changed: {fields}").format(fields=", ".join(cmp.other)))
        self.summary.setText("\n".join(lines))

        shown = [m for m in cmp.sections if m.old is not None or m.new is not None]
        self.sections.setRowCount(len(shown))
        for row, m in enumerate(shown):
            for col, text in enumerate([m.title, format_percent(m.old), format_percent(m.new), _delta(m)]):
                item = QTableWidgetItem(text)
                if m.moved:
                    font = item.font()
                    font.setBold(True)  # moved sections stand out without relying on colour
                    item.setFont(font)
                self.sections.setItem(row, col, item)

        kinds = {
            ChangeKind.ADDED: self.tr("added"),
            ChangeKind.REMOVED: self.tr("removed"),
            ChangeKind.CHANGED: self.tr("changed"),
        }
        fields = {
            "state": self.tr("state"),
            "notes": self.tr("notes"),
            "justification": self.tr("justification"),
            "evidence": self.tr("evidence"),
            "owner": self.tr("owner"),
            "due": self.tr("due date"),
            "marked_for_review": self.tr("marked for review"),
        }
        self.changes.setRowCount(len(cmp.changes))
        for row, c in enumerate(cmp.changes):
            title = self._titles.get(c.requirement_id, "")
            name = f"{c.key} {title}".strip()
            texts = [
                name,
                kinds[c.kind],
                state_label(c.old_state),
                state_label(c.new_state),
                ", ".join(fields[f] for f in c.fields),
            ]
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(KEY_ROLE, c.key)
                self.changes.setItem(row, col, item)
        self.changes.resizeColumnsToContents()

    def row_texts(self) -> list[list[str]]:
        """The changes table as the user reads it (for tests and accessibility checks)."""
        return [
            [it.text() if (it := self.changes.item(r, c)) else "" for c in range(self.changes.columnCount())]
            for r in range(self.changes.rowCount())
        ]

    def _go(self, index: QModelIndex) -> None:
        item = self.changes.item(index.row(), 0)
        if item is not None:
            self.goToItem.emit(item.data(KEY_ROLE))
