"""A live language switch retitles the main window and every open dialog at once, and the TPP
calculator's results (classification and reason) come through translation."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.calculators import NONE, classify
from veu_assess.resources import sample_path
from veu_assess.storage.document import new_document
from veu_assess.ui import i18n
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.session import Session
from veu_assess.ui.settings import UiSettings

pytestmark = pytest.mark.gui


def _has_japanese(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)


def test_switch_retitles_window_and_open_dialogs(qtbot: Any, catalog: Catalog, english_after: Any) -> None:
    i18n.install_language("en")
    window = MainWindow(catalog, UiSettings(), None, lang="en")
    qtbot.addWidget(window)
    window.set_session(Session(catalog, new_document(catalog, title="Test")))
    window.show()
    qtbot.waitExposed(window)
    tpp = window.show_tpp_calculator()
    view = window.compare_with_path(sample_path())
    assert view is not None
    compare = view.window()
    assert tpp.windowTitle() == "Accelerator classification (TPP)"
    assert compare.windowTitle().startswith("Compare with ")
    tpp.calculator.set_values(100, 8, 300, True)  # TPP 800: not 3A090
    assert classify(100, 8, catalog.header.thresholds, 300, True).eccn == NONE
    assert "not 3A090" in tpp.calculator.result.text()

    window.menus.language_menu.actions_by_choice["ja"].trigger()  # View > Language > 日本語
    qtbot.waitUntil(lambda: _has_japanese(tpp.windowTitle()) and _has_japanese(compare.windowTitle()))
    assert tpp.windowTitle() == "アクセラレータの分類（TPP）"
    name = QGuiApplication.applicationDisplayName()
    assert name == "VEU 準備状況評価ツール"
    # The window system appends the display name unless the title ends in it: one language only.
    assert window.windowTitle().endswith(name) and "Readiness" not in window.windowTitle()
    result = tpp.calculator.result.text()
    assert "not 3A090" not in result and "3A090 非該当" in result and "TPP < 1600" in result, result
    assert _has_japanese(tpp.calculator.labels[1].text())

    window.menus.language_menu.actions_by_choice["en"].trigger()
    qtbot.waitUntil(lambda: tpp.windowTitle() == "Accelerator classification (TPP)")
    assert compare.windowTitle().startswith("Compare with ")
    assert QGuiApplication.applicationDisplayName() == "VEU Readiness Assessor"
    assert window.windowTitle().endswith("VEU Readiness Assessor")
    assert "not 3A090" in tpp.calculator.result.text()
    tpp.close()
    compare.close()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_tpp_dialog_is_wide_enough_for_its_title(qtbot: Any, catalog: Catalog, english_after: Any,
                                                 lang: str) -> None:
    """A window manager cuts a title longer than the frame: the narrow dialog showed
    "Accelerator classif…"."""
    from veu_assess.ui.calculators import TppDialog

    i18n.install_language(lang)
    dialog = TppDialog(catalog.header.thresholds)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    title = dialog.windowTitle()
    assert _has_japanese(title) == (lang == "ja")
    # The title bar's font is the window manager's; allow for its icon and three buttons.
    assert dialog.width() >= dialog.fontMetrics().horizontalAdvance(title) + 150
