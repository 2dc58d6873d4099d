"""Every modal question the app asks goes through these small functions.

Tests replace them with ``monkeypatch.setattr(dialogs, "show_error", ...)`` so that no test ever
blocks on a message box or a file dialog. Widgets call them as ``dialogs.show_error(...)`` (module
attribute look-up at call time), never ``from dialogs import show_error``.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

VEUA_FILTER_CONTEXT = "dialogs"


def _tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


class SaveChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def veua_filter() -> str:
    return _tr("VEU assessments (*.veua);;All files (*)")


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.critical(parent, title, message)


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def ask_save_changes(parent: QWidget | None, name: str) -> SaveChoice:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Unsaved changes"))
    box.setText(_tr("Save the changes to {name}?").format(name=name))
    box.setInformativeText(_tr("Your changes are lost if you don't save them."))
    box.setStandardButtons(
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return SaveChoice.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return SaveChoice.DISCARD
    return SaveChoice.CANCEL


class SignedEditChoice(Enum):
    CONTINUE = "continue"
    SAVE_COPY = "save_copy"
    CANCEL = "cancel"


def ask_edit_signed(parent: QWidget | None, signers: str) -> SignedEditChoice:
    """Before the first edit of a signed file: changing it shows every intact sign-off as changed."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("This file is signed off"))
    box.setText(_tr("This assessment was signed off by {signers}. Any change shows the sign-off as "
                    "“changed after sign-off”.").format(signers=signers))
    box.setInformativeText(_tr("Save a copy to keep the signed file as it is and go on in the copy."))
    go_on = box.addButton(_tr("&Continue editing"), QMessageBox.ButtonRole.AcceptRole)
    copy = box.addButton(_tr("Save a cop&y…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(copy)
    box.exec()
    if box.clickedButton() is go_on:
        return SignedEditChoice.CONTINUE
    if box.clickedButton() is copy:
        return SignedEditChoice.SAVE_COPY
    return SignedEditChoice.CANCEL


def ask_recover(parent: QWidget | None, description: str) -> bool:
    """Offer to restore unsaved work found after a crash; True means restore it."""
    answer = QMessageBox.question(
        parent,
        _tr("Recover unsaved work?"),
        _tr("The app did not close normally last time. Unsaved work was found:\n\n{what}\n\nRestore it?").format(
            what=description
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_yes_no(parent: QWidget | None, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes


def ask_choice(parent: QWidget | None, title: str, message: str, choices: list[str]) -> int | None:
    """A message with one button per choice and Cancel; the index chosen, or None for Cancel."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(message)
    buttons = [box.addButton(text, QMessageBox.ButtonRole.ActionRole) for text in choices]
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return next((i for i, b in enumerate(buttons) if b is clicked), None)


def get_open_path(parent: QWidget | None, folder: str = "") -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, _tr("Open assessment"), folder, veua_filter())
    return Path(name) if name else None


def get_save_path(parent: QWidget | None, suggested: str = "") -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, _tr("Save assessment as"), suggested, veua_filter())
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".veua" else path.with_name(path.name + ".veua")


def get_export_path(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return Path(name) if name else None


def get_evidence_paths(parent: QWidget | None, folder: str = "") -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, _tr("Attach evidence files"), folder, _tr("All files (*)"))
    return [Path(n) for n in names]


def open_url(url: QUrl) -> bool:
    """Open a file or link with the desktop's default application."""
    return QDesktopServices.openUrl(url)
