"""Answer editors, one per answerable item, chosen from the question type by ``EDITORS``.

Every editor shows the answer state, a justification (mandatory for "not applicable": the
state is refused until one is written), notes, mark for review, remediation owner and due date
for gaps, and the evidence list. Inventory and calendar questions add their calculator.
Editors write through the session (undoable) and re-read the model on ``answerChanged``.
"""

from __future__ import annotations

import datetime as dt

from pydantic import ValidationError
from PySide6.QtCore import QDate, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from veu_assess.catalog.schema import QuestionType
from veu_assess.engine.scoring import GAP_STATES
from veu_assess.engine.visibility import Item
from veu_assess.model.assessment import MAX_SHORT, Answer, AnswerState
from veu_assess.ui.a11y import announce, control_name, item_context, name_controls
from veu_assess.ui.answer_choice import AnswerChoice
from veu_assess.ui.bom_editor import BomEditor
from veu_assess.ui.calculators import CalendarPanel, InventoryEditor
from veu_assess.ui.evidence import EvidenceList
from veu_assess.ui.explain import state_tip
from veu_assess.ui.labels import STATE_ORDER
from veu_assess.ui.readonly import make_read_only
from veu_assess.ui.session import Session
from veu_assess.ui.widgets import BoundedTextEdit, date_edit, error_style, show_start


class TextBox(BoundedTextEdit):
    """A few lines high, grows with the font (no fixed pixel sizes); Tab moves focus; at most
    the format's length for a free text."""

    def __init__(self, lines: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self._lines = lines
        self.setSizePolicy(self.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        base = super().sizeHint()
        height = self.fontMetrics().lineSpacing() * self._lines + 2 * self.frameWidth() + 8
        return QSize(base.width(), height)

    def minimumSizeHint(self) -> QSize:
        # A scroll area's own minimum (room for two scroll bars) made every box twice its lines.
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())


class AnswerEditor(QWidget):
    """The answer to one item (a requirement, or a requirement at one site)."""

    blocked = Signal(str)  # an edit was refused; the message is shown beside the editor

    def __init__(self, session: Session, item: Item, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.item, self.key, self.lang = session, item, item.key, lang
        self._loading = False
        self._described: QWidget | None = None  # the field that carries the warning as its description
        name = item.requirement.title.get(lang) + (f" — {item.site_id}" if item.site_id else "")
        self.setAccessibleName(self.tr("Answer to {name}").format(name=name))
        # Every control says which requirement (and site) it belongs to: "ELIG-01 The data… Campus 1 — Notes".
        sites = {s.id: s.name for s in session.document.assessment.profile.sites}
        site = (sites.get(item.site_id) or item.site_id) if item.site_id else ""
        self.context = item_context(item.requirement.id, item.requirement.title.get(lang), site)

        self.state = AnswerChoice(self.context)
        self.state.setAccessibleName(control_name(self.context, self.tr("&Answer:").rstrip(":：")))
        self.state.currentIndexChanged.connect(self._state_chosen)
        for state, button in zip(STATE_ORDER, self.state.buttons, strict=True):
            button.setToolTip(state_tip(state, session.catalog))  # what each answer does to the score

        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(error_style())
        self.warning.hide()

        self.justification = TextBox(2)
        self.justification.setAccessibleName(control_name(self.context, self.tr("Justification")))
        self.justification.setPlaceholderText(self.tr("Why this answer? Required for Not applicable."))
        self.justification.textChanged.connect(self._justification_edited)
        self.notes = TextBox(2)
        self.justification.limitReached.connect(lambda n: self._too_long(n, self.justification))
        self.notes.limitReached.connect(lambda n: self._too_long(n, self.notes))
        self.notes.setAccessibleName(control_name(self.context, self.tr("Notes")))
        self.notes.textChanged.connect(lambda: self._commit("notes", notes=self.notes.toPlainText()))
        self.review = QCheckBox(self.tr("Mar&k for review"))
        self.review.setAccessibleName(control_name(self.context, self.tr("Mark for review")))
        self.review.toggled.connect(lambda on: self._commit(None, marked_for_review=on))

        self.owner = QLineEdit()
        self.owner.setMaxLength(MAX_SHORT)  # the file format's limit: typing stops there
        self.owner.setAccessibleName(control_name(self.context, self.tr("Remediation owner")))
        self.owner.textEdited.connect(lambda text: self._commit("owner", owner=text))
        show_start(self.owner)  # "General Counsel", not "neral Counsel", when the field is narrow
        self.has_due = QCheckBox(self.tr("D&ue date:"))
        self.has_due.setAccessibleName(control_name(self.context, self.tr("Set a remediation due date")))
        self.has_due.toggled.connect(self._due_edited)
        self.due = date_edit()
        self.due.setAccessibleName(control_name(self.context, self.tr("Remediation due date")))
        self.due.dateChanged.connect(lambda _d: self._due_edited())
        self.remediation = QWidget()
        rem = QHBoxLayout(self.remediation)
        rem.setContentsMargins(0, 0, 0, 0)
        rem.addWidget(self.owner, 2)
        rem.addWidget(self.has_due)
        rem.addWidget(self.due, 1)

        self.evidence = EvidenceList(session, self.key, self.context)

        # A grid, not a form layout: a hidden widget keeps its reserved place only in a grid.
        form = QGridLayout()
        form.setColumnStretch(1, 1)
        self._rows = 0
        self._add_row(form, self.tr("&Answer:"), self.state)
        self._add_row(form, None, self.warning)
        self._add_row(form, self.tr("&Justification:"), self.justification)
        self._add_row(form, self.tr("Note&s:"), self.notes)
        self._add_row(form, None, self.review)
        self.remediation_label = self._add_row(form, self.tr("Remediation o&wner:"), self.remediation)
        # Owner and due date have a reserved place: choosing a gap shows them without moving
        # anything below (the next card stays where the user is about to click).
        for widget in (self.remediation, self.remediation_label):
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
        self._add_row(form, self.tr("Evidence:"), self.evidence)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        self.add_extras(layout)
        layout.addStretch(1)  # a taller review panel beside it leaves room below, not inside the rows
        name_controls(self, self.context, item.requirement.id)  # the calculators' tables and buttons
        session.answerChanged.connect(self._answer_changed)
        self.load()
        if session.review_mode:
            # The auditor reads the answer and opens its evidence; nothing here can change it.
            self.evidence.set_read_only(True)
            make_read_only(self, keep=(self.evidence,))
            self.state.set_read_only(True)  # the answer as text in its colour, not greyed buttons
            for box in (self.justification, self.notes):
                box.setPlaceholderText("")  # the operator's hints are not content

    def _add_row(self, form: QGridLayout, text: str | None, field: QWidget) -> QLabel:
        row = self._rows
        self._rows += 1
        label = QLabel(text or "")
        if text is None:  # a field without a label of its own spans the row
            form.addWidget(field, row, 0, 1, 2)
            return label
        label.setWordWrap(True)
        # The label names the field a screen reader lands on: the owner, the evidence list itself.
        buddies: dict[int, QWidget] = {id(self.remediation): self.owner, id(self.evidence): self.evidence.list}
        label.setBuddy(buddies.get(id(field), field))
        form.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
        form.addWidget(field, row, 1)
        return label

    def add_extras(self, layout: QVBoxLayout) -> None:
        """Subclasses add their calculator below the answer."""

    # --- model -> widgets ----------------------------------------------------------------
    def _answer_changed(self, key: str) -> None:
        if key == self.key:
            self.load()

    def load(self) -> None:
        answer = self.session.answer(self.key)
        self._loading = True
        try:
            self.state.setCurrentIndex(STATE_ORDER.index(answer.state))
            if self.justification.toPlainText() != answer.justification:
                self.justification.setPlainText(answer.justification)
            if self.notes.toPlainText() != answer.notes:
                self.notes.setPlainText(answer.notes)
            self.review.setChecked(answer.marked_for_review)
            if self.owner.text() != answer.owner:
                self.owner.setText(answer.owner)
            self.has_due.setChecked(answer.due is not None)
            due = answer.due or dt.date.today()
            self.due.setDate(QDate(due.year, due.month, due.day))
            self.due.setEnabled(answer.due is not None)
            self.evidence.reload()
        finally:
            self._loading = False
        self._show_remediation(answer.state)
        if self.justification.toPlainText() == answer.justification:
            self._hide_warning()

    def _show_remediation(self, state: AnswerState) -> None:
        gap = state in GAP_STATES
        self.remediation.setVisible(gap)
        self.remediation_label.setVisible(gap)

    # --- widgets -> model ----------------------------------------------------------------
    def _commit(self, merge_tag: str | None, **changes: object) -> bool:
        if self._loading or self.session.review_mode:
            return True
        current = self.session.answer(self.key)
        try:
            new = Answer.model_validate({**current.model_dump(), **changes})
        except ValidationError:
            # Lengths are kept by the text boxes; the rule left is N/A without a justification.
            self._refuse(
                self.tr(
                    "A “Not applicable” answer needs a justification. "
                    "Write why it does not apply, then choose Not applicable."
                )
            )
            return False
        self._hide_warning()
        self.session.set_answer(self.key, new, merge_tag)
        return True

    def _too_long(self, limit: int, box: QWidget) -> None:
        message = self.tr("A text can be at most {n} characters; the rest of what you pasted was not kept.")
        # Shown once the cut text is saved (saving hides earlier warnings); not if the editor went.
        QTimer.singleShot(0, self, lambda: self._refuse(message.format(n=f"{limit:,}"), box))

    def _refuse(self, message: str, box: QWidget | None = None) -> None:
        self.warning.setText(message)
        self.warning.show()
        # Heard as well as seen: said at once, and read with the field it concerns (the
        # justification, where the focus goes, or the box a paste was cut in) until solved.
        self._described = box or self.justification
        self._described.setAccessibleDescription(message)
        announce(self.warning, message, assertive=True)
        self.blocked.emit(message)

    def _hide_warning(self) -> None:
        if self._described is not None:
            self._described.setAccessibleDescription("")
            self._described = None
        self.warning.hide()

    def _state_chosen(self, index: int) -> None:
        if self._loading:
            return
        state = STATE_ORDER[index]
        if not self._commit(None, state=state, justification=self.justification.toPlainText()):
            # Refused: show the state the model still has, and lead the user to the justification.
            self._loading = True
            self.state.setCurrentIndex(STATE_ORDER.index(self.session.answer(self.key).state))
            self._loading = False
            self.justification.setFocus()

    def _justification_edited(self) -> None:
        self._commit("justification", justification=self.justification.toPlainText())

    def _due_edited(self) -> None:
        self.due.setEnabled(self.has_due.isChecked())
        if self.has_due.isChecked():
            d = self.due.date()
            self._commit("due", due=dt.date(d.year(), d.month(), d.day()))
        else:
            self._commit(None, due=None)


class InventoryAnswerEditor(AnswerEditor):
    """State plus the accelerator inventory of the site (or of every site, for applicant scope)."""

    def add_extras(self, layout: QVBoxLayout) -> None:
        sites = (
            [self.item.site_id] if self.item.site_id else [s.id for s in self.session.document.assessment.profile.sites]
        )
        self.inventories = [InventoryEditor(self.session, site_id) for site_id in sites]
        if not sites:
            note = QLabel(self.tr("Add the sites in the profile to record their accelerator inventory."))
            note.setWordWrap(True)
            layout.addWidget(note)
        for editor in self.inventories:
            layout.addWidget(editor)


class CalendarAnswerEditor(AnswerEditor):
    """State plus the semi-annual report calendar."""

    def add_extras(self, layout: QVBoxLayout) -> None:
        self.calendar = CalendarPanel(self.session.catalog)
        layout.addWidget(self.calendar)


class BomAnswerEditor(AnswerEditor):
    """State plus the hardware bill of materials and its US-origin share."""

    def add_extras(self, layout: QVBoxLayout) -> None:
        self.bom = BomEditor(self.session)
        layout.addWidget(self.bom)


EDITORS: dict[QuestionType, type[AnswerEditor]] = {
    QuestionType.STATE: AnswerEditor,
    QuestionType.INVENTORY: InventoryAnswerEditor,
    QuestionType.CALENDAR: CalendarAnswerEditor,
    QuestionType.BOM: BomAnswerEditor,
}


def editor_for(session: Session, item: Item, lang: str, parent: QWidget | None = None) -> AnswerEditor:
    return EDITORS[item.requirement.question_type](session, item, lang, parent)
