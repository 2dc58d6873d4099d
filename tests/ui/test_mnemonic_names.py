"""No mnemonic marker in what a screen reader hears on any page, in English or Japanese: a Japanese
label's "(&C)" became "(C)" in the names of the profile's yes/no questions (found by the keyboard run:
"第三者への計算資源の販売（IaaS）(C)：")."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import QWidget

from veu_assess.ui import i18n
from veu_assess.ui.a11y import INTERACTIVE
from veu_assess.ui.main_window import MainWindow

MARKER = re.compile(r"&\w|\(\w\)[：:]?$|\(\w\)：")  # "&C", a trailing "(C)" or "(C)：" as Japanese labels end


def _markers(window: MainWindow) -> list[str]:
    found = []
    for index, page in enumerate(window.navigator.pages):
        window.navigator.go_to(index)
        for widget in page.findChildren(QWidget):
            if isinstance(widget, INTERACTIVE) and MARKER.search(widget.accessibleName()):
                found.append(f"{page.page_title()}: {type(widget).__name__} {widget.accessibleName()!r}")
    return found


def test_no_mnemonic_marker_in_accessible_names(qtbot: Any, window: MainWindow) -> None:
    try:
        for lang in ("en", "ja"):
            i18n.install_language(lang)
            window.set_language(lang, remember=False)
            assert not _markers(window), lang
    finally:
        i18n.install_language("en")
        window.set_language("en", remember=False)


def test_the_check_sees_a_marker(qtbot: Any, window: MainWindow) -> None:
    page = window.navigator.pages[0]
    field = next(w for w in page.findChildren(QWidget) if isinstance(w, INTERACTIVE))
    field.setAccessibleName("販売（IaaS）(C)：")
    assert _markers(window)
