"""Answer editing: N/A needs a justification, undo/redo, typing merges into one undo step."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from tests.ui.helpers import choose, first_editor
from veu_assess.model.assessment import AnswerState
from veu_assess.ui.main_window import MainWindow


def test_not_applicable_is_blocked_without_justification(qtbot: Any, window: MainWindow) -> None:
    editor = first_editor(window)
    assert window.session is not None
    with qtbot.waitSignal(editor.blocked):
        choose(editor, AnswerState.NOT_APPLICABLE)
    assert window.session.answer(editor.key).state is AnswerState.UNANSWERED
    assert editor.state.currentData() == AnswerState.UNANSWERED  # the control shows what is recorded
    assert editor.warning.isVisible() and "justification" in editor.warning.text()
    qtbot.waitUntil(editor.justification.hasFocus)

    qtbot.keyClicks(editor.justification, "No such equipment at this site")
    with qtbot.waitSignal(window.session.resultChanged):
        choose(editor, AnswerState.NOT_APPLICABLE)
    answer = window.session.answer(editor.key)
    assert answer.state is AnswerState.NOT_APPLICABLE
    assert answer.justification == "No such equipment at this site"
    assert not editor.warning.isVisible()

    # Clearing the justification of an N/A answer is refused too; the recorded one stays.
    with qtbot.waitSignal(editor.blocked):
        editor.justification.clear()
    assert window.session.answer(editor.key).justification == "No such equipment at this site"
    assert editor.warning.isVisible()


def test_undo_redo_of_answer_edits(qtbot: Any, window: MainWindow) -> None:
    editor = first_editor(window)
    session = window.session
    assert session is not None
    choose(editor, AnswerState.MET)
    choose(editor, AnswerState.PARTIALLY_MET)
    qtbot.keyClicks(editor.notes, "abc")
    assert session.answer(editor.key).notes == "abc"
    assert session.undo_stack.count() == 3  # two state changes, one merged typing step

    window.menus.undo_action.trigger()
    assert session.answer(editor.key).notes == ""
    assert editor.notes.toPlainText() == ""
    window.menus.undo_action.trigger()
    assert session.answer(editor.key).state is AnswerState.MET
    assert editor.state.currentData() == AnswerState.MET
    window.menus.redo_action.trigger()
    assert session.answer(editor.key).state is AnswerState.PARTIALLY_MET
    window.menus.undo_action.trigger()
    window.menus.undo_action.trigger()
    assert session.answer(editor.key).state is AnswerState.UNANSWERED
    assert not window.isWindowModified()  # back at the clean state

    # The standard shortcuts reach the same actions.
    assert QKeySequence(QKeySequence.StandardKey.Undo) in window.menus.undo_action.shortcuts()
    window.menus.redo_action.trigger()
    assert session.answer(editor.key).state is AnswerState.MET
    window.navigator.nav.setFocus()
    qtbot.keyClick(window.navigator.nav, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.answer(editor.key).state is AnswerState.UNANSWERED


def test_review_flag_owner_and_due_for_gaps(qtbot: Any, window: MainWindow) -> None:
    editor = first_editor(window)
    session = window.session
    assert session is not None
    assert not editor.remediation.isVisibleTo(editor)
    choose(editor, AnswerState.NOT_MET)
    assert editor.remediation.isVisibleTo(editor)
    qtbot.keyClicks(editor.owner, "Security lead")
    editor.has_due.setChecked(True)
    editor.review.setChecked(True)
    answer = session.answer(editor.key)
    assert answer.owner == "Security lead" and answer.due is not None and answer.marked_for_review
    gap = next(g for g in session.result.gaps if g.item.key == editor.key)
    assert gap.answer.owner == "Security lead"
    choose(editor, AnswerState.MET)
    assert not editor.remediation.isVisibleTo(editor)


def test_japanese_text_in_answers(qtbot: Any, window: MainWindow) -> None:
    editor = first_editor(window)
    assert window.session is not None
    text = "監視カメラの記録は九十日間保管する。入退室管理は二要素認証で行う。"
    editor.notes.setPlainText(text)  # keyClicks with non-ASCII text aborts Qt's test library
    assert window.session.answer(editor.key).notes == text
