"""The GUI tests' dialog recorder: a message the test never looked at is reported, one it read
(and so declared expected) is not; a question nobody queued an answer for fails at once."""

from __future__ import annotations

import pytest

from tests.ui.conftest import DialogLog


def test_an_unread_message_is_unexpected_until_the_test_reads_it() -> None:
    log = DialogLog()
    assert log.unexpected() == []
    log.shown_errors.append(("Cannot open a.veua", "damaged"))
    log.shown_infos.append(("Saved", "ok"))
    assert log.unexpected() == [("Cannot open a.veua", "damaged"), ("Saved", "ok")]
    assert log.errors == [("Cannot open a.veua", "damaged")]
    assert log.unexpected() == [("Saved", "ok")]
    assert log.infos == [("Saved", "ok")]
    assert log.unexpected() == []
    log.shown_errors.append(("Cannot save", "disk full"))  # shown after the test last looked
    assert log.unexpected() == [("Cannot save", "disk full")]


def test_a_question_without_a_queued_answer_fails() -> None:
    log = DialogLog(answers={"yes_no": [True]})
    assert log.reply("yes_no") is True
    with pytest.raises(AssertionError, match="unexpected dialog: yes_no"):
        log.reply("yes_no")
