"""The engine's calculators as small tools: TPP classification, site inventory, report calendar.

All arithmetic is ``engine.calculators``; these widgets only collect input and show results.
``TppCalculator`` is used alone (Tools menu) and inside the dialog that edits one inventory line.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import Thresholds
from veu_assess.engine.calculators import (
    EXCLUDED,
    NONE,
    UNDETERMINED,
    Classification,
    classify,
    report_calendar,
    rule_figures,
    site_inventory,
)
from veu_assess.model.assessment import Accelerator
from veu_assess.ui.session import Session


def _tr(text: str) -> str:
    return QCoreApplication.translate("calculators", text)


def eccn_text(eccn: str) -> str:
    """The engine's classification in the interface language ("not 3A090" -> "3A090 非該当")."""
    words = {
        NONE: _tr("not 3A090"),
        UNDETERMINED: _tr("undetermined"),
        EXCLUDED: _tr("excluded (Note 2)"),
    }
    return words.get(eccn, eccn)  # 3A090.a, 3A090.b and 4A090 are the rule's own names


def reason_text(c: Classification, th: Thresholds) -> str:
    """Why ``classify`` decided as it did, in the interface language, with the catalog's figures."""
    figures = rule_figures(th)
    templates = {
        "excluded": _tr("not designed or marketed for data centers and TPP < {a_tpp}"),
        "a_tpp": _tr("TPP ≥ {a_tpp}"),
        "below_min": _tr("TPP < {min}"),
        "density_needed": _tr("performance density needed: give the die area"),
        "a_density": _tr("TPP ≥ {a_tpp_pd} and PD ≥ {a_pd}"),
        "b": _tr("{b_low} ≤ TPP < {b_high} and {b_pd_low} ≤ PD < {b_pd_high}"),
        "b_alt": _tr("TPP ≥ {b_alt} and {b_alt_pd} ≤ PD < {b_pd_high}"),
        "below": _tr("below the 3A090.a and 3A090.b thresholds"),
    }
    template = templates.get(c.rule)
    return template.format(**figures) if template is not None else c.reason


class TppCalculator(QWidget):
    """TOPS, bit length, die area -> TPP, performance density and 3A090 classification."""

    changed = Signal()

    def __init__(self, thresholds: Thresholds, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.th = thresholds
        self.tops = QDoubleSpinBox()
        self.tops.setRange(0, 1e9)
        self.tops.setDecimals(2)
        self.bits = QSpinBox()
        self.bits.setRange(1, 128)
        self.bits.setValue(16)
        self.area = QDoubleSpinBox()
        self.area.setRange(0, 1e6)
        self.area.setDecimals(1)
        self.area.setSuffix(" mm²")
        self.datacenter = QCheckBox()
        self.datacenter.setChecked(True)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.source = QLabel()
        self.source.setWordWrap(True)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.labels: list[QLabel] = []
        for widget in (self.tops, self.bits, self.area):
            label = QLabel()
            label.setBuddy(widget)
            self.labels.append(label)
            form.addRow(label, widget)
        form.addRow(self.datacenter)
        form.addRow(self.result)
        form.addRow(self.source)
        for w in (self.tops, self.area):
            w.valueChanged.connect(self._update)
        self.bits.valueChanged.connect(self._update)
        self.datacenter.toggled.connect(self._update)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text, in the interface language (again after a live language switch)."""
        self.tops.setAccessibleName(self.tr("Dense TOPS at this bit length"))
        self.bits.setAccessibleName(self.tr("Bit length"))
        self.area.setSpecialValueText(self.tr("not given"))
        self.area.setAccessibleName(self.tr("Applicable die area in square millimetres"))
        self.datacenter.setText(self.tr("Designed or marketed for &data centers"))
        self.datacenter.setAccessibleName(self.tr("Designed or marketed for data centers"))
        self.source.setText(self.tr("Source: {citation}").format(citation=self.th.citation))
        for label, text in zip(
            self.labels, (self.tr("&TOPS (dense):"), self.tr("&Bit length:"), self.tr("Die &area:")), strict=True
        ):
            label.setText(text)
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_values(self, tops: float, bits: int, area: float | None, datacenter: bool) -> None:
        self.tops.setValue(tops)
        self.bits.setValue(bits)
        self.area.setValue(area or 0)
        self.datacenter.setChecked(datacenter)

    def die_area(self) -> float | None:
        return self.area.value() or None

    def _update(self) -> None:
        c = classify(self.tops.value(), self.bits.value(), self.th, self.die_area(), self.datacenter.isChecked())
        pd = "—" if c.density is None else f"{float(c.density):,.2f}"
        text = self.tr("TPP: {tpp}\nPerformance density: {pd}\nClassification: {eccn} ({reason})").format(
            tpp=f"{float(c.tpp):,.1f}", pd=pd, eccn=eccn_text(c.eccn), reason=reason_text(c, self.th)
        )
        if c.controlled:
            text += "\n" + self.tr("Computers containing it: 4A090")
        self.result.setText(text)
        self.changed.emit()


class TppDialog(QDialog):
    """Tools → Accelerator classification (TPP)."""

    def __init__(self, thresholds: Thresholds, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calculator = TppCalculator(thresholds)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.calculator)
        layout.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        title = self.tr("Accelerator classification (TPP)")
        self.setWindowTitle(title)
        # Wide enough for its title: a window manager cuts a title longer than the frame
        # (room for the icon and the frame's buttons).
        self.setMinimumWidth(max(420, self.fontMetrics().horizontalAdvance(title) + 160))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class AcceleratorDialog(QDialog):
    """Add or edit one inventory line: model, count and the calculator's inputs."""

    def __init__(self, thresholds: Thresholds, line: Accelerator | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accelerator"))
        self.model = QLineEdit(line.model if line else "")
        self.model.setAccessibleName(self.tr("Accelerator model"))
        self.count = QSpinBox()
        self.count.setRange(0, 10_000_000)
        self.count.setValue(line.count if line else 1)
        self.count.setAccessibleName(self.tr("Number of accelerators"))
        self.calculator = TppCalculator(thresholds)
        if line:
            self.calculator.set_values(line.tops, line.bits, line.die_area_mm2, line.datacenter_part)
        form = QFormLayout()
        for text, widget in ((self.tr("&Model:"), self.model), (self.tr("&Count:"), self.count)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.model.textChanged.connect(self._validate)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.calculator)
        layout.addWidget(self.buttons)
        self._validate()

    def _validate(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.model.text().strip()))

    def accelerator(self) -> Accelerator:
        c = self.calculator
        return Accelerator(
            model=self.model.text().strip(),
            count=self.count.value(),
            tops=c.tops.value(),
            bits=c.bits.value(),
            die_area_mm2=c.die_area(),
            datacenter_part=c.datacenter.isChecked(),
        )


def ask_accelerator(parent: QWidget | None, thresholds: Thresholds, line: Accelerator | None) -> Accelerator | None:
    """Show the line dialog; tests replace this function so they never block."""
    dialog = AcceleratorDialog(thresholds, line, parent)
    return dialog.accelerator() if dialog.exec() == QDialog.DialogCode.Accepted else None


class InventoryEditor(QGroupBox):
    """Assessment.inventory[site_id] with per-line classification and totals from the engine."""

    def __init__(self, session: Session, site_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.site_id = session, site_id
        self.setTitle(self.tr("Accelerator inventory — site {site}").format(site=site_id))
        headers = [
            self.tr("Model"),
            self.tr("Count"),
            self.tr("TOPS"),
            self.tr("Bits"),
            # Two-line headers: the figures below them are narrow; one-line headers set the width.
            self.tr("Die area\n(mm²)"),
            self.tr("TPP\neach"),
            self.tr("Classification"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        # Figures take the width they need; the model name takes what is left (elided, full text in
        # its tooltip), so the classification column stays in view without scrolling sideways.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Accelerator inventory of site {site}").format(site=site_id))
        self.table.doubleClicked.connect(lambda _i: self.edit_line())
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, slot, name in (
            (self.tr("Add &line…"), self.add_line, self.tr("Add an accelerator line")),
            (self.tr("E&dit line…"), self.edit_line, self.tr("Edit the selected line")),
            (self.tr("Remove l&ine"), self.remove_line, self.tr("Remove the selected line")),
        ):
            b = QPushButton(text)
            b.setAccessibleName(name)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.totals)
        # A bound method, not a lambda: Qt disconnects it when this widget is deleted (pages are
        # rebuilt on a language switch; a lambda would go on calling a deleted widget).
        session.inventoryChanged.connect(self._inventory_changed)
        self.reload()

    def _inventory_changed(self, site_id: str) -> None:
        if site_id == self.site_id:
            self.reload()

    def lines(self) -> list[Accelerator]:
        return list(self.session.document.assessment.inventory.get(self.site_id, []))

    def reload(self) -> None:
        inv = site_inventory(self.site_id, self.lines(), self.session.catalog.header.thresholds)
        self.table.setRowCount(len(inv.lines))
        for row, line in enumerate(inv.lines):
            a, c = line.accelerator, line.classification
            cells = (
                a.model,
                f"{a.count:,}",
                f"{a.tops:g}",
                str(a.bits),
                "—" if a.die_area_mm2 is None else f"{a.die_area_mm2:g}",
                f"{float(c.tpp):,.0f}",
                eccn_text(c.eccn),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        self._fit_height()
        self.totals.setText(
            self.tr("{n} accelerators, {controlled} controlled (3A090); total TPP {tpp}; systems: {eccn}").format(
                n=f"{inv.accelerator_count:,}",
                controlled=f"{inv.controlled_count:,}",
                tpp=f"{float(inv.total_tpp):,.0f}",
                eccn=inv.system_eccn,
            )
        )

    def _fit_height(self) -> None:
        """As tall as its lines (at least two, at most ten): no empty box under a short inventory."""
        self.table.resizeRowsToContents()
        rows = min(max(self.table.rowCount(), 2), 10)
        row_height = self.table.verticalHeader().defaultSectionSize()
        height = self.table.horizontalHeader().height() + rows * row_height + 2 * self.table.frameWidth()
        scrollbar = self.table.horizontalScrollBar().sizeHint().height()
        self.table.setFixedHeight(height + scrollbar)  # room for a scroll bar at narrow widths

    def add_line(self) -> None:
        line = ask_accelerator(self, self.session.catalog.header.thresholds, None)
        if line is not None:
            self.session.set_inventory(self.site_id, [*self.lines(), line])

    def edit_line(self) -> None:
        row, lines = self.table.currentRow(), self.lines()
        if not 0 <= row < len(lines) or self.session.review_mode:
            return
        line = ask_accelerator(self, self.session.catalog.header.thresholds, lines[row])
        if line is not None:
            lines[row] = line
            self.session.set_inventory(self.site_id, lines)

    def remove_line(self) -> None:
        row, lines = self.table.currentRow(), self.lines()
        if 0 <= row < len(lines):
            del lines[row]
            self.session.set_inventory(self.site_id, lines)


class CalendarPanel(QGroupBox):
    """The next semi-annual report deadlines and how long to keep the records."""

    def __init__(self, catalog: Catalog, today: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        th = catalog.header.thresholds
        self.setTitle(self.tr("Report calendar"))
        self.deadlines = report_calendar(today or dt.date.today(), th)
        self.table = QTableWidget(len(self.deadlines), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Report due"), self.tr("Period covered"), self.tr("Keep records until")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Read-only: Tab leaves the table, arrows move in it. A keyboard run under Xvfb was caught
        # here: Tab went from cell to cell and never reached Next.
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Report deadlines"))
        for row, d in enumerate(self.deadlines):
            cells = (
                d.due.isoformat(),
                f"{d.period_start.isoformat()} – {d.period_end.isoformat()}",
                d.retain_until.isoformat(),
            )
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        source = QLabel(self.tr("Source: {citation}").format(citation=th.calendar_citation))
        source.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(source)
