"""Signing off (a dialog that records the digest the signer saw) and the list of sign-offs with
their status: intact, or changed after sign-off on DATE.

The shared wording (status, what the protection covers) comes from ``veu_assess.review.texts``
in the document's language, so the app says exactly what the report and the CLI say.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from veu_assess.model.assessment import MAX_SHORT
from veu_assess.model.review import SignOff, SignOffRole
from veu_assess.review import ReviewError, sign_off, signoff_status
from veu_assess.review.texts import protection_statement
from veu_assess.storage.document import Document
from veu_assess.ui.widgets import BoundedTextEdit, date_edit

CHANGED_COLOUR = QColor("#b71c1c")


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class SignOffDialog(QDialog):
    """Name, organisation, role, kind, date and statement; OK appends the sign-off to ``doc``."""

    signedOff = Signal(object)  # the SignOff just recorded

    def __init__(
        self, doc: Document, lang: str = "en", today: dt.date | None = None, parent: QWidget | None = None,
        warning: str = "",
    ) -> None:
        """``warning``: why the content may not be what the operator saved (modified by another
        program); signing then needs an explicit confirmation, so a sign-off never hides it."""
        super().__init__(parent)
        self.doc = doc
        self.signoff: SignOff | None = None
        self.warning_source: Callable[[], str] | None = None  # asked again by ``refresh_warning``
        self.setWindowTitle(self.tr("Sign off"))
        layout = QVBoxLayout(self)
        self.warning = _plain_label(warning)
        self.warning.setStyleSheet("background-color:#b71c1c; color:white; font-weight:bold; padding:6px;")
        self.warning.setAccessibleName(self.tr("Integrity warning"))
        self.confirm = QCheckBox(self.tr("I have &checked the answers and evidence as they are now"))
        self.confirm.setAccessibleName(self.tr("Confirm that the content was checked as it is now"))
        self.warning.setVisible(bool(warning))
        self.confirm.setVisible(bool(warning))
        layout.addWidget(self.warning)
        layout.addWidget(self.confirm)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_SHORT)  # the file format's limit: typing stops there
        self.name.setAccessibleName(self.tr("Name"))
        self.organisation = QLineEdit()
        self.organisation.setMaxLength(MAX_SHORT)  # the file format's limit: typing stops there
        self.organisation.setAccessibleName(self.tr("Organisation"))
        self.role = QLineEdit()
        self.role.setMaxLength(MAX_SHORT)  # the file format's limit: typing stops there
        self.role.setAccessibleName(self.tr("Role or title"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Auditor"), SignOffRole.AUDITOR)
        self.kind.addItem(self.tr("Operator's responsible officer"), SignOffRole.OPERATOR_OFFICER)
        self.kind.setAccessibleName(self.tr("Signing as"))
        self.date = date_edit()
        day = today or dt.date.today()
        self.date.setDate(QDate(day.year, day.month, day.day))
        self.date.setAccessibleName(self.tr("Date"))
        self.statement = BoundedTextEdit()
        self.statement.setAccessibleName(self.tr("Statement"))
        self.statement.setPlaceholderText(self.tr("e.g. I reviewed every answer and its evidence."))
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Organisation"), self.organisation)
        form.addRow(self.tr("&Role"), self.role)
        form.addRow(self.tr("Signing &as"), self.kind)
        form.addRow(self.tr("&Date"), self.date)
        form.addRow(self.tr("&Statement"), self.statement)
        layout.addLayout(form)

        self.digest = _plain_label(self.tr("Content digest signed: {digest}").format(digest=doc.digest()))
        self.digest.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.digest.setAccessibleName(self.tr("Content digest signed"))
        self.protection = _plain_label(protection_statement(lang))
        self.protection.setAccessibleName(self.tr("What a sign-off protects"))
        self.error = _plain_label()
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.setAccessibleName(self.tr("Sign-off problem"))
        self.error.hide()
        for w in (self.digest, self.protection, self.error):
            layout.addWidget(w)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign off"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._update_ok)
        self.confirm.toggled.connect(self._update_ok)
        self._update_ok()

    @Slot()
    def refresh_warning(self) -> None:
        """The integrity of the content became known (the evidence check ended): show what it says."""
        if self.warning_source is None:
            return
        text = self.warning_source()
        if text != self.warning.text():
            # A confirmation given for one warning ("still being checked") is not one for the
            # next ("modified by another program"): the signer confirms again.
            self.confirm.setChecked(False)
        self.warning.setText(text)
        self.warning.setVisible(bool(text))
        self.confirm.setVisible(bool(text))
        self._update_ok()

    def _update_ok(self) -> None:
        confirmed = self.confirm.isHidden() or self.confirm.isChecked()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.name.text().strip()) and confirmed)

    def accept(self) -> None:
        if not self.confirm.isHidden() and not self.confirm.isChecked():
            # Enter in a field must not get round the confirmation the warning asks for
            self.error.setText(self.tr("Confirm that you checked the content as it is now."))
            self.error.show()
            return
        qd = self.date.date()
        try:
            self.signoff = sign_off(
                self.doc,
                self.name.text(),
                self.organisation.text(),
                self.role.text(),
                self.kind.currentData(),
                dt.date(qd.year(), qd.month(), qd.day()),
                self.statement.toPlainText(),
            )
        except ReviewError as exc:
            # stay open so nothing typed is lost; say what is wrong beside the fields
            self.error.setText(str(exc))
            self.error.show()
            return
        self.signedOff.emit(self.signoff)
        super().accept()


class SignOffStatusList(QTableWidget):
    """Every sign-off of a document: who, as what, when, and intact / changed after sign-off."""

    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.lang = lang
        self.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Organisation"), self.tr("Role"), self.tr("Date"), self.tr("Status")]
        )
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setAccessibleName(self.tr("Sign-offs"))
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)

    def show_document(self, doc: Document) -> None:
        statuses = signoff_status(doc)
        self.setRowCount(len(statuses))
        for row, st in enumerate(statuses):
            so = st.signoff
            cells = [so.name, so.organisation, so.role, so.date.isoformat(), st.text(self.lang)]
            for col, text in enumerate(cells):
                self.setItem(row, col, QTableWidgetItem(text))
            status_item = self.item(row, 4)
            if st.changed and status_item is not None:
                status_item.setForeground(QBrush(CHANGED_COLOUR))

    def status_texts(self) -> list[str]:
        """The Status column, top to bottom (what the user reads)."""
        return [item.text() if (item := self.item(r, 4)) else "" for r in range(self.rowCount())]
