"""Review mode basics in the real window, with real keys and clicks: the auditor says who they are
once and every verdict names them; Rejected and Needs more information are refused without a
comment (the reason shows beside the field); the sign-off dialog shows the verdict coverage and
warns below full coverage."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.ui.helpers import first_editor
from veu_assess.catalog.loader import Catalog
from veu_assess.model.review import Verdict, VerdictState
from veu_assess.storage.document import new_document
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.review import ReviewPanel
from veu_assess.ui.section_page import SectionPage
from veu_assess.ui.session import Session
from veu_assess.ui.settings import UiSettings


def _review_window(qtbot: Any, window: MainWindow, catalog: Catalog) -> tuple[SectionPage, ReviewPanel, str]:
    window.set_session(Session(catalog, new_document(catalog, title="Review"), review_mode=True))
    window.activateWindow()
    editor = first_editor(window)
    page = window.navigator.current_page()
    assert isinstance(page, SectionPage)
    panel = next(p for p in page.panels if p.editor(editor.key) is not None).review_panel(editor.key)
    assert panel is not None
    return page, panel, editor.key


KEYS = {  # the verdict box lists: Not reviewed, Accepted, Needs more information, Rejected
    None: [Qt.Key.Key_Home],
    VerdictState.ACCEPTED: [Qt.Key.Key_Home, Qt.Key.Key_Down],
    VerdictState.NEEDS_INFO: [Qt.Key.Key_End, Qt.Key.Key_Up],
    VerdictState.REJECTED: [Qt.Key.Key_End],
}


def _choose_with_keys(qtbot: Any, page: SectionPage, panel: ReviewPanel, state: VerdictState | None) -> None:
    """Focus the verdict box and move to ``state`` with the keys, as a keyboard user does."""
    window = panel.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.ensureWidgetVisible(panel.verdict)
    panel.verdict.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(panel.verdict.hasFocus)
    for key in KEYS[state]:
        qtbot.keyClick(panel.verdict, key)


def test_reviewer_is_set_once_and_named_in_every_verdict(qtbot: Any, window: MainWindow, catalog: Catalog) -> None:
    page, panel, key = _review_window(qtbot, window, catalog)
    session = window.session
    assert session is not None and page.banner is not None
    assert page.banner.isVisible() and "Set your name" in page.banner.text.text()

    # A verdict before the reviewer is known: refused, said beside it, and the dialog asks.
    with qtbot.waitSignal(page.banner.dialogOpened) as opened:
        _choose_with_keys(qtbot, page, panel, VerdictState.ACCEPTED)
    assert session.verdict(key) is None and panel.verdict.currentData() is None
    assert panel.problem.isVisible() and "reviewer" in panel.problem.text()
    dialog = opened.args[0]
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a name is required
    dialog.name.setFocus()
    qtbot.waitUntil(dialog.name.hasFocus)
    qtbot.keyClicks(dialog.name, "Aiko Auditor")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    qtbot.waitUntil(dialog.organisation.hasFocus)
    qtbot.keyClicks(dialog.organisation, "Audit KK")
    with qtbot.waitSignal(session.reviewerChanged):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert session.reviewer() == "Aiko Auditor (Audit KK)"
    assert "Aiko Auditor (Audit KK)" in page.banner.text.text()
    assert UiSettings().reviewer() == ("Aiko Auditor", "Audit KK")  # remembered for the next file

    _choose_with_keys(qtbot, page, panel, VerdictState.ACCEPTED)
    verdict = session.verdict(key)
    assert verdict is not None and verdict.state is VerdictState.ACCEPTED
    assert verdict.reviewer == "Aiko Auditor (Audit KK)" and verdict.date is not None
    assert panel.reviewed_by.text().startswith("Reviewed by Aiko Auditor (Audit KK) on ")
    assert "(no name)" not in panel.reviewed_by.text()
    assert panel.problem.isHidden()


def test_rejected_and_needs_info_are_refused_without_a_comment(qtbot: Any, window: MainWindow,
                                                               catalog: Catalog) -> None:
    page, panel, key = _review_window(qtbot, window, catalog)
    session = window.session
    assert session is not None
    session.set_reviewer("Aiko Auditor", "")
    for state in (VerdictState.REJECTED, VerdictState.NEEDS_INFO):
        panel.comment.clear()
        _choose_with_keys(qtbot, page, panel, None)
        assert session.verdict(key) is None
        _choose_with_keys(qtbot, page, panel, state)
        assert session.verdict(key) is None  # refused: no comment
        assert panel.problem.isVisible() and "needs a comment" in panel.problem.text()
        qtbot.waitUntil(panel.comment.hasFocus)  # the user is led to the field that is missing
        qtbot.keyClicks(panel.comment, "Attach the signed policy")
        verdict = session.verdict(key)
        assert verdict is not None and verdict.state is state and verdict.comment == "Attach the signed policy"
        assert verdict.reviewer == "Aiko Auditor"
        assert panel.problem.isHidden()
    # Emptying the comment of a rejection is refused too: the recorded comment stays.
    qtbot.keyClick(panel.comment, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(panel.comment, Qt.Key.Key_Delete)
    verdict = session.verdict(key)
    assert verdict is not None and verdict.comment == "Attach the signed policy"
    assert panel.problem.isVisible()


def test_sign_off_shows_coverage_and_warns_below_full(qtbot: Any, window: MainWindow, catalog: Catalog) -> None:
    _page, _panel, key = _review_window(qtbot, window, catalog)
    session = window.session
    assert session is not None
    session.set_verdict(key, Verdict(state=VerdictState.ACCEPTED, reviewer="Aiko Auditor"))
    items = [it.key for it in session.result.items]
    dialog = window.show_sign_off()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.coverage_summary.text() == f"Verdicts recorded: 1 of {len(items)} items in scope"
    sections = {it.section.id for it in session.result.items}
    assert dialog.coverage_table.rowCount() == len(sections)
    cells = [dialog.coverage_table.item(r, 1).text() for r in range(dialog.coverage_table.rowCount())]
    assert sum(int(c.split(" / ")[0]) for c in cells) == 1
    assert sum(int(c.split(" / ")[1]) for c in cells) == len(items)
    assert dialog.coverage_warning.isVisible()
    assert f"{len(items) - 1} items in scope have no verdict" in dialog.coverage_warning.text()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.name.setFocus()
    qtbot.keyClick(dialog.name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.name, "Aiko Auditor")
    assert not ok.isEnabled()  # below full coverage, signing needs its own confirmation
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter does not get round it
    assert not session.document.review.signoffs and dialog.isVisible()
    qtbot.mouseClick(dialog.confirm_coverage, Qt.MouseButton.LeftButton)
    assert dialog.confirm_coverage.isChecked() and ok.isEnabled()
    with qtbot.waitSignal(dialog.signedOff):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert len(session.document.review.signoffs) == 1


def test_sign_off_with_full_coverage_has_no_warning(qtbot: Any, window: MainWindow, catalog: Catalog) -> None:
    _review_window(qtbot, window, catalog)
    session = window.session
    assert session is not None
    for it in session.result.items:
        session.set_verdict(it.key, Verdict(state=VerdictState.ACCEPTED, reviewer="Aiko Auditor"), merge=False)
    dialog = window.show_sign_off()
    assert dialog is not None
    n = len(session.result.items)
    assert dialog.coverage_summary.text() == f"Verdicts recorded: {n} of {n} items in scope"
    assert not hasattr(dialog, "coverage_warning") and dialog.confirm_coverage.isHidden()
    dialog.name.setText("Aiko Auditor")
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.reject()
    QApplication.processEvents()


def test_adjusted_readiness_is_shown_beside_the_operators(qtbot: Any, window: MainWindow, catalog: Catalog) -> None:
    from veu_assess.engine.scoring import evaluate
    from veu_assess.model.assessment import Answer, AnswerState

    doc = new_document(catalog, title="All met")
    for it in evaluate(catalog, doc.assessment).items:
        doc.assessment.answers[it.key] = Answer(state=AnswerState.MET)
    window.set_session(Session(catalog, doc, review_mode=True))
    window.activateWindow()
    session = window.session
    assert session is not None
    session.set_reviewer("Aiko Auditor", "Audit KK")
    qtbot.waitUntil(window.navigator.pages.summary.isVisible)  # shown by the layout once events run
    operator_score = window.navigator.pages.summary.score.text()
    assert window.navigator.pages.summary.adjusted.isHidden()
    gate = next(it for it in session.result.items if it.requirement.gate)
    page = window.navigator.pages[next(i for i, p in enumerate(window.navigator.pages)
                             if isinstance(p, SectionPage) and p.section.id == gate.section.id)]
    window.navigator.go_to(window.navigator.pages.index(page))
    assert isinstance(page, SectionPage)
    panel = next(p for p in page.panels if p.editor(gate.key) is not None).review_panel(gate.key)
    assert panel is not None
    _choose_with_keys(qtbot, page, panel, VerdictState.REJECTED)
    qtbot.keyClicks(panel.comment, "The policy is not signed")
    page.ensureWidgetVisible(panel.adjusted)
    panel.adjusted.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(panel.adjusted.hasFocus)
    qtbot.keyClick(panel.adjusted, Qt.Key.Key_Home)
    for _ in range(3):  # Same as the operator's answer, Met, Partially met, Not met
        qtbot.keyClick(panel.adjusted, Qt.Key.Key_Down)
    verdict = session.verdict(gate.key)
    assert verdict is not None and verdict.adjusted_state is AnswerState.NOT_MET
    assert window.navigator.pages.summary.adjusted.isVisible()
    text = window.navigator.pages.summary.adjusted.text()
    assert text.startswith("Auditor-adjusted: ") and "gates failed: 1" in text
    assert window.navigator.pages.summary.level.text() not in text  # the operator's level is not the adjusted one
    assert window.navigator.pages.summary.score.text() == operator_score  # the operator's figures stay as they were
    assert session.result.gates_failed == []
    # Clearing the adjusted state takes the second figure away again.
    qtbot.keyClick(panel.adjusted, Qt.Key.Key_Home)
    assert window.navigator.pages.summary.adjusted.isHidden()


def test_go_to_item_focuses_the_answer_text_in_review_mode(qtbot: Any, window: MainWindow, catalog: Catalog) -> None:
    _page, _panel, key = _review_window(qtbot, window, catalog)
    window.navigator.go_to(0)
    window.navigator.go_to_item(key)
    editor = first_editor(window)
    assert editor.key == key
    qtbot.waitUntil(editor.state.text.hasFocus)
    assert editor.state.text.isVisible() and editor.state.text.text() == "Not answered"
    assert key.split("@")[0] in editor.state.text.accessibleName()
