"""A file that cannot be opened: what is wrong in plain words, and what to do next.

The storage layer's message names the part of the file ("zip: …", "manifest.json: …"); a user
needs to know whether the file is damaged, too new or unreadable, and where to go from there:
the backup the last save left (``NAME.veua.bak``, ``NAME.veua.vN.bak``), or a new copy from
whoever sent the file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from veu_assess.bugs import error_text, is_input_error
from veu_assess.storage.errors import VeuaError, VeuaFormatError, VeuaIntegrityError, VeuaLimitError, VeuaVersionError
from veu_assess.storage.writer import backup_path


def _tr(text: str) -> str:
    return QCoreApplication.translate("file_errors", text)


def backups_of(path: Path) -> list[Path]:
    """The backups a save of ``path`` may have left, newest kind first."""
    found = [backup_path(path)] if backup_path(path).is_file() else []
    found += sorted(path.parent.glob(path.name + ".v*.bak")) if path.parent.is_dir() else []
    return found


def open_error_text(path: Path, exc: BaseException) -> str:
    """The message of a failed open: what is wrong, then the next step."""
    if not is_input_error(exc):
        return error_text(exc)  # a bug: logged, and the log's place is in the text
    detail = str(exc)
    if isinstance(exc, VeuaError) and exc.part and detail.startswith(f"{exc.part}: "):
        detail = detail[len(exc.part) + 2:]  # "zip: …": the part's name means nothing to a reader
    if isinstance(exc, VeuaVersionError):
        what = _tr("The file was made by a newer version of the app, or its version is unknown.")
        steps = [_tr("Open it with the newest version of the VEU Readiness Assessor, or ask the sender to "
                     "save it with the version you have.")]
    elif isinstance(exc, VeuaFormatError | VeuaIntegrityError | VeuaLimitError):
        what = _tr("The file is damaged, incomplete or not an assessment.")
        steps = [_tr("If someone sent you the file, ask them for a new copy: it may have been cut off "
                     "on the way.")]
    elif isinstance(exc, OSError):
        what = _tr("The file cannot be read.")
        steps = [_tr("Check that it is still there, that you may read it, and that its drive is connected.")]
    else:
        what = _tr("The file cannot be opened.")
        steps = [_tr("If someone sent you the file, ask them for a new copy.")]
    backups = backups_of(path)
    if backups and not isinstance(exc, VeuaVersionError):
        steps.insert(0, _tr("A backup of an earlier save is kept beside it: {backup}. Open a copy of it "
                            "(rename it to end in .veua) to restore your work.").format(backup=backups[0].name))
    return "\n\n".join([what, _tr("Details: {detail}").format(detail=detail), *steps])
