"""Autosave and crash recovery in the main window (a mixin of ``FileActions``).

The storage layer's ``RecoveryManager`` does the work; this mixin tells it about changes, saves
and clean closes, ticks it from a timer, copies newly attached evidence into the recovery entry
on a worker (``storage.recovery_copy``), and offers pending work at start-up.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, SignalInstance
from PySide6.QtWidgets import QMainWindow

from veu_assess.catalog.loader import Catalog
from veu_assess.storage.document import Document
from veu_assess.storage.errors import VeuaError
from veu_assess.storage.recovery import RecoveryManager
from veu_assess.storage.recovery_copy import CopyOutcome, EvidenceCopy, copy_evidence
from veu_assess.ui import dialogs
from veu_assess.ui.session import Session
from veu_assess.ui.workers import Task, start_task

AUTOSAVE_TICK_MS = 5_000  # how often the recovery manager is asked whether an autosave is due

if TYPE_CHECKING:
    _Base = QMainWindow
else:
    _Base = object


class RecoveryActions(_Base):
    """Mixed into MainWindow through FileActions (which provide the attributes declared below)."""

    catalog: Catalog
    recovery: RecoveryManager | None
    session: Session | None
    _save_task: Task | None = None  # a save running (FileActions)
    _autosave_timer: QTimer | None = None
    _evidence_copy: Task | None = None  # new evidence being copied into the recovery entry
    _stop_copy: threading.Event | None = None

    documentOpened: SignalInstance

    if TYPE_CHECKING:

        def set_session(self, session: Session) -> None: ...

    def note_change(self) -> None:
        if self.recovery is None or self.session is None:
            return
        self.recovery.note_change(self.session.document, self.session.review_mode)
        if self._autosave_timer is None:
            self._autosave_timer = QTimer(self)
            self._autosave_timer.setInterval(AUTOSAVE_TICK_MS)
            self._autosave_timer.timeout.connect(self.autosave_tick)
        if not self._autosave_timer.isActive():
            self._autosave_timer.start()

    def autosave_tick(self) -> int:
        if self.recovery is None or self._save_task is not None:
            return 0
        try:
            # The state first (quick; evidence attached since the last save is referred to by its
            # path), so the recovery file is never older than the interval; the copies after it.
            written = self.recovery.maybe_autosave()
        except VeuaError as exc:
            # Not a dialog: the operator is typing; a status message is enough and it retries.
            self.statusBar().showMessage(self.tr("Autosave failed: {error}").format(error=str(exc)), 10_000)
            return 0
        if self._evidence_copy is None and self.session is not None:
            copies = self.recovery.evidence_to_copy(self.session.document)
            if copies:
                self._start_evidence_copy(self.session.document, copies)
        return written

    def _start_evidence_copy(self, doc: Document, copies: list[EvidenceCopy]) -> None:
        """Copy newly attached evidence (hundreds of MB, maybe) into the recovery entry on a worker,
        so it survives a removed USB stick; the next autosave refers to the copies."""

        def copied(outcome: CopyOutcome) -> None:
            self._evidence_copy = None
            if self.recovery is not None and self.recovery.copies_done(doc, outcome) and outcome.failed:
                reason = next(iter(outcome.failed.values()))
                self.statusBar().showMessage(
                    self.tr("Autosave could not copy new evidence ({error}); it is kept where it was "
                            "attached from.").format(error=reason), 10_000)

        def failed(exc: Exception) -> None:  # copy_evidence reports per file; this is unforeseen
            self._evidence_copy = None
            self.statusBar().showMessage(self.tr("Autosave failed: {error}").format(error=str(exc)), 10_000)

        stop = threading.Event()  # not the task's cancel: the outcome must still arrive, to clean up
        self._evidence_copy = start_task(lambda progress: copy_evidence(copies, stop.is_set),
                                         on_success=copied, on_failure=failed, parent=self)
        self._stop_copy = stop

    def _stop_evidence_copy(self) -> None:
        """The document's recovery entry goes (saved, closed): stop copying into it."""
        if self._evidence_copy is not None and self._stop_copy is not None:
            self._stop_copy.set()

    def forget_recovery(self) -> None:
        """The current document is closed on purpose: its recovery entry goes."""
        self._stop_evidence_copy()
        if self.recovery is not None and self.session is not None:
            self.recovery.close_clean(self.session.document)

    def offer_recovery(self) -> bool:
        """At start-up: offer unsaved work left by a crash. True when a document was restored."""
        if self.recovery is None:
            return False
        for entry in self.recovery.pending():
            if entry.problem:
                dialogs.show_error(
                    self,
                    self.tr("Recovery"),
                    self.tr(
                        "Unsaved work from an earlier session cannot be restored ({problem}); it is removed."
                    ).format(problem=entry.problem),
                )
                self.recovery.discard(entry)
                continue
            when = entry.saved_at.astimezone().strftime("%Y-%m-%d %H:%M") if entry.saved_at else "?"
            name = entry.original_path.name if entry.original_path else (entry.title or self.tr("Untitled"))
            if not dialogs.ask_recover(self, self.tr("{name}, autosaved {when}").format(name=name, when=when)):
                self.recovery.discard(entry)
                continue
            try:
                doc = self.recovery.restore(entry)
            except VeuaError as exc:
                dialogs.show_error(self, self.tr("Recovery"), str(exc))
                continue
            session = Session(self.catalog, doc, review_mode=entry.review_mode)
            session.recovered = True
            self.set_session(session)
            self.note_change()  # restored work is unsaved: keep autosaving it
            return True
        return False
