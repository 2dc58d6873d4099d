"""Choosing a signing key file and typing its passphrase (PySide6), for the signed PDF export.

The key is read only when it is used (``identity()``), on the GUI thread, before anything is
written: a wrong passphrase or a damaged key file is said at once and no file is created.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QCheckBox, QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

if TYPE_CHECKING:
    from veu_assess.signing.keys import Identity


class KeyFileChooser(QWidget):
    """[x] Sign the PDF with a key file  [path] [Browse…] [passphrase]"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(self.tr("&Sign the PDF with a key file"))
        self.enabled.setAccessibleName(self.tr("Sign the PDF with a key file"))
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Key file for signing the PDF"))
        self.path.setPlaceholderText(self.tr("Key file (.p12, .pfx)"))
        self.browse = QPushButton(self.tr("Choose &key…"))
        self.browse.setAccessibleName(self.tr("Choose the key file for signing the PDF"))
        self.browse.clicked.connect(self._choose)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase of the key file"))
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.enabled)
        row.addWidget(self.path, 2)
        row.addWidget(self.browse)
        row.addWidget(self.passphrase, 1)
        self.enabled.toggled.connect(self._toggled)
        self._toggled(False)

    @Slot(bool)
    def _toggled(self, on: bool) -> None:
        for w in (self.path, self.browse, self.passphrase):
            w.setEnabled(on)

    @Slot()
    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the key file"), self.path.text(),
                                              self.tr("Key files (*.p12 *.pfx);;All files (*)"))
        if path:
            self.path.setText(path)

    def signing(self) -> bool:
        return self.enabled.isChecked()

    def identity(self) -> Identity:
        """The key and certificate; raises SigningError with the reason (wrong passphrase …)."""
        from veu_assess.signing.keys import load_identity

        return load_identity(Path(self.path.text().strip()), self.passphrase.text())
