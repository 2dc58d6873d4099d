"""CompareView shows engine.compare's result and opens a changed requirement on double-click."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.core.minicatalog import TWO_SITES, assessment, mini_catalog
from veu_assess.catalog.loader import Catalog
from veu_assess.engine.compare import compare
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.review import ReviewFilter
from veu_assess.ui.review import CompareView, ReviewFilterCombo


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return mini_catalog(tmp_path_factory.mktemp("forms"))


def test_compare_view_rows_and_navigation(qtbot: QtBot, mini: Catalog, english: None) -> None:
    old = assessment(mini, {"A-01": "met", "A-02": "not_met", "B-01@tokyo": "met"}, sites=TWO_SITES)
    new = assessment(mini, {"A-01": "met", "A-02": "met", "B-01@osaka": "partially_met"}, sites=TWO_SITES)
    new.answers["A-01"] = Answer(state=AnswerState.MET, notes="Policy v2 signed")
    view = CompareView(mini)
    qtbot.addWidget(view)
    view.set_comparison(compare(mini, old, new), "old.veua", "new.veua")

    assert view.summary.text().splitlines() == [
        "old.veua → new.veua",
        "Readiness: 66.6% → 75.0% (+8.4)",  # unanswered items count as not met; cut, not rounded
        "Readiness level: Incomplete → Incomplete",
        "4 requirements changed",
    ]
    assert view.row_texts() == [
        ["A-01 Requirement A-01", "changed", "Met", "Met", "notes"],
        ["A-02 Requirement A-02", "changed", "Not met", "Met", "state"],
        ["B-01@tokyo Requirement B-01", "removed", "Met", "Not answered", "state"],
        ["B-01@osaka Requirement B-01", "added", "Not answered", "Partially met", "state"],
    ]
    assert view.sections.rowCount() == 2  # the stretch section was never scored

    view.show()
    qtbot.waitExposed(view)
    table = view.changes
    rect = table.visualRect(table.model().index(2, 1))
    # an item view only reports a double-click that follows a press on the same item, as a real one does
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.goToItem, timeout=1000) as sig:
        QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == ["B-01@tokyo"]


def test_filter_combo(qtbot: QtBot) -> None:
    combo = ReviewFilterCombo()
    qtbot.addWidget(combo)
    assert combo.current_filter() is ReviewFilter.ALL and combo.count() == len(ReviewFilter)
    with qtbot.waitSignal(combo.filterChanged) as sig:
        combo.set_filter("rejected")
    assert sig.args == ["rejected"] and combo.currentText() == "Rejected"
