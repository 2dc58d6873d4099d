"""The bundled Japanese font is known to Qt after start-up registration."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFontDatabase, QGuiApplication

from veu_assess.ui.fonts import register_japanese_font


def test_bundled_japanese_font_is_registered(qapp: Any) -> None:
    families = register_japanese_font()
    assert "IPAexGothic" in families
    assert "IPAexGothic" in QFontDatabase.families()
    assert "IPAexGothic" in QGuiApplication.font().families()  # fallback for the whole app
    assert register_japanese_font() == families  # idempotent: registered once
