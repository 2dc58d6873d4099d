"""The Report page's preview follows the report language and lines its columns up."""

from __future__ import annotations

from PySide6.QtGui import QFontInfo

from veu_assess.ui.main_window import MainWindow


def test_preview_follows_the_report_language(window: MainWindow) -> None:
    page = window.navigator.pages.report
    assert page.preview.toPlainText() == ""  # filled when first shown, not at start-up
    window.navigator.show_page(page)
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


def test_hidden_review_and_report_pages_catch_up_when_shown(window: MainWindow) -> None:
    """Results that change while the pages are hidden are not laid out then, but are all there
    when the page is shown."""
    from tests.ui.helpers import choose, first_editor
    from veu_assess.model.assessment import AnswerState

    nav = window.navigator
    review, report = nav.pages.review, nav.pages.report
    assert review.gaps.rowCount() == 0 and report.preview.toPlainText() == ""
    choose(first_editor(window), AnswerState.NOT_MET)
    assert window.session is not None
    result = window.session.result
    nav.show_page(review)
    assert review.gaps.rowCount() == len(result.gaps) >= 1
    nav.show_page(report)
    assert f"Ranked gaps ({len(result.gaps)})" in report.preview.toPlainText()
    choose_on_visible = report.preview.toPlainText()
    nav.go_to(0)
    choose(first_editor(window), AnswerState.MET)  # hidden again: updated on the next visit
    nav.show_page(report)
    assert report.preview.toPlainText() != choose_on_visible


def test_english_preview_names_states_and_priorities_as_people_read_them(window: MainWindow) -> None:
    """The English preview said ``[critical] ELIG-03 partially_met``: codes are for scripts
    (``veu-assess score``), the preview shows the report's labels."""
    import re

    from veu_assess.resources import sample_path

    window.files.open_now(sample_path())
    page = window.navigator.pages.report
    window.navigator.show_page(page)
    page.language.setCurrentIndex(page.language.findData("en"))
    text = page.preview.toPlainText()
    assert "Partially met" in text and "Not met" in text and "[Critical]" in text
    codes = re.findall(r"\b(?:not_met|partially_met|not_applicable|in_force)\b|\[(?:critical|high|medium|low)\]", text)
    assert codes == []
