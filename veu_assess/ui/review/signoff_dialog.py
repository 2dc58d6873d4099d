"""Signing off (a dialog that records the digest the signer saw, and signs it with the auditor's
key file when one is chosen) and the list of sign-offs with their status: intact, or changed
after sign-off on DATE, and the signature verdict ``veu-assess verify`` gives.

The shared wording (status, what the protection covers) comes from ``veu_assess.review.texts``
in the document's language, so the app says exactly what the report and the CLI say.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from veu_assess.catalog.loader import Catalog
from veu_assess.model.assessment import MAX_SHORT
from veu_assess.model.review import SignOff, SignOffRole
from veu_assess.review import Coverage, ReviewError, sign_off, signoff_status, verdict_coverage
from veu_assess.review.texts import protection_statement
from veu_assess.signing.verify import SignatureVerdict
from veu_assess.storage.document import Document
from veu_assess.ui.a11y import strip_mnemonic
from veu_assess.ui.settings import UiSettings
from veu_assess.ui.widgets import ERROR_ON_LIGHT, BoundedTextEdit, date_edit, error_style, warning_style

CHANGED_COLOUR = QColor(ERROR_ON_LIGHT)


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
        warning: str = "", catalog: Catalog | None = None,
    ) -> None:
        """``warning``: why the content may not be what the operator saved (modified by another
        program); signing then needs an explicit confirmation, so a sign-off never hides it.
        ``catalog``: shows the verdict coverage (reviewed / total, by section); below full
        coverage, signing needs its own confirmation."""
        super().__init__(parent)
        self.doc = doc
        self.signoff: SignOff | None = None
        self.warning_source: Callable[[], str] | None = None  # asked again by ``refresh_warning``
        self.setWindowTitle(self.tr("Sign off"))
        # Everything but the buttons scrolls: on a 700-pixel screen the dialog would otherwise be
        # squeezed below its contents' height and its wrapped warnings drawn over the table.
        self.outer = outer = QVBoxLayout(self)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.body_scroll = QScrollArea()
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body_scroll.setWidget(body)
        outer.addWidget(self.body_scroll)
        self.warning = _plain_label(warning)
        self.warning.setStyleSheet(warning_style(self.palette(), "6px"))
        self.confirm = QCheckBox(self.tr("I have &checked the answers and evidence as they are now"))
        self.confirm.setAccessibleName(self.tr("Confirm that the content was checked as it is now"))
        self.warning.setVisible(bool(warning))
        self.confirm.setVisible(bool(warning))
        layout.addWidget(self.warning)
        layout.addWidget(self.confirm)
        self.coverage: Coverage | None = verdict_coverage(catalog, doc, lang) if catalog is not None else None
        self.confirm_coverage = QCheckBox()
        self.confirm_coverage.hide()
        if self.coverage is not None:
            layout.addWidget(self._coverage_box(self.coverage))
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
        # The reviewer identity the auditor set for their verdicts (Review mode banner).
        reviewer_name, reviewer_organisation = UiSettings().reviewer()
        self.name.setText(reviewer_name)
        self.organisation.setText(reviewer_organisation)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Organisation"), self.organisation)
        form.addRow(self.tr("&Role"), self.role)
        form.addRow(self.tr("Signing &as"), self.kind)
        form.addRow(self.tr("&Date"), self.date)
        form.addRow(self.tr("&Statement"), self.statement)
        layout.addLayout(form)
        layout.addWidget(self._key_box())

        self.digest = _plain_label(self.tr("Content digest signed: {digest}").format(digest=doc.digest()))
        self.digest.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.protection = _plain_label(protection_statement(lang))
        self.error = _plain_label()
        self.error.setStyleSheet(error_style(bold=False))
        self.error.hide()
        for w in (self.digest, self.protection, self.error):
            layout.addWidget(w)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign off"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self._fit_to_screen(body)
        self.name.textChanged.connect(self._update_ok)
        self.confirm.toggled.connect(self._update_ok)
        self.confirm_coverage.toggled.connect(self._update_ok)
        self.key_path.textChanged.connect(self._update_ok)
        self.sign_with_key.toggled.connect(self._key_toggled)
        self._key_toggled(False)

    def _fit_to_screen(self, body: QWidget) -> None:
        """As tall as the contents need, but never taller than the screen leaves room for."""
        hint = body.sizeHint()
        width = max(hint.width() + 2 * self.body_scroll.verticalScrollBar().sizeHint().width(), 480)
        height = hint.height() + self.buttons.sizeHint().height() + 3 * self.outer.spacing() + 24
        screen = self.screen()
        if screen is not None:
            height = min(height, int(screen.availableGeometry().height() * 0.9))
        self.resize(width, height)

    def _coverage_box(self, coverage: Coverage) -> QWidget:
        """Reviewed / total items, by section; a warning and a confirmation below full coverage."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.coverage_summary = _plain_label(self.tr("Verdicts recorded: {reviewed} of {total} items in scope")
                                             .format(reviewed=coverage.reviewed, total=coverage.total))
        font = self.coverage_summary.font()
        font.setBold(True)
        self.coverage_summary.setFont(font)
        layout.addWidget(self.coverage_summary)
        self.coverage_table = QTableWidget(len(coverage.sections), 2)
        self.coverage_table.setHorizontalHeaderLabels([self.tr("Section"), self.tr("Reviewed")])
        self.coverage_table.setAccessibleName(self.tr("Verdict coverage by section"))
        self.coverage_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.coverage_table.verticalHeader().hide()
        header = self.coverage_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row, sec in enumerate(coverage.sections):
            self.coverage_table.setItem(row, 0, QTableWidgetItem(sec.title))
            cell = QTableWidgetItem(f"{sec.reviewed} / {sec.total}")
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if sec.reviewed < sec.total:
                cell.setForeground(QBrush(CHANGED_COLOUR))
            self.coverage_table.setItem(row, 1, cell)
        rows = min(len(coverage.sections), 6)  # a short list scrolls; the dialog fits 700 px high
        self.coverage_table.resizeRowsToContents()
        row_height = max([self.coverage_table.rowHeight(r) for r in range(rows)] or [0])
        self.coverage_table.setFixedHeight(header.sizeHint().height() + rows * row_height
                                           + 2 * self.coverage_table.frameWidth())
        layout.addWidget(self.coverage_table)
        if not coverage.complete:
            self.coverage_warning = _plain_label(self.tr(
                "{n} items in scope have no verdict. A sign-off reads as a review of the whole assessment: "
                "record the missing verdicts, or confirm that you sign off without them.",
            ).format(n=coverage.unreviewed))
            self.coverage_warning.setStyleSheet(error_style())
            layout.addWidget(self.coverage_warning)
            self.confirm_coverage.setText(self.tr("Sign off &although {n} items have no verdict")
                                          .format(n=coverage.unreviewed))
            self.confirm_coverage.setAccessibleName(strip_mnemonic(self.confirm_coverage.text()))
            self.confirm_coverage.setVisible(True)
            layout.addWidget(self.confirm_coverage)
        return box

    def _key_box(self) -> QWidget:
        """Signing with a key file: the certificate names the signer, so name and organisation
        are taken from it; the signature covers the digest, role, date and statement."""
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        self.sign_with_key = QCheckBox(self.tr("Sign di&gitally with a key file (.p12, .pfx)"))
        self.sign_with_key.setAccessibleName(self.tr("Sign digitally with a key file"))
        self.key_path = QLineEdit()
        self.key_path.setAccessibleName(self.tr("Key file"))
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.setAccessibleName(self.tr("Choose the key file"))
        self.browse.clicked.connect(self._choose_key)
        row = QHBoxLayout()
        row.addWidget(self.key_path, 1)
        row.addWidget(self.browse)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase of the key file"))
        self.key_note = _plain_label(self.tr(
            "With a key file, the name and organisation are those of its certificate and the date is today; "
            "anyone can check the signature, and nobody without the key can make it."))
        form.addRow(self.sign_with_key)
        self.key_label = QLabel(self.tr("&Key file"))
        self.key_label.setBuddy(self.key_path)
        form.addRow(self.key_label, row)
        self.passphrase_label = QLabel(self.tr("&Passphrase"))
        self.passphrase_label.setBuddy(self.passphrase)
        form.addRow(self.passphrase_label, self.passphrase)
        form.addRow(self.key_note)
        return box

    @Slot(bool)
    def _key_toggled(self, on: bool) -> None:
        key_widgets: list[QWidget] = [self.key_path, self.browse, self.passphrase, self.key_label,
                                      self.passphrase_label]
        typed: list[QWidget] = [self.name, self.organisation, self.date]  # from the certificate, and today
        for w in key_widgets:
            w.setEnabled(on)
        for w in typed:
            w.setEnabled(not on)
        self._update_ok()

    @Slot()
    def _choose_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the key file"), self.key_path.text(),
                                              self.tr("Key files (*.p12 *.pfx);;All files (*)"))
        if path:
            self.key_path.setText(path)

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
        if not hasattr(self, "sign_with_key"):
            return  # still being built
        confirmed = (self.confirm.isHidden() or self.confirm.isChecked()) and self._coverage_confirmed()
        signer = bool(self.key_path.text().strip()) if self.sign_with_key.isChecked() \
            else bool(self.name.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(signer and confirmed)

    def _coverage_confirmed(self) -> bool:
        return self.coverage is None or self.coverage.complete or self.confirm_coverage.isChecked()

    def accept(self) -> None:
        if not self._coverage_confirmed():
            self.error.setText(self.tr("Not every item has a verdict: confirm that you sign off without them."))
            self.error.show()
            return
        if not self.confirm.isHidden() and not self.confirm.isChecked():
            # Enter in a field must not get round the confirmation the warning asks for
            self.error.setText(self.tr("Confirm that you checked the content as it is now."))
            self.error.show()
            return
        if self.sign_with_key.isChecked():
            self._accept_signed()
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

    def _accept_signed(self) -> None:
        from veu_assess.signing.errors import SigningError
        from veu_assess.signing.keys import load_identity
        from veu_assess.signing.signoff import signed_sign_off

        try:
            identity = load_identity(Path(self.key_path.text().strip()), self.passphrase.text())
            self.signoff = signed_sign_off(self.doc, identity, self.kind.currentData(), self.role.text(),
                                           self.statement.toPlainText())
        except (SigningError, ReviewError) as exc:
            self.error.setText(str(exc))  # stay open: the passphrase can be typed again
            self.error.show()
            return
        self.passphrase.clear()
        self.signedOff.emit(self.signoff)
        super().accept()


class SignOffStatusList(QTableWidget):
    """Every sign-off of a document: who, as what, when, and intact / changed after sign-off."""

    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.lang = lang
        self.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Organisation"), self.tr("Role"), self.tr("Date"), self.tr("Status"),
             self.tr("Signature")]
        )
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self._verdicts: list[SignatureVerdict] = []
        self.setAccessibleName(self.tr("Sign-offs"))
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)

    def show_document(self, doc: Document, current: str | None = None) -> None:
        """The sign-offs of ``doc``; ``current`` is ``doc.digest()`` when the caller has it."""
        from veu_assess.signing.verify import document_verdicts

        statuses = signoff_status(doc, current)
        verdicts = document_verdicts(doc)
        self._verdicts = verdicts
        self.setRowCount(len(statuses))
        for row, (st, verdict) in enumerate(zip(statuses, verdicts, strict=True)):
            so = st.signoff
            cells = [so.name, so.organisation, so.role, so.date.isoformat(), st.text(self.lang),
                     self.signature_text(verdict)]
            for col, text in enumerate(cells):
                self.setItem(row, col, QTableWidgetItem(text))
            status_item = self.item(row, 4)
            if st.changed and status_item is not None:
                status_item.setForeground(QBrush(CHANGED_COLOUR))
            signature_item = self.item(row, 5)
            if signature_item is not None:
                tip = signature_item.text()  # the column is narrow: the whole verdict on hover
                if verdict.fingerprint:
                    tip += "\n" + self.tr("Certificate SHA-256: {fingerprint}").format(fingerprint=verdict.fingerprint)
                signature_item.setToolTip(tip)
                if verdict.state.name == "INVALID":
                    signature_item.setForeground(QBrush(CHANGED_COLOUR))

    def signature_text(self, verdict: SignatureVerdict) -> str:
        """The verdict in the interface language, worded as ``veu-assess verify`` words it."""
        name = verdict.state.name
        if name == "TRUSTED":
            return self.tr("valid, trusted")
        if name == "UNCONFIRMED":
            return self.tr("valid, signer not confirmed (SHA-256 {short}…)").format(
                short=verdict.fingerprint[:23])
        if name == "INVALID":
            return self.tr("invalid ({reason})").format(reason=verdict.reason)
        return self.tr("unsigned (legacy)")

    def selected_unconfirmed(self) -> SignatureVerdict | None:
        """The selected sign-off when its signature is valid but its signer not yet trusted."""
        row = self.currentRow()
        verdicts = self._verdicts
        if 0 <= row < len(verdicts) and verdicts[row].state.name == "UNCONFIRMED":
            return verdicts[row]
        return None

    def signature_texts(self) -> list[str]:
        """The Signature column, top to bottom."""
        return [item.text() if (item := self.item(r, 5)) else "" for r in range(self.rowCount())]

    def status_texts(self) -> list[str]:
        """The Status column, top to bottom (what the user reads)."""
        return [item.text() if (item := self.item(r, 4)) else "" for r in range(self.rowCount())]
