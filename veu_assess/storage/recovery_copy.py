"""Copying newly attached evidence into a recovery entry, off the GUI thread (Qt-free).

The order that keeps work safe: the GUI first writes the recovery state (``autosave``), which
refers to evidence not yet copied by its original path and records
the app's process id, so another running instance never takes the entry for a dead one. Then
``copy_evidence`` copies on a worker; it touches files only, never the manager's bookkeeping,
and never creates the entry's folders: an entry removed meanwhile (the document was saved or
closed) stays removed. Back on the GUI thread ``RecoveryManager.copies_done`` records the
outcome, and the next autosave refers to the copies.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from veu_assess.storage.files import atomic_file

CHUNK = 1 << 20


@dataclass(frozen=True)
class EvidenceCopy:
    sha256: str
    source: Path
    target: Path  # <recovery dir>/<token>/evidence/<sha256>


@dataclass
class CopyOutcome:
    done: list[EvidenceCopy] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # sha256 -> why (the source is gone, disk full)
    stopped: bool = False  # asked to stop, or the entry went: the rest was not tried


class _Stopped(Exception):
    pass


def copy_evidence(copies: list[EvidenceCopy], stop: Callable[[], bool] = lambda: False) -> CopyOutcome:
    """Copy each source to its target; never raises for one file (its reason goes to ``failed``)."""
    outcome = CopyOutcome()
    for c in copies:
        if stop():
            outcome.stopped = True
            break
        if not c.target.parent.is_dir():
            # The entry went (saved, closed) or is being written anew: not the file's fault, so
            # not a failure; what is left is tried again if the entry is there at the next tick.
            outcome.stopped = True
            break
        try:
            _copy_atomic(c.source, c.target, stop)
        except _Stopped:
            outcome.stopped = True
            break
        except OSError as exc:
            outcome.failed[c.sha256] = exc.strerror or str(exc)
            continue
        outcome.done.append(c)
    return outcome


def _copy_atomic(src: Path, dst: Path, stop: Callable[[], bool]) -> None:
    """Copy through a temporary file in ``dst``'s folder: all or nothing."""
    with src.open("rb") as fin, atomic_file(dst, 0o600, checked=False) as out:
        while chunk := fin.read(CHUNK):
            if stop():
                raise _Stopped()
            out.write(chunk)


def remove_copies(copies: list[EvidenceCopy]) -> None:
    """Remove copies made for an entry that was removed meanwhile, and the folders they left."""
    for c in copies:
        c.target.unlink(missing_ok=True)
    for folder in {c.target.parent for c in copies}:
        for f in (folder, folder.parent):
            try:
                f.rmdir()  # only when empty: a live entry keeps its state and other copies
            except OSError:
                pass
