"""The Report page's preview follows the report language and lines its columns up."""

from __future__ import annotations

from PySide6.QtGui import QFontInfo

from veu_assess.ui.main_window import MainWindow


def test_preview_follows_the_report_language(window: MainWindow) -> None:
    page = window.navigator.pages.report
    page.language.setCurrentIndex(page.language.findData("en"))
    assert page.preview.toPlainText().startswith("VEU readiness:")
    page.language.setCurrentIndex(page.language.findData("ja"))
    assert page.preview.toPlainText().startswith("VEU 準備状況：")
    assert "セクション（準備度・回答率・回答数）：" in page.preview.toPlainText()


def test_preview_is_monospace_with_the_japanese_font_registered(window: MainWindow) -> None:
    from veu_assess.ui.fonts import fixed_font, register_japanese_font

    families = register_japanese_font()  # as the app does at start-up (the fallback list changes)
    assert families
    assert QFontInfo(fixed_font()).fixedPitch()
    assert fixed_font().families()[1:] == families  # kana and kanji still have a font
    assert QFontInfo(window.navigator.pages.report.preview.font()).fixedPitch()
