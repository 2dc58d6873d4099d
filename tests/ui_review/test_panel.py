"""ReviewPanel: the auditor edits a verdict (emitted, applied to doc.review only); the operator reads it."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from veu_assess.catalog.loader import Catalog
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.model.review import Verdict, VerdictState
from veu_assess.review import apply_verdict
from veu_assess.storage.digest import item_digest
from veu_assess.storage.document import Document
from veu_assess.ui.review import ReviewPanel

DAY = dt.date(2026, 12, 2)


@pytest.fixture
def rid(catalog: Catalog) -> str:
    return next(r.id for _, r in catalog.iter_requirements())


def test_auditor_records_a_verdict_without_touching_the_answer(
    qtbot: QtBot, document: Document, catalog: Catalog, rid: str
) -> None:
    document.assessment.set_answer(rid, Answer(state=AnswerState.MET, notes="signed policy"))
    answers, digest = document.assessment.model_dump(), document.digest()
    panel = ReviewPanel("auditor", reviewer="Ken Auditor", today=lambda: DAY)
    qtbot.addWidget(panel)
    panel.verdictEdited.connect(lambda key, v: apply_verdict(document, key, v, catalog))

    with qtbot.assertNotEmitted(panel.verdictEdited):
        panel.show_item(rid, None)
    assert panel.verdict.currentText() == "Not reviewed" and not panel.comment.isEnabled()

    # Rejected is held until its comment says why: nothing is recorded, the reason shows beside it.
    with qtbot.assertNotEmitted(panel.verdictEdited):
        panel.verdict.setCurrentIndex(panel.verdict.findData(VerdictState.REJECTED))
    assert panel.comment.isEnabled() and not panel.problem.isHidden() and "needs a comment" in panel.problem.text()
    assert rid not in document.review.verdicts

    with qtbot.waitSignal(panel.verdictEdited) as sig:
        panel.comment.setPlainText("署名がありません")
    assert sig.args is not None and sig.args[0] == rid
    judged = item_digest(document.assessment.answers[rid])  # stamped when recorded: the item it judged
    assert sig.args[1] == Verdict(state=VerdictState.REJECTED, comment="署名がありません", reviewer="Ken Auditor",
                                  date=DAY, item_digest=judged)
    assert panel.problem.isHidden()
    with qtbot.waitSignal(panel.verdictEdited):
        panel.adjusted.setCurrentIndex(panel.adjusted.findData(AnswerState.NOT_MET))
    assert document.review.verdicts[rid] == Verdict(state=VerdictState.REJECTED, comment="署名がありません",
                                                    adjusted_state=AnswerState.NOT_MET,
                                                    reviewer="Ken Auditor", date=DAY, item_digest=judged)
    assert panel.reviewed_by.text() == "Reviewed by Ken Auditor on 2026-12-02"
    assert document.assessment.model_dump() == answers and document.digest() == digest

    with qtbot.waitSignal(panel.verdictEdited) as sig:
        panel.verdict.setCurrentIndex(0)
    assert sig.args == [rid, None] and rid not in document.review.verdicts


def test_show_item_loads_an_existing_verdict(qtbot: QtBot, rid: str) -> None:
    panel = ReviewPanel("auditor")
    qtbot.addWidget(panel)
    verdict = Verdict(state=VerdictState.NEEDS_INFO, comment="Send the log", adjusted_state=AnswerState.UNCERTAIN)
    panel.show_item(rid, verdict)
    assert panel.verdict.currentText() == "Needs more information"
    assert panel.comment.toPlainText() == "Send the log"
    assert panel.adjusted.currentText() == "Uncertain"
    assert panel.current_verdict() == verdict


def test_operator_mode_is_read_only(qtbot: QtBot, rid: str) -> None:
    panel = ReviewPanel("operator")
    qtbot.addWidget(panel)
    panel.show_item(rid, None)
    assert panel.verdict_label.text() == "Not reviewed yet"
    panel.show_item(rid, Verdict(state=VerdictState.REJECTED, comment="<b>no</b> evidence",
                                 reviewer="Ken", date=DAY))
    assert panel.verdict_label.text() == "Rejected"
    assert panel.comment_label.text() == "<b>no</b> evidence"  # shown as typed, never as markup
    assert panel.adjusted_label.text() == "—"
    assert all(w.isHidden() for w in (panel.verdict, panel.comment, panel.adjusted))
    with qtbot.assertNotEmitted(panel.verdictEdited):
        panel.verdict.setCurrentIndex(1)  # even if reached programmatically, nothing is recorded


def test_unknown_mode_is_refused(qtbot: QtBot) -> None:
    with pytest.raises(ValueError, match="mode must be one of auditor, operator"):
        ReviewPanel("admin")
