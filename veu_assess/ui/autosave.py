"""Autosave and crash recovery, a part the main window owns.

The storage layer's ``RecoveryManager`` does the work; this part tells it about changes, saves
and clean closes, ticks it from a timer, copies newly attached evidence into the recovery entry
on a worker (``storage.recovery_copy``), and offers pending work at start-up. It owns its timer,
its copy task and the copy's stop flag; the window tells it which session is open.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer
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


def _tr(text: str) -> str:
    # The window's context: these texts were the window's before this part was split off.
    return QCoreApplication.translate("MainWindow", text)


class Autosave(QObject):
    """Autosave for the document open in ``window``; a no-op without a recovery manager."""

    def __init__(self, window: QMainWindow, catalog: Catalog, recovery: RecoveryManager | None,
                 session: Session, saving: Callable[[], bool]) -> None:
        super().__init__(window)
        self._window = window  # dialogs' parent and the status bar
        self._catalog = catalog
        self.recovery = recovery
        self._saving = saving  # a save is running: the recovery file waits for its outcome
        self.session = session  # the document autosaved (the window sets it)
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.evidence_copy: Task | None = None  # new evidence being copied into the recovery entry
        self._stop_copy = threading.Event()

    def _status(self, message: str) -> None:
        self._window.statusBar().showMessage(message, 10_000)

    def note_change(self) -> None:
        if self.recovery is None:
            return
        self.recovery.note_change(self.session.document, self.session.review_mode)
        if not self.timer.isActive():
            self.timer.start()

    def tick(self) -> int:
        if self.recovery is None or self._saving():
            return 0
        try:
            # The state first (quick; evidence attached since the last save is referred to by its
            # path), so the recovery file is never older than the interval; the copies after it.
            written = self.recovery.maybe_autosave()
        except VeuaError as exc:
            # Not a dialog: the operator is typing; a status message is enough and it retries.
            self._status(_tr("Autosave failed: {error}").format(error=str(exc)))
            return 0
        if self.evidence_copy is None:
            copies = self.recovery.evidence_to_copy(self.session.document)
            if copies:
                self._start_evidence_copy(self.session.document, copies)
        return written

    def _start_evidence_copy(self, doc: Document, copies: list[EvidenceCopy]) -> None:
        """Copy newly attached evidence (hundreds of MB, maybe) into the recovery entry on a worker,
        so it survives a removed USB stick; the next autosave refers to the copies."""

        def copied(outcome: CopyOutcome) -> None:
            self.evidence_copy = None
            if self.recovery is not None and self.recovery.copies_done(doc, outcome) and outcome.failed:
                reason = next(iter(outcome.failed.values()))
                self._status(_tr("Autosave could not copy new evidence ({error}); it is kept where it was "
                                 "attached from.").format(error=reason))

        def failed(exc: Exception) -> None:  # copy_evidence reports per file; this is unforeseen
            self.evidence_copy = None
            self._status(_tr("Autosave failed: {error}").format(error=str(exc)))

        stop = threading.Event()  # not the task's cancel: the outcome must still arrive, to clean up
        self.evidence_copy = start_task(lambda progress: copy_evidence(copies, stop.is_set),
                                        on_success=copied, on_failure=failed, parent=self)
        self._stop_copy = stop

    def saved(self, doc: Document) -> None:
        """``doc`` was saved with nothing changed meanwhile: its recovery entry goes."""
        if self.recovery is not None:
            self._stop_copy.set()
            self.recovery.note_saved(doc)

    def forget(self) -> None:
        """The current document is closed on purpose: its recovery entry goes."""
        self._stop_copy.set()
        if self.recovery is not None:
            self.recovery.close_clean(self.session.document)

    def restore(self) -> Session | None:
        """At start-up: offer unsaved work left by a crash; the restored session, if any."""
        if self.recovery is None:
            return None
        for entry in self.recovery.pending():
            if entry.problem:
                dialogs.show_error(
                    self._window,
                    _tr("Recovery"),
                    _tr("Unsaved work from an earlier session cannot be restored ({problem}); it is removed.").format(
                        problem=entry.problem),
                )
                self.recovery.discard(entry)
                continue
            when = entry.saved_at.astimezone().strftime("%Y-%m-%d %H:%M") if entry.saved_at else "?"
            name = entry.original_path.name if entry.original_path else (entry.title or _tr("Untitled"))
            if not dialogs.ask_recover(self._window, _tr("{name}, autosaved {when}").format(name=name, when=when)):
                self.recovery.discard(entry)
                continue
            try:
                doc = self.recovery.restore(entry)
            except VeuaError as exc:
                dialogs.show_error(self._window, _tr("Recovery"), str(exc))
                continue
            session = Session(self._catalog, doc, review_mode=entry.review_mode)
            session.recovered = True
            return session
        return None
