"""Who the auditor is, set once: a banner at the top of each page in review mode, and its dialog.

Every verdict records its reviewer ("Name (Organisation)"); before, every verdict said "Reviewed
by (no name)". The identity is remembered in the user's settings, so an auditor reviewing many
files sets it once; it can be changed from any page's banner.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from veu_assess.model.assessment import MAX_SHORT
from veu_assess.ui.a11y import strip_mnemonic
from veu_assess.ui.session import Session
from veu_assess.ui.settings import UiSettings
from veu_assess.ui.widgets import wrapped_label


class ReviewerDialog(QDialog):
    """Name (required) and organisation of the reviewer."""

    def __init__(self, name: str = "", organisation: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reviewer"))
        self.name = QLineEdit(name)
        self.name.setMaxLength(MAX_SHORT)
        self.name.setAccessibleName(self.tr("Reviewer's name"))
        self.organisation = QLineEdit(organisation)
        self.organisation.setMaxLength(MAX_SHORT)
        self.organisation.setAccessibleName(self.tr("Reviewer's organisation"))
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Organisation:"), self.organisation)
        note = wrapped_label(self.tr("Every verdict you record names you. This is remembered on this computer."))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name.text().strip()))

    def accept(self) -> None:
        if self.name.text().strip():  # Enter in a field must not get round the required name
            super().accept()


class ReviewBanner(QFrame):
    """"Review mode" and who is reviewing, with the button that sets it."""

    dialogOpened = Signal(object)  # the ReviewerDialog just opened (tests fill it in)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.dialog: ReviewerDialog | None = None
        self.setObjectName("reviewBanner")
        self.setStyleSheet("#reviewBanner { background-color:#e3f2fd; border:1px solid #0d47a1; }"
                           "#reviewBanner QLabel { color:#0d2a4f; }")
        self.text = wrapped_label()
        self.button = QPushButton()
        self.button.clicked.connect(self.ask)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        if not session.reviewer():
            name, organisation = UiSettings().reviewer()
            if name.strip():
                session.set_reviewer(name, organisation)
        session.reviewerChanged.connect(self._show)
        self._show()

    def _show(self) -> None:
        who = self.session.reviewer()
        if who:
            text = self.tr("Review mode: the operator's answers are read-only; record your verdict beside each "
                           "one. Reviewer: {who}").format(who=who)
            self.button.setText(self.tr("Change rev&iewer…"))
        else:
            text = self.tr("Review mode: the operator's answers are read-only. Set your name as reviewer before "
                           "recording verdicts.")
            self.button.setText(self.tr("Set rev&iewer…"))
        self.text.setText(text)
        self.button.setAccessibleName(strip_mnemonic(self.button.text()).rstrip("…"))

    def _closed(self) -> None:
        self.dialog = None  # deleted on close

    def ask(self) -> ReviewerDialog:
        """Open the dialog (window-modal, not blocking); OK records the identity and remembers it."""
        dialog = ReviewerDialog(self.session.reviewer_name, self.session.reviewer_organisation, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            name, organisation = dialog.name.text().strip(), dialog.organisation.text().strip()
            UiSettings().set_reviewer(name, organisation)
            self.session.set_reviewer(name, organisation)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(self._closed)
        dialog.open()
        self.dialog = dialog
        self.dialogOpened.emit(dialog)
        return dialog
