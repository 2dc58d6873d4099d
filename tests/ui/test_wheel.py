"""The mouse wheel never changes an answer: it scrolls the page. Answers are radio buttons (one
click, arrow keys); the combo boxes left on a scrolling page take the wheel only when focused.

Wheel events are sent to the window, as the platform sends them: Qt finds the widget under the
pointer itself, so the test sees what a user's wheel does.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from tests.ui.helpers import first_editor
from veu_assess.model.assessment import AnswerState
from veu_assess.storage.document import new_document
from veu_assess.ui.labels import STATE_ORDER
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.profile_page import ProfilePage
from veu_assess.ui.section_page import SectionPage
from veu_assess.ui.session import Session


def wheel_over(widget: QWidget, steps: int = -3) -> None:
    """Turn the wheel ``steps`` notches (negative: towards the user) with the pointer on ``widget``,
    through the window system's queue (as a spontaneous event, like a real wheel)."""
    window = widget.window()
    handle = window.windowHandle()
    assert handle is not None
    local = widget.mapTo(window, QPoint(widget.width() // 2, widget.height() // 2))
    assert window.childAt(local) is widget or widget.isAncestorOf(window.childAt(local))
    QTest.wheelEvent(handle, QPointF(local), QPoint(0, 120 * steps))
    QApplication.processEvents()


def _scroll_area(widget: QWidget) -> QScrollArea:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    assert parent is not None
    return parent


def test_wheel_over_answer_buttons_scrolls_and_changes_nothing(qtbot: Any, window: MainWindow) -> None:
    window.resize(1024, 700)
    editor = first_editor(window)
    session = window.session
    assert session is not None
    page = _scroll_area(editor)
    assert isinstance(page, SectionPage)
    page.ensureWidgetVisible(editor.state, 0, 0)
    qtbot.wait(10)
    before = session.answer(editor.key)
    bar = page.verticalScrollBar()
    assert bar.maximum() > 0  # the page scrolls at this size: the wheel has somewhere to go
    for state in (AnswerState.PARTIALLY_MET, AnswerState.NOT_MET, AnswerState.MET):
        button = editor.state.buttons[STATE_ORDER.index(state)]
        page.ensureWidgetVisible(button, 0, 0)
        qtbot.wait(10)
        start = bar.value()
        assert not button.hasFocus()
        steps = -1 if start < bar.maximum() else +1
        wheel_over(button, steps)
        assert session.answer(editor.key) == before  # no answer was set by the wheel
        assert not button.isChecked()
        assert bar.value() != start  # the page scrolled instead


def test_a_click_sets_the_answer_and_the_score(qtbot: Any, window: MainWindow) -> None:
    editor = first_editor(window)
    session = window.session
    assert session is not None
    page = _scroll_area(editor)
    page.ensureWidgetVisible(editor.state)
    completeness = session.result.completeness
    met = editor.state.buttons[STATE_ORDER.index(AnswerState.MET)]
    with qtbot.waitSignal(session.resultChanged):
        qtbot.mouseClick(met, Qt.MouseButton.LeftButton)
    assert session.answer(editor.key).state is AnswerState.MET
    assert session.result.completeness > completeness  # the score follows the click
    # Arrow keys move within the group and answer as they go; the focus stays in the group.
    assert met.hasFocus()
    qtbot.keyClick(met, Qt.Key.Key_Right)
    assert session.answer(editor.key).state is AnswerState.PARTIALLY_MET
    assert editor.state.buttons[STATE_ORDER.index(AnswerState.PARTIALLY_MET)].hasFocus()


def test_answer_buttons_name_their_requirement_and_site(qtbot: Any, window: MainWindow) -> None:
    editor = first_editor(window)
    rid = editor.item.requirement.id
    names = [b.accessibleName() for b in editor.state.buttons]
    assert all(rid in name for name in names), names
    assert names[1].startswith(editor.state.buttons[1].text())  # what is seen is what is heard


def test_wheel_over_unfocused_profile_combo_changes_nothing(qtbot: Any, window: MainWindow) -> None:
    window.resize(1024, 700)
    window.navigator.go_to(0)
    page = window.navigator.pages[0]
    assert isinstance(page, ProfilePage)
    combo = page.destination
    page.ensureWidgetVisible(combo)
    qtbot.wait(10)
    assert not combo.hasFocus()
    wheel_over(combo, -2)
    assert combo.currentIndex() == 0
    assert window.session is not None and window.session.document.assessment.profile.destination_country == ""
    # With the focus (a click, or Tab), the wheel chooses again, as in any combo box.
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(combo.hasFocus)
    wheel_over(combo, -1)
    assert combo.currentIndex() == 1


def test_wheel_over_unfocused_verdict_combo_changes_nothing(qtbot: Any, window: MainWindow, catalog: Any) -> None:
    window.set_session(Session(catalog, new_document(catalog, title="Review"), review_mode=True))
    assert window.session is not None
    window.session.set_reviewer("Aiko Auditor", "")  # verdicts are recorded only with a reviewer
    window.resize(1024, 700)
    editor = first_editor(window)
    page = _scroll_area(editor)
    assert isinstance(page, SectionPage)
    panel = next(p for p in page.panels if p.editor(editor.key) is not None).review_panel(editor.key)
    assert panel is not None
    for combo in (panel.verdict, panel.adjusted):
        page.ensureWidgetVisible(combo)
        qtbot.wait(10)
        before = combo.currentIndex()
        wheel_over(combo, -1)
        assert combo.currentIndex() == before
    assert window.session is not None and window.session.verdict(editor.key) is None
    window.activateWindow()
    panel.verdict.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(panel.verdict.hasFocus)
    wheel_over(panel.verdict, -1)
    assert panel.verdict.currentIndex() == 1  # focused, it takes the wheel (the guard is not a lock)
