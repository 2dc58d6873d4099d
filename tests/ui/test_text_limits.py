"""Texts longer than the file format allows (a pasted log) are cut at the limit with a note, never
turned into a validation error; refused profile edits are explained in the user's words."""

from __future__ import annotations

from typing import Any

from veu_assess.model.assessment import MAX_SHORT, MAX_TEXT
from veu_assess.model.review import VerdictState
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.profile_page import ProfilePage
from veu_assess.ui.review import ReviewPanel
from veu_assess.ui.widgets import BoundedTextEdit

from .helpers import first_editor

LONG = "log line 0123456789\n" * (MAX_TEXT // 20 + 50)  # just over the limit


def test_bounded_text_edit_cuts_and_says_so(qtbot: Any) -> None:
    box = BoundedTextEdit(max_chars=10)
    qtbot.addWidget(box)
    seen: list[str] = []
    box.textChanged.connect(lambda: seen.append(box.toPlainText()))
    with qtbot.waitSignal(box.limitReached) as sig:
        box.setPlainText("0123456789abc")
    assert sig.args == [10] and box.toPlainText() == "0123456789"
    assert seen == ["0123456789"]  # later slots never see the overlong text
    with qtbot.assertNotEmitted(box.limitReached):
        box.setPlainText("short")


def test_overlong_notes_are_kept_up_to_the_limit(qtbot: Any, window: MainWindow) -> None:
    editor = first_editor(window)
    editor.notes.setPlainText(LONG)
    assert window.session is not None
    notes = window.session.answer(editor.key).notes
    assert len(notes) == MAX_TEXT and LONG.startswith(notes)
    qtbot.waitUntil(lambda: not editor.warning.isHidden())
    assert "at most 100,000 characters" in editor.warning.text()


def test_overlong_review_comment_does_not_fail(qtbot: Any) -> None:
    panel = ReviewPanel("auditor", reviewer="Ken")
    qtbot.addWidget(panel)
    panel.show_item("ELIG-01", None)
    panel.verdict.setCurrentIndex(panel.verdict.findData(VerdictState.NEEDS_INFO))
    with qtbot.waitSignal(panel.verdictEdited) as sig:
        panel.comment.setPlainText(LONG)
    assert sig.args is not None and len(sig.args[1].comment) == MAX_TEXT
    assert not panel.limit_note.isHidden()


def test_profile_fields_stop_at_the_limit_and_errors_are_explained(window: MainWindow) -> None:
    page = window.navigator.pages[0]
    assert isinstance(page, ProfilePage)
    assert page.name.maxLength() == MAX_SHORT
    page.add_site_button.click()
    page.site_id.setText("Tokyo 1")  # upper case and a space: not a valid id
    page.site_id.editingFinished.emit()
    assert not page.site_error.isHidden()
    assert "lower-case letters, digits or hyphens" in page.site_error.text()
    assert "String should match" not in page.site_error.text()
