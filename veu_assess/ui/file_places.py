"""Where the file dialogs start and what name Save As suggests.

An installed app's working directory is wherever it happened to be started from (the desktop
launcher's, often the home folder or ``/``), so no dialog starts there. Open, Save As and Compare
start in the open document's folder; without one, in the folder of the most recent file that
still exists, else the user's documents folder. Save As of a new document suggests a name made
from the assessment's title (or the applicant's name), cleaned of what file systems refuse.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from veu_assess.storage.evidence import safe_filename

FALLBACK_NAME = "assessment"


def documents_folder() -> Path:
    """The user's documents folder, or their home folder where there is none."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def start_folder(document_path: Path | None, recent: Iterable[Path] = ()) -> Path:
    """Where Open, Save As and Compare start: the open document's folder, else the folder of the
    most recent file still there, else the documents folder."""
    if document_path is not None and document_path.parent.is_dir():
        return document_path.parent
    for path in recent:
        if path.parent.is_dir():
            return path.parent
    return documents_folder()


def file_stem(*candidates: str) -> str:
    """A file name (without extension) from the first candidate that leaves one once made safe by
    the rule evidence names follow (``storage.evidence.safe_filename``: no reserved or control
    characters, no Windows device names, bounded length), here with spaces for what is removed;
    ``FALLBACK_NAME`` when none does."""
    for text in candidates:
        # A title is not a path: its slashes separate words, not folders.
        stem = " ".join(safe_filename(re.sub(r"[/\\]", " ", text), "", " ").split())
        if stem:
            return stem
    return FALLBACK_NAME


def document_stem(document_path: Path | None, title: str, applicant: str) -> str:
    """The name a document's files are called by (Save As, exports): its file's own name once
    saved, else one made from its title or applicant."""
    return document_path.stem if document_path is not None else file_stem(title, applicant)


def suggested_save_path(document_path: Path | None, title: str, applicant: str,
                        recent: Iterable[Path] = ()) -> Path:
    """What Save As suggests: the document's own path once it has one; for a new document a name
    from its title or applicant in ``start_folder``."""
    if document_path is not None:
        return document_path
    return start_folder(None, recent) / f"{document_stem(None, title, applicant)}.veua"
