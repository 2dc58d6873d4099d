"""A new assessment from the profile to the Review page through the real widgets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.ui.helpers import cell, choose, editors_on, first_editor, section_indexes
from veu_assess.engine.scoring import evaluate
from veu_assess.i18n_format import format_percent
from veu_assess.model.assessment import AnswerState
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.profile_page import ProfilePage
from veu_assess.ui.review_page import ReviewPage
from veu_assess.ui.section_page import SectionPage


def test_profile_to_review_with_live_score(qtbot: Any, window: MainWindow) -> None:
    profile = window.navigator.pages[0]
    assert isinstance(profile, ProfilePage)
    qtbot.keyClicks(profile.name, "Example DC KK")
    combo = profile.destination
    combo.setCurrentIndex(combo.findData("JP"))
    combo.activated.emit(combo.currentIndex())
    assert window.session is not None
    assert window.session.document.assessment.profile.applicant_name == "Example DC KK"
    assert window.session.document.assessment.profile.destination_country == "JP"
    assert window.isWindowModified()

    qtbot.mouseClick(window.navigator.next_button, Qt.MouseButton.LeftButton)
    assert isinstance(window.navigator.current_page(), SectionPage)
    before = window.navigator.pages.summary.score.text()
    level_before = window.navigator.pages.summary.level.text()
    nav_row = window.navigator.stack.currentIndex()
    nav_before = window.navigator.nav.item(nav_row).text()

    for index in section_indexes(window)[:3]:
        for editor in editors_on(window, index):
            with qtbot.waitSignal(window.session.resultChanged):
                choose(editor, AnswerState.MET)
    editor = editors_on(window, section_indexes(window)[0])[0]
    with qtbot.waitSignal(window.session.resultChanged):
        choose(editor, AnswerState.NOT_MET)

    result = window.session.result
    assert result.score == evaluate(window.session.catalog, window.session.document.assessment).score
    assert result.score is not None and 0 < result.score < 100
    assert window.navigator.pages.summary.score.text() != before
    assert format_percent(result.score) in window.navigator.pages.summary.score.text()
    assert window.navigator.pages.summary.level.text() != "" and level_before != ""
    assert window.navigator.nav.item(nav_row).text() != nav_before

    # Next until the end: Review comes after the last in-scope section.
    while not isinstance(window.navigator.current_page(), ReviewPage):
        assert window.navigator.next_button.isEnabled()
        qtbot.mouseClick(window.navigator.next_button, Qt.MouseButton.LeftButton)
    review = window.navigator.current_page()
    assert isinstance(review, ReviewPage)
    assert review.gaps.rowCount() == len(result.gaps) >= 1
    assert f"{result.answered} of {result.total}" in review.figures.text()

    # Double-clicking the gap goes to its requirement and focuses its answer.
    row = next(r for r in range(review.gaps.rowCount()) if editor.item.requirement.id in cell(review.gaps, r, 2))
    with qtbot.waitSignal(window.navigator.pageChanged):
        review.gaps.doubleClicked.emit(review.gaps.model().index(row, 0))
    page = window.navigator.current_page()
    assert isinstance(page, SectionPage) and page.section.id == editor.item.section.id
    target = next(e for p in page.panels for e in p.editors if e.key == editor.key)
    qtbot.waitUntil(lambda: target.state.hasFocus())


def test_next_and_back_skip_out_of_scope_sections(qtbot: Any, window: MainWindow) -> None:
    hidden = section_indexes(window, in_scope=False)
    assert hidden, "the blank profile leaves some section out of scope"
    skipped = hidden[0]
    window.navigator.go_to(skipped - 1)
    qtbot.mouseClick(window.navigator.next_button, Qt.MouseButton.LeftButton)
    assert window.navigator.stack.currentIndex() > skipped
    assert window.navigator.in_scope(window.navigator.stack.currentIndex())
    window.navigator.go_to(skipped + 1)
    while not window.navigator.in_scope(window.navigator.stack.currentIndex()):
        window.navigator.go_next()
    qtbot.mouseClick(window.navigator.back_button, Qt.MouseButton.LeftButton)
    assert window.navigator.stack.currentIndex() < skipped
    assert window.navigator.in_scope(window.navigator.stack.currentIndex())
    # The side list still jumps there, and the page says it is out of scope.
    window.navigator.nav.setCurrentRow(skipped)
    page = window.navigator.current_page()
    assert isinstance(page, SectionPage)
    assert "out of scope" in window.navigator.nav.item(skipped).text()
    assert page.out_of_scope.isVisible()


def test_keyboard_only_navigation(qtbot: Any, window: MainWindow) -> None:
    first = section_indexes(window)[0]
    window.navigator.go_to(0)
    window.menus.next_action.trigger()
    assert window.navigator.stack.currentIndex() == first
    editor = first_editor(window)
    editor.state.setFocus()
    qtbot.waitUntil(editor.state.hasFocus)
    # The answer is a group of radio buttons: the arrow key moves to the next state and answers.
    qtbot.keyClick(editor.state.focusProxy(), Qt.Key.Key_Right)
    assert window.session is not None
    assert window.session.answer(editor.key).state is AnswerState.MET
    window.menus.back_action.trigger()
    assert window.navigator.stack.currentIndex() == 0


def test_review_action_goes_to_the_review_page_by_name(window: MainWindow) -> None:
    window.menus.review_action.trigger()
    assert window.navigator.current_page() is window.navigator.pages.review
