"""The review panel shown beside a requirement's editor.

Auditor mode: a verdict (not reviewed / accepted / needs more information / rejected), a comment
and an optional auditor-adjusted state; each edit emits ``verdictEdited(key, Verdict | None)``.
The panel never writes to the document itself, so the main window can route the edit through its
undo stack (e.g. ``veu_assess.review.apply_verdict``). Operator mode: the same verdict, read-only.

A verdict whose item changed after it was recorded is marked stale beside it (the owner passes
``stale``, e.g. ``Session.verdict_stale``; ``review.verdict_is_stale`` decides); in auditor mode
"Confirm for the changed answer" records the same verdict again for the item as it is now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QWidget

from veu_assess.model.assessment import AnswerState
from veu_assess.model.review import Verdict, VerdictState
from veu_assess.review import comment_required
from veu_assess.ui.a11y import control_name
from veu_assess.ui.labels import STATE_ORDER, state_label
from veu_assess.ui.widgets import BoundedTextEdit, error_style

MODES = ("auditor", "operator")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewPanel", text)


def verdict_marker(verdicts: list[Verdict | None]) -> str:
    """The verdicts of one card in a few words: "Accepted", "Not reviewed", "1 of 3 reviewed"."""
    texts = {
        VerdictState.ACCEPTED: _tr("Accepted"),
        VerdictState.NEEDS_INFO: _tr("Needs more information"),
        VerdictState.REJECTED: _tr("Rejected"),
    }
    given = [v for v in verdicts if v is not None]
    if not given:
        return _tr("Not reviewed")
    states = {v.state for v in given}
    if len(given) == len(verdicts) and len(states) == 1:
        return texts[given[0].state]
    if VerdictState.REJECTED in states:  # the worst verdict is never hidden in a count
        return _tr("{n} of {total} reviewed, rejected").format(n=len(given), total=len(verdicts))
    if VerdictState.NEEDS_INFO in states:
        return _tr("{n} of {total} reviewed, needs information").format(n=len(given), total=len(verdicts))
    return _tr("{n} of {total} reviewed").format(n=len(given), total=len(verdicts))


class ReviewPanel(QWidget):
    """One answer key's verdict; ``show_item`` loads it, edits come out as ``verdictEdited``."""

    verdictEdited = Signal(str, object)  # answer key, Verdict or None (verdict removed)
    reviewerNeeded = Signal()  # a verdict was chosen before the auditor said who they are

    def __init__(
        self,
        mode: str = "auditor",
        reviewer: str | Callable[[], str] = "",
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
        context: str = "",
        stale: Callable[[str], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._stale = stale
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        self._mode, self._today = mode, today
        # Asked at each edit: the auditor may set or change their name while the page is open.
        self._reviewer: Callable[[], str] = reviewer if callable(reviewer) else (lambda: reviewer)
        self._key = ""
        self._verdict: Verdict | None = None
        self._loading = False
        self.setAccessibleName(self.tr("Auditor's review"))
        form = QFormLayout(self)

        self.verdict = QComboBox()
        self.verdict.addItem(self.tr("Not reviewed"), None)
        for vst, text in self._verdict_texts().items():
            self.verdict.addItem(text, vst)
        self.verdict.setAccessibleName(control_name(context, self.tr("Verdict")))
        self.comment = BoundedTextEdit()
        # Four lines, not a text box's default half a page: the card stays as tall as its answer.
        lines = self.comment.fontMetrics().lineSpacing() * 4 + 2 * self.comment.frameWidth() + 8
        self.comment.setFixedHeight(lines)
        self.limit_note = QLabel()
        self.limit_note.setTextFormat(Qt.TextFormat.PlainText)
        self.limit_note.setWordWrap(True)
        self.limit_note.setStyleSheet(error_style(bold=False))
        self.limit_note.hide()
        self.comment.limitReached.connect(self._too_long)
        # Why a verdict was not recorded (no comment on a rejection, no reviewer), beside the fields.
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(error_style())
        self.problem.hide()
        self.comment.setAccessibleName(control_name(context, self.tr("Auditor's comment")))
        self.adjusted = QComboBox()
        self.adjusted.addItem(self.tr("Same as the operator's answer"), None)
        for st in STATE_ORDER:
            if st is not AnswerState.UNANSWERED:
                self.adjusted.addItem(state_label(st), st)
        self.adjusted.setAccessibleName(control_name(context, self.tr("Auditor-adjusted state")))
        # The longest choices ("Same as the operator's answer", and longer in Japanese) must not be
        # cut: size the combos to their contents, and let long rows put the label above the field.
        for combo in (self.verdict, self.adjusted):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            # On Linux a combo box's accessible name is its current text: the description says what it is.
            combo.setAccessibleDescription(combo.accessibleName())
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        # Stale: the item changed after the verdict. Reserved below the verdict, hidden until then.
        self.stale_note = QLabel(self.tr("Stale: the operator's answer changed after this verdict."))
        self.stale_note.setTextFormat(Qt.TextFormat.PlainText)
        self.stale_note.setWordWrap(True)
        self.stale_note.setStyleSheet(error_style())
        self.stale_note.hide()
        self.confirm = QPushButton(self.tr("Confirm for the changed answer"))
        self.confirm.setAccessibleName(control_name(context, self.confirm.text()))
        self.confirm.clicked.connect(self._confirm)
        self.confirm.hide()
        self.reviewed_by = QLabel()
        self.reviewed_by.setTextFormat(Qt.TextFormat.PlainText)
        # Two lines are kept for "Reviewed by … on …" even before a verdict: recording one moves nothing.
        self.reviewed_by.setWordWrap(True)
        self.reviewed_by.setMinimumHeight(2 * self.reviewed_by.fontMetrics().lineSpacing())

        if mode == "auditor":
            form.addRow(self.tr("Ver&dict"), self.verdict)
            form.addRow(self.stale_note)
            form.addRow(self.confirm)
            form.addRow(self.tr("&Comment"), self.comment)
            form.addRow(self.problem)
            form.addRow(self.limit_note)
            form.addRow(self.tr("&Adjusted state"), self.adjusted)
            form.addRow(self.reviewed_by)
            self.verdict.currentIndexChanged.connect(self._edited)
            self.adjusted.currentIndexChanged.connect(self._edited)
            self.comment.textChanged.connect(self._edited)
        else:
            # The operator sees the review but can never change it: plain labels, no editors.
            self.verdict_label, self.comment_label, self.adjusted_label = QLabel(), QLabel(), QLabel()
            # Read as they show; the form's row labels ("Verdict", "Comment") are their buddies.
            for label in (self.verdict_label, self.comment_label, self.adjusted_label):
                label.setWordWrap(True)
                label.setTextFormat(Qt.TextFormat.PlainText)  # the comment comes from a file: never markup
            form.addRow(self.tr("Verdict"), self.verdict_label)
            form.addRow(self.stale_note)
            form.addRow(self.tr("Comment"), self.comment_label)
            form.addRow(self.tr("Adjusted state"), self.adjusted_label)
            form.addRow(self.reviewed_by)
            for w in (self.verdict, self.comment, self.adjusted):
                w.hide()
        self.setEnabled(False)  # nothing to review until show_item

    def _verdict_texts(self) -> dict[VerdictState, str]:
        return {
            VerdictState.ACCEPTED: self.tr("Accepted"),
            VerdictState.NEEDS_INFO: self.tr("Needs more information"),
            VerdictState.REJECTED: self.tr("Rejected"),
        }

    @property
    def mode(self) -> str:
        return self._mode

    @property
    def key(self) -> str:
        return self._key

    def show_item(self, key: str, verdict: Verdict | None) -> None:
        """Show ``key``'s verdict without emitting ``verdictEdited``."""
        self._key, self._verdict = key, verdict
        self._loading = True
        try:
            self.verdict.setCurrentIndex(self.verdict.findData(verdict.state if verdict else None))
            self.comment.setPlainText(verdict.comment if verdict else "")
            self.adjusted.setCurrentIndex(self.adjusted.findData(verdict.adjusted_state if verdict else None))
        finally:
            self._loading = False
        self.problem.hide()
        self._refresh_labels()
        self.refresh_stale()
        self.setEnabled(True)

    def is_stale(self) -> bool:
        return self._verdict is not None and self._stale is not None and self._stale(self._key)

    def refresh_stale(self) -> None:
        """Show or hide the stale marker for the document as it is now (after an answer changed)."""
        stale = self.is_stale()
        self.stale_note.setVisible(stale)
        self.confirm.setVisible(stale and self._mode == "auditor")

    def _confirm(self) -> None:
        """Record the verdict again, as is, for the item as it is now (by whoever reviews now)."""
        if self._verdict is None or not self._key:
            return
        reviewer = self._reviewer()
        if not reviewer:
            self._hold(self.tr("Set your name as reviewer first (the button at the top of the page): every "
                               "verdict records who gave it."))
            self.reviewerNeeded.emit()
            return
        self._verdict = self._verdict.model_copy(update={"item_digest": None, "reviewer": reviewer,
                                                         "date": self._today()})
        self._refresh_labels()
        self.verdictEdited.emit(self._key, self._verdict)
        self.refresh_stale()

    def _too_long(self, limit: int) -> None:
        self.limit_note.setText(self.tr("A comment can be at most {n} characters; the rest of what you pasted "
                                        "was not kept.").format(n=f"{limit:,}"))
        self.limit_note.show()

    def current_verdict(self) -> Verdict | None:
        return self._verdict

    def _edited(self) -> None:
        if self._loading or not self._key:
            return
        state = self.verdict.currentData()
        self.comment.setEnabled(state is not None)
        self.adjusted.setEnabled(state is not None)
        if state is None:
            self.problem.hide()
            self._verdict = None
            self._refresh_labels()
            self.verdictEdited.emit(self._key, None)
            self.refresh_stale()
            return
        reviewer = self._reviewer()
        if not reviewer:
            self.show_item(self._key, self._verdict)  # nothing can be recorded: show what is
            self._hold(self.tr("Set your name as reviewer first (the button at the top of the page): every "
                               "verdict records who gave it."))
            self.reviewerNeeded.emit()
            return
        comment = self.comment.toPlainText()
        if comment_required(state) and not comment.strip():
            # Not recorded (a recorded verdict keeps its comment) until the comment says why.
            self._hold(self.tr("“{verdict}” needs a comment: say what is wrong or what to send. The verdict "
                               "is recorded once the comment is written.").format(
                verdict=self._verdict_texts()[state]))
            if not self.comment.hasFocus():
                self.comment.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.problem.hide()
        self._verdict = Verdict(
            state=state,
            comment=comment,
            adjusted_state=self.adjusted.currentData(),
            reviewer=reviewer,
            date=self._today(),
        )
        self._refresh_labels()
        self.verdictEdited.emit(self._key, self._verdict)
        self.refresh_stale()  # the owner has recorded it for the item as it is now

    def _hold(self, message: str) -> None:
        """Refuse to record the edit: say why beside the fields; the document keeps its verdict."""
        self.problem.setText(message)
        self.problem.show()

    def _refresh_labels(self) -> None:
        v = self._verdict
        reviewed = ""
        if v is not None and (v.reviewer or v.date):
            reviewed = self.tr("Reviewed by {name} on {date}").format(
                name=v.reviewer or self.tr("(no name)"), date=v.date.isoformat() if v.date else "—"
            )
        self.reviewed_by.setText(reviewed)
        if self._mode == "auditor":
            chosen = self.verdict.currentData() is not None  # a held verdict still takes its comment
            self.comment.setEnabled(chosen)
            self.adjusted.setEnabled(chosen)
            return
        self.verdict_label.setText(self._verdict_texts()[v.state] if v else self.tr("Not reviewed yet"))
        self.comment_label.setText(v.comment if v and v.comment else "—")
        adjusted = v.adjusted_state if v else None
        self.adjusted_label.setText(state_label(adjusted) if adjusted else "—")
