"""The hardware bill of materials (AI Exports Program): a table editor, CSV import, the US share.

Each line has a description, a value (one currency for the whole BOM) and a country of origin
(two letters; empty when not known). Cells are checked with the engine's parsers: a bad cell is
named (line and column) and nothing is stored until every line is valid. A CSV import replaces
the BOM only when every row is valid; otherwise the problems are listed and nothing is imported.
The share and the deciding lines come from ``engine.bom.us_share`` (no second calculation).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from veu_assess.engine.bom import BomCsvError, parse_bom_csv, parse_origin, parse_value, share_text, us_share
from veu_assess.model.assessment import MAX_SHORT, BomLine
from veu_assess.ui.session import Session
from veu_assess.ui.widgets import error_style

MAX_CSV_BYTES = 5_000_000


def ask_csv_path(parent: QWidget | None) -> Path | None:
    """Ask for a CSV file; tests replace this function so they never block."""
    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("BomEditor", "Import bill of materials"), "",
        QCoreApplication.translate("BomEditor", "CSV files (*.csv);;All files (*)"))
    return Path(name) if name else None


class BomEditor(QGroupBox):
    """Assessment.bom as an editable table, with the US-origin share from the engine."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setTitle(self.tr("Hardware bill of materials (value and origin per line)"))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Description"), self.tr("Value"), self.tr("Origin")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(self.tr("Hardware bill of materials"))
        self.table.itemChanged.connect(self._cell_edited)
        self.share = QLabel()
        self.share.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(error_style(bold=False))
        self.error.hide()
        buttons = QHBoxLayout()
        for text, slot, name in (
            (self.tr("Add &line"), self.add_line, self.tr("Add a bill of materials line")),
            (self.tr("Remove l&ine"), self.remove_line, self.tr("Remove the selected line")),
            (self.tr("Import CSV…"), self.import_csv, self.tr("Import a bill of materials from CSV")),
        ):
            b = QPushButton(text)
            b.setAccessibleName(name)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("CSV columns: description, value, origin (two-letter country code; empty when "
                              "not known). Values are plain numbers in one currency."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.share)
        session.bomChanged.connect(self.reload)  # a bound method: disconnected when this widget dies
        self.reload()

    # --- display -------------------------------------------------------------------------
    def reload(self) -> None:
        lines = self.session.document.assessment.bom
        self.table.blockSignals(True)
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            for col, text in enumerate((line.description, f"{line.value:.2f}", line.origin)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.blockSignals(False)
        self._show_share(lines)

    def _show_share(self, lines: list[BomLine]) -> None:
        s = us_share(lines)
        if s.low is None:
            self.share.setText(self.tr("US-origin share: no lines with a value yet."))
            return
        shown = (f"{share_text(s.low)} %" if s.low == s.high
                 else f"{share_text(s.low)} – {share_text(s.high)} %")
        outcome = {
            "met": self.tr("meets the 51 % presumption"),
            "not_met": self.tr("below the 51 % presumption"),
            "undetermined": self.tr("undetermined: lines without an origin decide it"),
        }[s.outcome]
        deciding = ", ".join(str(i + 1) for i in s.deciding)
        self.share.setText(self.tr("US-origin share by value: {share} — {outcome}. Lines that decide it: {lines}.")
                           .format(share=shown, outcome=outcome, lines=deciding or "—"))

    # --- edits ---------------------------------------------------------------------------
    def _cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text() if item is not None else ""

    def _read_table(self) -> tuple[list[BomLine], list[str]]:
        lines: list[BomLine] = []
        problems: list[str] = []
        for row in range(self.table.rowCount()):
            where = self.tr("line {n}").format(n=row + 1)
            description = self._cell(row, 0).strip()
            ok = True
            if not description or len(description) > MAX_SHORT:
                problems.append(self.tr("{where}, column description: give a description (up to {n} characters)")
                                .format(where=where, n=MAX_SHORT))
                ok = False
            try:
                value = parse_value(self._cell(row, 1))
            except ValueError as exc:
                problems.append(self.tr("{where}, column value: {problem}").format(where=where, problem=exc))
                ok = False
            try:
                origin = parse_origin(self._cell(row, 2))
            except ValueError as exc:
                problems.append(self.tr("{where}, column origin: {problem}").format(where=where, problem=exc))
                ok = False
            if ok:
                lines.append(BomLine(description=description, value=float(value), origin=origin))
        return lines, problems

    def _cell_edited(self, _item: QTableWidgetItem) -> None:
        lines, problems = self._read_table()
        self._show_problems(problems)
        if not problems:
            self.session.set_bom(lines)

    def _show_problems(self, problems: list[str]) -> None:
        self.error.setText("\n".join(problems[:10]))
        self.error.setVisible(bool(problems))

    def add_line(self) -> None:
        lines = list(self.session.document.assessment.bom)
        lines.append(BomLine(description=self.tr("New line"), value=0.0, origin=""))
        self._show_problems([])
        self.session.set_bom(lines)
        self.table.setCurrentCell(len(lines) - 1, 0)

    def remove_line(self) -> None:
        row = self.table.currentRow()
        lines = list(self.session.document.assessment.bom)
        if 0 <= row < len(lines):
            del lines[row]
            self.session.set_bom(lines)

    def import_csv(self) -> None:
        path = ask_csv_path(self)
        if path is None:
            return
        self.import_file(path)

    def import_file(self, path: Path) -> bool:
        """Replace the BOM with the file's lines; on any problem, list it and import nothing."""
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_CSV_BYTES + 1)
        except OSError as exc:
            self._show_problems([self.tr("{file}: cannot be read ({reason})").format(file=path.name,
                                                                                     reason=exc.strerror)])
            return False
        if len(data) > MAX_CSV_BYTES:
            self._show_problems([self.tr("{file}: larger than {n:,} bytes").format(file=path.name, n=MAX_CSV_BYTES)])
            return False
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            self._show_problems([self.tr("{file}: not UTF-8 text (byte {pos}); save it as CSV UTF-8")
                                 .format(file=path.name, pos=exc.start)])
            return False
        try:
            lines = parse_bom_csv(text)
        except BomCsvError as exc:
            self._show_problems([self.tr("{file}: nothing imported.").format(file=path.name), *exc.problems])
            return False
        if len(lines) > 10_000:
            self._show_problems([self.tr("{file}: more than 10,000 lines; nothing imported.").format(file=path.name)])
            return False
        self._show_problems([])
        self.session.set_bom(lines)
        return True
