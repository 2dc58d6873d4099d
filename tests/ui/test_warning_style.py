"""The sign-off warning's colours come from the palette: red, and readable in light, dark and
high-contrast themes (WCAG contrast of at least 4.5:1 between its text and its background)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtGui import QColor, QPalette

from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.widgets import warning_style


def _luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def _colours(style: str) -> tuple[QColor, QColor]:
    background = re.search(r"background-color:(#[0-9a-f]{6})", style)
    text = re.search(r"[^-]color:(#[0-9a-f]{6})", style)
    assert background and text, style
    return QColor(background.group(1)), QColor(text.group(1))


def _palette(highlight: str, highlighted_text: str) -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor(highlight))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor(highlighted_text))
    return palette


@pytest.mark.parametrize(("highlight", "text"), [
    ("#308cc6", "#ffffff"),  # Fusion, light
    ("#2a82da", "#ffffff"),  # a common dark theme
    ("#1aebff", "#000000"),  # Windows high contrast (black)
    ("#37006e", "#ffffff"),  # Windows high contrast (white)
])
def test_the_warning_is_red_and_readable_in_any_palette(qapp: Any, highlight: str, text: str) -> None:
    background, foreground = _colours(warning_style(_palette(highlight, text)))
    assert background.hslHue() == 0 and background.hslSaturation() >= 160  # red
    assert foreground == QColor(text)
    light, dark = sorted((_luminance(background), _luminance(foreground)), reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5


def test_the_windows_warning_follows_a_palette_change(qtbot: Any, window: MainWindow) -> None:
    window.setPalette(_palette("#1aebff", "#000000"))
    _background, foreground = _colours(window.signoff_warning.styleSheet())
    assert foreground == QColor("#000000")
