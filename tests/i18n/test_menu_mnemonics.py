"""In every menu, in English and Japanese, each Alt-letter names one entry.

Found driving the real window by keyboard: Tools had "Accelerator &classification (TPP)…" and
"&Compare with…"; Alt+T, C then only moved between the two instead of opening the calculator.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMenu

from tests.i18n.test_mnemonics import mnemonic
from veu_assess.catalog.loader import Catalog
from veu_assess.ui import i18n
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.settings import UiSettings


def menu_clashes(menu: QMenu) -> dict[str, list[str]]:
    """Letters used by more than one visible entry of ``menu`` and, recursively, its submenus."""
    clashes: dict[str, list[str]] = {}
    by_letter: dict[str, list[str]] = {}
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        letter = mnemonic(action.text())
        if letter:
            by_letter.setdefault(letter, []).append(action.text())
        if action.menu() is not None:
            clashes.update(menu_clashes(action.menu()))
    clashes.update({f"{menu.title()} {k}": v for k, v in by_letter.items() if len(v) > 1})
    return clashes


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_each_menu_letter_names_one_entry(qtbot: Any, catalog: Catalog, english_after: Any, lang: str) -> None:
    i18n.install_language(lang)
    window = MainWindow(catalog, UiSettings(), None, lang=lang)
    qtbot.addWidget(window)
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    assert len(menus) >= 6
    problems = {}
    for menu in menus:
        problems.update(menu_clashes(menu))
    assert problems == {}
    # the check finds a clash when there is one
    tools = window.menus.tools_menu
    window.menus.compare_action.setText(window.menus.tpp_action.text().replace("TPP", "x"))
    assert menu_clashes(tools)
