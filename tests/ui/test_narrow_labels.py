"""Profile labels at 1024×700 keep to one line in English and Japanese.

A wrapping label's size hint is narrower than its text, so Qt broke Japanese labels mid-word with
room to spare ("最終親会社の本社所在" / "国", "ホスティングしています" / "か？"); the Japanese
questions are now the short noun phrases a Japanese form uses.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel

from tests.ui.helpers import language
from veu_assess.resources import sample_path
from veu_assess.ui.main_window import MainWindow


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_profile_labels_do_not_wrap_at_1024x700(qtbot: Any, window: MainWindow, lang: str) -> None:
    window.files.open_now(sample_path())
    with language(window, lang):
        window.resize(1024, 700)
        page = window.navigator.pages.profile
        window.navigator.show_page(page)
        qtbot.waitUntil(lambda: page.viewport().width() < 720)
        labels = [
            form.labelForField(form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget())
            for form in page.widget().findChildren(QFormLayout)
            for row in range(form.rowCount())
            if form.itemAt(row, QFormLayout.ItemRole.FieldRole) is not None
        ]
        labels = [label for label in labels if isinstance(label, QLabel) and label.isVisibleTo(page)]
        assert len(labels) >= 8
        for label in labels:
            one_line = label.fontMetrics().lineSpacing()
            assert label.height() < 1.8 * one_line, f"{label.text()!r} wraps: {label.width()} px wide"
            assert label.width() >= label.fontMetrics().horizontalAdvance(label.text().replace("&", ""))
