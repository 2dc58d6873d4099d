"""Keyboard use: on every page, in English and Japanese, one Alt+letter means one control.

A letter may repeat only for the same control in repeated panels (every requirement has its own
"Answer:"); two different texts sharing a letter, or a page control sharing the letter of a menu,
make Alt+letter land somewhere the user did not expect. Hidden controls count too (the
justification field appears when "not applicable" is chosen; Cancel while exporting). Controls
review mode locks for good (disabled) are left out: their mnemonics cannot fire.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

from veu_assess.catalog.loader import Catalog
from veu_assess.resources import sample_path
from veu_assess.storage.veua import open_document
from veu_assess.ui import i18n
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.session import Session
from veu_assess.ui.settings import UiSettings


def mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def _texts(widget: QWidget, review: bool) -> list[str]:
    """Mnemonic texts under ``widget``; in review mode without the operator's controls, which that
    mode disables for good (their mnemonics cannot fire)."""

    def locked(w: QWidget | None) -> bool:
        return review and w is not None and not w.isEnabled()

    found = []
    for w in [widget, *widget.findChildren(QWidget)]:
        if isinstance(w, QAbstractButton) and not locked(w):
            found.append(w.text())
        elif isinstance(w, QLabel) and w.buddy() is not None and not locked(w.buddy()):
            found.append(w.text())
        elif isinstance(w, QGroupBox):
            found.append(w.title())
    return found


def collisions(win: MainWindow, page: QWidget, review: bool = False) -> dict[str, set[str]]:
    bar = [a.text() for a in win.menuBar().actions()]
    always = [win.navigator.nav_label.text(), win.navigator.back_button.text(), win.navigator.next_button.text()]
    by_letter: dict[str, set[str]] = {}
    for text in [*bar, *always, *_texts(page, review)]:
        letter = mnemonic(text)
        if letter:
            by_letter.setdefault(letter, set()).add(text)
    return {k: v for k, v in by_letter.items() if len(v) > 1}


@pytest.mark.parametrize("review", [False, True], ids=["operator", "auditor"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_each_letter_means_one_control(qtbot: Any, catalog: Catalog, english_after: Any, lang: str,
                                       review: bool) -> None:
    assert i18n.install_language(lang) == lang
    win = MainWindow(catalog, UiSettings(), None, lang=lang)
    qtbot.addWidget(win)
    win.set_session(Session(catalog, open_document(sample_path()), review_mode=review))
    problems = {}
    for index, page in enumerate(win.navigator.pages):
        win.navigator.go_to(index)
        found = collisions(win, page, review)
        if found:
            problems[f"{index} {page.page_title()}"] = found
    assert problems == {}
    # the check itself finds a clash when there is one
    win.navigator.back_button.setText("&Fake back")  # the same letter as the File menu
    assert collisions(win, win.navigator.pages[0])
