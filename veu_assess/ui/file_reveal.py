"""Opening a file the app wrote or extracted, with ways out when no application is set up:
"Save a copy…" (somewhere the user's own tools can reach) and "Show in folder".

Every desktop call goes through ``dialogs`` (tests replace it); nothing here runs a file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWidgets import QWidget

from veu_assess.ui import dialogs


def _tr(text: str) -> str:
    return QCoreApplication.translate("file_reveal", text)


def show_in_folder(parent: QWidget | None, path: Path) -> bool:
    """Open the folder holding ``path`` in the file manager; say where it is if that fails."""
    if dialogs.open_url(QUrl.fromLocalFile(str(path.parent))):
        return True
    dialogs.show_error(parent, _tr("Show in folder"),
                       _tr("The folder cannot be shown here. The file is at:\n{path}").format(path=str(path)))
    return False


def save_copy(parent: QWidget | None, path: Path) -> Path | None:
    """Copy ``path`` to a place the user chooses; the copy's path, or None (cancelled, failed)."""
    target = dialogs.get_export_path(parent, _tr("Save a copy"), path.name, _tr("All files (*)"))
    if target is None:
        return None
    try:
        shutil.copyfile(path, target)
    except OSError as exc:
        dialogs.show_error(parent, _tr("Save a copy"), _tr("Could not write {path}:\n{reason}").format(
            path=str(target), reason=exc.strerror or str(exc)))
        return None
    return target


def open_or_offer(parent: QWidget | None, title: str, path: Path) -> bool:
    """Open ``path`` with the desktop's application for it; when none is set up, offer to save a
    copy or show it in its folder instead of a dead end. True when something was opened."""
    if dialogs.open_url(QUrl.fromLocalFile(str(path))):
        return True
    choice = dialogs.ask_choice(
        parent, title,
        _tr("No application is set up to open {name}. You can save a copy where your own tools can "
            "open it, or show it in its folder.").format(name=path.name),
        [_tr("Save a copy…"), _tr("Show in folder")],
    )
    if choice == 0:
        return save_copy(parent, path) is not None
    if choice == 1:
        return show_in_folder(parent, path)
    return False
