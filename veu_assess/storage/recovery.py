"""Autosave and crash recovery (Qt-free; the GUI calls it from a timer and at start-up).

While a document is edited, its state goes to ``<recovery dir>/<token>/state.json`` at most
``interval`` seconds after a change (plus the caller's timer tick). Evidence already inside a saved
.veua is referenced, not copied (it survives a crash); evidence attached since the last save is
referred to by its path, then copied once into the entry (off the GUI thread: ``recovery_copy``),
so a removed USB stick cannot lose it. A clean close or a save removes
the entry; after a crash ``pending()`` lists what is left, and ``restore``/``discard`` act on it.
Time is injectable (``clock``) so tests need no sleeping.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from veu_assess.model.assessment import Assessment
from veu_assess.model.review import Review
from veu_assess.platform_dirs import app_dir
from veu_assess.storage.digest import canonical_json
from veu_assess.storage.document import Document, EvidenceSource, FileSource, ZipSource
from veu_assess.storage.errors import VeuaError
from veu_assess.storage.files import write_atomic
from veu_assess.storage.limits import load_json
from veu_assess.storage.liveness import own_identity, owner_alive
from veu_assess.storage.recovery_copy import CopyOutcome, EvidenceCopy, remove_copies

STATE = "state.json"
RECOVERY_FORMAT = "veua-recovery-1"


def default_data_dir() -> Path:
    """The per-user data folder; ``VEU_ASSESS_DATA_DIR`` overrides it (tests, portable installs)."""
    override = os.environ.get("VEU_ASSESS_DATA_DIR")
    if override:
        return Path(override)
    return app_dir("data")


def default_recovery_dir() -> Path:
    return default_data_dir() / "recovery"


@dataclass(frozen=True)
class RecoveryEntry:
    """Unsaved work found in the recovery folder. ``problem`` is set when it cannot be restored."""

    token: str
    folder: Path
    original_path: Path | None
    saved_at: dt.datetime | None
    title: str = ""
    problem: str = ""
    review_mode: bool = False  # it was open for an auditor's review: restore it read-only again


@dataclass
class _Tracked:
    doc: Document
    token: str
    dirty_since: float | None = None
    last_autosave: float | None = None
    copied: set[str] = field(default_factory=set)
    copy_failed: set[str] = field(default_factory=set)  # could not be copied: referred to by path
    review_mode: bool = False


class RecoveryManager:
    def __init__(self, recovery_dir: Path | None = None, interval: float = 30.0,
                 clock: Callable[[], float] = time.time) -> None:
        self.dir = Path(recovery_dir) if recovery_dir is not None else default_recovery_dir()
        self.interval = interval
        self.clock = clock
        self._tracked: dict[int, _Tracked] = {}

    def _track(self, doc: Document, token: str | None = None) -> _Tracked:
        t = self._tracked.get(id(doc))
        if t is None or t.doc is not doc:
            t = self._tracked[id(doc)] = _Tracked(doc, token or uuid.uuid4().hex)
        return t

    def note_change(self, doc: Document, review_mode: bool = False) -> None:
        """Call after every edit; cheap (the write happens in ``maybe_autosave``). ``review_mode``:
        the document is open for an auditor's review, so a restored copy must be too."""
        t = self._track(doc)
        t.review_mode = review_mode
        if t.dirty_since is None:
            t.dirty_since = self.clock()

    def next_due(self) -> float | None:
        """When the next autosave is due (clock time), or None when nothing is unsaved."""
        due = [t.dirty_since if t.last_autosave is None
               else max(t.dirty_since, t.last_autosave + self.interval)
               for t in self._tracked.values() if t.dirty_since is not None]
        return min(due, default=None)

    def maybe_autosave(self, now: float | None = None) -> int:
        """Autosave every changed document whose recovery file is due; return how many were written.

        Evidence attached since the last save is referred to by its path until it has been copied
        into the entry (``evidence_to_copy``, ``recovery_copy.copy_evidence``, ``copies_done``)."""
        now = self.clock() if now is None else now
        written = 0
        for t in list(self._tracked.values()):
            if t.dirty_since is None:
                continue
            if t.last_autosave is None or now >= t.last_autosave + self.interval:
                self.autosave(t.doc, now)
                written += 1
        return written

    def autosave(self, doc: Document, now: float | None = None) -> Path:
        """Write the document's recovery entry now (atomically); return its folder."""
        now = self.clock() if now is None else now
        t = self._track(doc)
        folder = self.dir / t.token
        try:
            (folder / "evidence").mkdir(parents=True, exist_ok=True)
            state = {
                "format": RECOVERY_FORMAT,
                "saved_at": dt.datetime.fromtimestamp(now, dt.UTC).isoformat(),
                "original_path": str(doc.path) if doc.path else None,
                "title": doc.assessment.title,
                "pid": os.getpid(),
                "pid_identity": own_identity(),  # tells this process from a later one with its id
                "host": socket.gethostname(),
                "assessment": doc.assessment.model_dump(mode="json"),
                "review": doc.review.model_dump(mode="json"),
                "review_mode": t.review_mode,
                "evidence": self._evidence_refs(t),
            }
            write_atomic(folder / STATE, canonical_json(state), mode=0o600)  # the state stays private
        except (OSError, ValueError) as exc:  # ValueError: the state path is not a regular file
            reason = getattr(exc, "strerror", None) or exc
            raise VeuaError(f"cannot write the recovery file in {self.dir}: {reason}") from None
        t.dirty_since, t.last_autosave = None, now
        return folder

    def _evidence_refs(self, t: _Tracked) -> dict[str, dict[str, str]]:
        refs: dict[str, dict[str, str]] = {}
        for sha in sorted(t.doc.assessment.evidence_hashes()):
            src = t.doc.evidence.get(sha)
            if isinstance(src, ZipSource):
                refs[sha] = {"zip": str(src.zip_path), "member": src.member}
            elif isinstance(src, FileSource):
                # In the entry once copied (it survives a removed USB stick); until then, where
                # the operator attached it from.
                refs[sha] = {"copy": sha} if sha in t.copied else {"path": str(src.path)}
        return refs

    def evidence_to_copy(self, doc: Document) -> list[EvidenceCopy]:
        """Evidence attached since the last save and not yet in the recovery entry, for copying off
        the GUI thread (``recovery_copy.copy_evidence``, then ``copies_done``). Empty until the
        entry's state is written: an entry never holds copies without the state that owns them."""
        t = self._tracked.get(id(doc))
        if t is None or t.doc is not doc or not (self.dir / t.token / STATE).is_file():
            return []
        folder = self.dir / t.token / "evidence"
        copies = []
        for sha in sorted(doc.assessment.evidence_hashes()):
            src = doc.evidence.get(sha)
            if isinstance(src, FileSource) and sha not in t.copied and sha not in t.copy_failed:
                copies.append(EvidenceCopy(sha, src.path, folder / sha))
        return copies

    def copies_done(self, doc: Document, outcome: CopyOutcome) -> bool:
        """Record what a ``copy_evidence`` run did; False (and its copies removed) when the
        document's entry went meanwhile (saved, closed, discarded)."""
        t = self._tracked.get(id(doc))
        entry = self.dir / t.token if t is not None else None
        if t is None or t.doc is not doc or entry is None or not (entry / STATE).is_file() \
                or any(c.target.parent.parent != entry for c in outcome.done):
            remove_copies(outcome.done)
            return False
        t.copied.update(c.sha256 for c in outcome.done)
        t.copy_failed.update(outcome.failed)  # left to their original paths; not tried again
        if outcome.done and t.dirty_since is None:
            t.dirty_since = self.clock()  # the next autosave refers to the copies
        return True

    def note_saved(self, doc: Document) -> None:
        """The document was saved to its file: its recovery entry is no longer needed."""
        self._remove(doc)

    def close_clean(self, doc: Document) -> None:
        """The document was closed on purpose (saved or changes discarded): drop its recovery entry."""
        self._remove(doc)
        self._tracked.pop(id(doc), None)

    def _remove(self, doc: Document) -> None:
        t = self._tracked.get(id(doc))
        if t is None or t.doc is not doc:
            return
        shutil.rmtree(self.dir / t.token, ignore_errors=True)
        t.dirty_since = t.last_autosave = None
        t.copied.clear()

    def pending(self) -> list[RecoveryEntry]:
        """Entries left by a crashed session (not ours, not of another running instance), newest first."""
        if not self.dir.is_dir():
            return []
        ours = {t.token for t in self._tracked.values()}
        found = []
        for folder in sorted(self.dir.iterdir()):
            if folder.is_dir() and folder.name not in ours:
                if not (folder / STATE).exists():
                    # Never a live entry (its state is written before anything is copied into it):
                    # what a crash left before the first autosave, or copies for an entry removed.
                    shutil.rmtree(folder, ignore_errors=True)
                    continue
                entry, state = _read_entry(folder)
                if state is not None and _owned_by_live_process(state):
                    continue
                found.append(entry)
        return sorted(found, key=lambda e: e.saved_at or dt.datetime.min.replace(tzinfo=dt.UTC), reverse=True)

    def restore(self, entry: RecoveryEntry) -> Document:
        """Rebuild the document; it keeps the entry (and its evidence copies) until saved or closed."""
        _entry, state = _read_entry(entry.folder)
        if state is None:
            raise VeuaError(f"the recovered work cannot be restored: {_entry.problem}", "recovery")
        try:
            assessment = Assessment.model_validate(state["assessment"])
            review = Review.model_validate(state.get("review", {}))
        except (ValidationError, KeyError, TypeError) as exc:
            reason = str(exc).splitlines()[0][:160]
            raise VeuaError(f"the recovered work is damaged ({reason})", "recovery") from None
        evidence: dict[str, EvidenceSource] = {}
        for sha, ref in dict(state.get("evidence") or {}).items():
            if isinstance(ref, dict) and "zip" in ref and Path(ref["zip"]).is_file():
                evidence[sha] = ZipSource(Path(ref["zip"]), str(ref.get("member", "")))
            elif isinstance(ref, dict) and "copy" in ref and (entry.folder / "evidence" / sha).is_file():
                evidence[sha] = FileSource(entry.folder / "evidence" / sha)
            elif isinstance(ref, dict) and "path" in ref and Path(str(ref["path"])).is_file():
                evidence[sha] = FileSource(Path(str(ref["path"])))  # not copied before the crash
        doc = Document(assessment=assessment, review=review, evidence=evidence, path=entry.original_path)
        t = self._track(doc, entry.token)
        # Only what is in the entry itself; a file referred to by its path is still to be copied.
        t.copied = {sha for sha, src in evidence.items()
                    if isinstance(src, FileSource) and src.path.parent == entry.folder / "evidence"}
        t.dirty_since = self.clock()  # restored work is unsaved work
        return doc

    def discard(self, entry: RecoveryEntry) -> None:
        shutil.rmtree(entry.folder, ignore_errors=True)


def _read_entry(folder: Path) -> tuple[RecoveryEntry, dict[str, Any] | None]:
    try:
        state = load_json((folder / STATE).read_bytes(), "recovery")
        if not isinstance(state, dict) or state.get("format") != RECOVERY_FORMAT:
            raise ValueError("not a recovery file of this app")
        saved_at = dt.datetime.fromisoformat(str(state["saved_at"]))
        original = Path(state["original_path"]) if state.get("original_path") else None
        entry = RecoveryEntry(folder.name, folder, original, saved_at, str(state.get("title", ""))[:200],
                              review_mode=state.get("review_mode") is True)
        return entry, state
    except (OSError, VeuaError, ValueError, KeyError, TypeError) as exc:
        problem = str(exc)[:200] or type(exc).__name__
        return RecoveryEntry(folder.name, folder, None, None, problem=problem), None


def _owned_by_live_process(state: dict[str, Any]) -> bool:
    """Another running instance of the app is still editing this document."""
    pid = state.get("pid")
    if not isinstance(pid, int) or isinstance(pid, bool) or pid == os.getpid():
        return False
    if state.get("host") != socket.gethostname():
        return False
    identity = state.get("pid_identity")
    return owner_alive(pid, identity if isinstance(identity, str) else None)

