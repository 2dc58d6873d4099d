"""The calculators as tools: TPP classification, per-site inventory, report calendar; and the
one mapping from question type to editor."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.ui.helpers import cell
from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import QuestionType, Scope
from veu_assess.engine.calculators import classify, report_calendar, site_inventory
from veu_assess.engine.visibility import items_for
from veu_assess.model.assessment import Accelerator, Site
from veu_assess.storage.document import Document
from veu_assess.ui import calculators
from veu_assess.ui.calculators import CalendarPanel, InventoryEditor, TppCalculator
from veu_assess.ui.editors import EDITORS, CalendarAnswerEditor, InventoryAnswerEditor, editor_for
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.session import Session


@pytest.fixture
def session(document: Document, catalog: Catalog) -> Session:
    profile = document.assessment.profile.model_copy(
        update={"sites": [Site(id="tokyo-1", name="Tokyo 1", country="JP")]}
    )
    document.assessment.profile = profile
    return Session(catalog, document)


def test_tpp_calculator_shows_the_engine_classification(qtbot: Any, catalog: Catalog) -> None:
    calc = TppCalculator(catalog.header.thresholds)
    qtbot.addWidget(calc)
    with qtbot.waitSignal(calc.changed):
        calc.set_values(2250.0, 8, 814.0, True)
    expected = classify(2250.0, 8, catalog.header.thresholds, 814.0, True)
    text = calc.result.text()
    assert f"{float(expected.tpp):,.1f}" in text
    assert expected.eccn in text and f"{float(expected.density):,.2f}" in text  # type: ignore[arg-type]
    calc.area.setValue(0)  # no die area given
    assert "—" in calc.result.text()


def test_inventory_editor_adds_lines_with_engine_totals(
    qtbot: Any, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = InventoryEditor(session, "tokyo-1")
    qtbot.addWidget(editor)
    lines = [Accelerator(model="H100 SXM", count=512, tops=1979, bits=8, die_area_mm2=814),
             Accelerator(model="Inference card", count=64, tops=100, bits=8, die_area_mm2=300)]
    replies = list(lines)
    monkeypatch.setattr(calculators, "ask_accelerator", lambda *_a: replies.pop(0))
    for _ in lines:
        with qtbot.waitSignal(session.inventoryChanged):
            editor.add_line()
    assert session.document.assessment.inventory["tokyo-1"] == lines
    assert editor.table.rowCount() == 2
    inv = site_inventory("tokyo-1", lines, session.catalog.header.thresholds)
    assert cell(editor.table, 0, 6) == inv.lines[0].classification.eccn
    assert f"{inv.accelerator_count:,} accelerators" in editor.totals.text()
    assert f"{inv.controlled_count:,} controlled" in editor.totals.text()
    assert inv.system_eccn in editor.totals.text()
    editor.table.selectRow(1)
    editor.remove_line()
    assert session.document.assessment.inventory["tokyo-1"] == lines[:1]
    session.undo_stack.undo()
    assert editor.table.rowCount() == 2


def test_calendar_panel_lists_engine_deadlines(qtbot: Any, catalog: Catalog) -> None:
    today = dt.date(2026, 11, 28)
    panel = CalendarPanel(catalog, today)
    qtbot.addWidget(panel)
    expected = report_calendar(today, catalog.header.thresholds)
    assert panel.table.rowCount() == len(expected)
    assert [cell(panel.table, r, 0) for r in range(len(expected))] == [d.due.isoformat() for d in expected]


def test_every_question_type_has_an_editor(qtbot: Any, session: Session, catalog: Catalog) -> None:
    assert set(EDITORS) == set(QuestionType)
    section, req = next(iter(catalog.iter_requirements()))
    for qtype, cls in ((QuestionType.INVENTORY, InventoryAnswerEditor), (QuestionType.CALENDAR, CalendarAnswerEditor)):
        variant = req.model_copy(update={"question_type": qtype, "scope": Scope.SITE})
        item = items_for(section, variant, session.document.assessment)[0]
        editor = editor_for(session, item, "en")
        qtbot.addWidget(editor)
        assert type(editor) is cls
        if isinstance(editor, InventoryAnswerEditor):
            assert [e.site_id for e in editor.inventories] == ["tokyo-1"]


def test_inventory_table_shows_every_column_without_scrolling(qtbot: Any, window: MainWindow) -> None:
    """At a normal window width the classification column is in view (the model name gives way)."""
    assert window.session is not None
    window.resize(1200, 800)  # the app's default size
    profile = window.session.document.assessment.profile.model_copy(
        update={"sites": [Site(id="tokyo-1", name="Tokyo", country="JP")]})
    window.session.set_profile(profile)
    window.session.set_inventory("tokyo-1", [
        Accelerator(model="A very long accelerator product name SXM5 80GB HBM3 edition", count=2048, tops=1979,
                    bits=8, die_area_mm2=814)])
    editors = []
    for index in range(len(window.navigator.pages)):
        window.navigator.go_to(index)
        editors += window.navigator.pages[index].findChildren(InventoryEditor)
        if editors:
            break
    assert editors, "the compute section shows an inventory editor"
    table = editors[0].table
    qtbot.waitUntil(lambda: table.isVisible())
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0, timeout=2000)  # once laid out
    assert table.item(0, 0).toolTip().startswith("A very long accelerator")
    assert table.height() < 12 * table.verticalHeader().defaultSectionSize()  # no tall empty box


def test_tab_leaves_the_read_only_tables(qtbot: Any, catalog: Catalog, session: Session) -> None:
    """Found driving the real window by keyboard: Tab moved from cell to cell of the report
    deadlines and never reached the next field or Next."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    calendar = CalendarPanel(catalog, dt.date(2026, 11, 28))
    inventory = InventoryEditor(session, "tokyo-1")
    after = QLineEdit()
    for widget in (calendar, inventory, after):
        layout.addWidget(widget)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    for table in (calendar.table, inventory.table):
        table.setFocus()
        qtbot.waitUntil(table.hasFocus)
        qtbot.keyClick(table, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda t=table: not t.hasFocus(), timeout=2000)
        assert QApplication.focusWidget() is not table
