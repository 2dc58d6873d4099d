"""File handling of the main window: New, Open (off the GUI thread), Open Recent, Save, Save As,
Close, the unsaved-changes prompt and the title bar.

Autosave and crash recovery are the window's ``autosave.Autosave`` part.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, SignalInstance
from PySide6.QtWidgets import QMainWindow, QMenu, QProgressBar, QWidget

from veu_assess.bugs import error_text
from veu_assess.catalog.loader import Catalog
from veu_assess.resources import is_bundled
from veu_assess.storage.document import Document, new_document
from veu_assess.storage.veua import open_document, save_document
from veu_assess.ui import dialogs
from veu_assess.ui.autosave import Autosave
from veu_assess.ui.background import hold_input
from veu_assess.ui.session import Session, snapshot
from veu_assess.ui.settings import UiSettings
from veu_assess.ui.workers import Progress, Task, start_task

if TYPE_CHECKING:
    _Base = QMainWindow
else:
    _Base = object


class FileActions(_Base):
    """Mixed into MainWindow (which provides the attributes declared below)."""

    catalog: Catalog
    autosave: Autosave
    settings: UiSettings
    session: Session | None
    recent_menu: QMenu

    documentOpened: SignalInstance
    openFailed: SignalInstance
    saveFinished: SignalInstance

    if TYPE_CHECKING:

        def set_session(self, session: Session) -> None: ...

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)  # QMainWindow's, next in MainWindow's method order
        self._open_task: Task | None = None
        self._progress: QProgressBar | None = None
        self._save_task: Task | None = None  # a save running on a worker (see save_to)
        self._queued_open: tuple[Path, bool] | None = None  # asked to open while a file was saved or opened

    # --- title ---------------------------------------------------------------------------
    def display_name(self) -> str:
        if self.session is not None and self.session.path is not None:
            return self.session.path.name
        return self.tr("Untitled")

    def update_title(self) -> None:
        if self.session is not None and self.session.review_mode:
            title = self.tr("{name}[*] (review) — VEU Readiness Assessor")
        else:
            title = self.tr("{name}[*] — VEU Readiness Assessor")
        self.setWindowTitle(title.format(name=self.display_name()))
        self.setWindowModified(self.session is not None and self.session.modified)

    # --- new / close ---------------------------------------------------------------------
    def new_file(self) -> None:
        self.after_save_prompt(self._new_now)

    def _new_now(self) -> None:
        self.autosave.forget()
        self.set_session(Session(self.catalog, new_document(self.catalog)))

    def close_file(self) -> None:
        """Close the document; the window stays open with a new, empty assessment."""
        self.new_file()

    def after_save_prompt(self, then: Callable[[], None]) -> None:
        """Run ``then`` once unsaved changes are dealt with (see ``maybe_save``)."""
        if self.maybe_save(then):
            then()

    def maybe_save(self, then: Callable[[], None]) -> bool:
        """Ask about unsaved changes. True: go on now (nothing unsaved, or Discard). False: not now;
        after Save, ``then`` runs when the save has succeeded (and never after Cancel or a failure)."""
        if self.session is None or not self.session.modified:
            return True
        choice = dialogs.ask_save_changes(self, self.display_name())
        if choice is not dialogs.SaveChoice.SAVE:
            return choice is dialogs.SaveChoice.DISCARD

        def saved(ok: bool) -> None:
            # Saved, but a change may have landed while the file was written (an attachment whose
            # hash finished): it is not in the file, so ask again rather than drop it.
            if ok:
                self.after_save_prompt(then)

        self.save(then=saved)
        return False

    # --- open ----------------------------------------------------------------------------
    def open_file(self) -> None:
        folder = str(self.session.path.parent) if self.session and self.session.path else ""
        path = dialogs.get_open_path(self, folder)
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path, review: bool = False) -> None:
        """Open a .veua on a worker thread; ``documentOpened`` or ``openFailed`` follows.

        ``review``: open it for an auditor's review (answers read-only, verdicts editable).
        """
        if self._save_task is not None or self._open_task is not None:
            # Asked (by the system: a file opened in the Finder) while a file is saved or opened:
            # afterwards, the latest request winning.
            self._queued_open = (path, review)
            return
        self.after_save_prompt(lambda: self._start_open(path, review))

    def _start_open(self, path: Path, review: bool) -> None:
        self._busy(self.tr("Opening {name}…").format(name=path.name))

        def work(progress: Progress) -> Document:
            return open_document(path)

        self._open_task = start_task(
            work,
            on_success=lambda doc: self._opened(path, doc, review),
            on_failure=lambda exc: self._open_failed(path, exc),
            parent=self,
        )

    def open_now(self, path: Path, review: bool = False) -> None:
        """Open on the GUI thread (smoke mode and start-up files): raises VeuaError."""
        doc = open_document(path)
        self._opened(path, doc, review)

    def _opened(self, path: Path, doc: Document, review: bool = False) -> None:
        self._idle()
        self.autosave.forget()
        self.set_session(Session(self.catalog, doc, review_mode=review))
        self.settings.add_recent_file(path, review)
        self.update_recent_menu()
        if review:
            message = self.tr("Opened {name} for review: the answers are read-only.")
        else:
            message = self.tr("Opened {name}")
        self.statusBar().showMessage(message.format(name=path.name), 5000)
        self.documentOpened.emit(path)
        self._open_queued_later()

    def _open_failed(self, path: Path, exc: Exception) -> None:
        self._idle()
        message = error_text(exc)
        dialogs.show_error(self, self.tr("Cannot open {name}").format(name=path.name), message)
        self.openFailed.emit(message)
        self._open_queued_later()

    def _set_enabled(self, on: bool) -> None:
        # While a file opens, the old document must not be edited: its edits would be lost.
        central = self.centralWidget()
        if central is not None:
            central.setEnabled(on)

    def _busy(self, message: str) -> None:
        self._set_enabled(False)
        self._progress = QProgressBar()
        self._progress.setRange(0, 0)
        self._progress.setAccessibleName(message)
        self.statusBar().addPermanentWidget(self._progress)
        self.statusBar().showMessage(message)

    def _idle(self) -> None:
        self._open_task = None
        self._set_enabled(True)
        if self._progress is not None:  # None when the file was opened on the GUI thread
            self.statusBar().removeWidget(self._progress)
            self._progress.deleteLater()
            self._progress = None
        self.statusBar().clearMessage()

    # --- recent files --------------------------------------------------------------------
    def update_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        for n, path in enumerate(files, 1):
            # &1 ... &8: keyboard users pick a recent file by its number.
            action = self.recent_menu.addAction(f"&{n} {path.name}")
            action.setToolTip(str(path))
            review = self.settings.opened_for_review(path)  # reopened the way it was opened
            action.triggered.connect(lambda _c=False, p=path, r=review: self.open_path(p, review=r))
        if files:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(self.tr("&Clear list"))
            clear.triggered.connect(self._clear_recent)
        self.recent_menu.setEnabled(bool(files))

    def _clear_recent(self) -> None:
        self.settings.clear_recent_files()
        self.update_recent_menu()

    # --- save ----------------------------------------------------------------------------
    # A save runs on a worker; True means it started. ``saveFinished(ok)`` follows, and ``then(ok)``
    # if given: callers continue from there, the GUI thread never waits in a nested event loop.
    def save(self, then: Callable[[bool], None] | None = None) -> bool:
        if self.session is None:
            return False
        if self.session.path is None or is_bundled(self.session.path):
            return self.save_as(then)  # the bundled sample stays as shipped: save a copy elsewhere
        return self.save_to(self.session.path, then)

    def save_as(self, then: Callable[[bool], None] | None = None) -> bool:
        if self.session is None:
            return False
        suggested = str(self.session.path) if self.session.path else self.tr("assessment.veua")
        path = dialogs.get_save_path(self, suggested)
        return self.save_to(path, then) if path is not None else False

    def save_to(self, path: Path, then: Callable[[bool], None] | None = None) -> bool:
        assert self.session is not None
        if self._open_task is not None or self._save_task is not None:
            return False  # a file is being opened or saved: its outcome decides what comes next
        session = self.session
        # Off the GUI thread: new evidence is hashed and copied while saving (hundreds of MB). The
        # worker writes a private copy, so a change that lands meanwhile (a hash that finishes and
        # attaches its file) is neither half-written nor lost: it just keeps the document modified.
        copy = snapshot(session.document)
        self._busy(self.tr("Saving {name}…").format(name=path.name))
        release = hold_input(self)

        def finished(error: Exception | None) -> None:
            self._save_task = None
            release()
            self._idle()
            if error is not None:
                dialogs.show_error(self, self.tr("Cannot save {name}").format(name=path.name), error_text(error))
            else:
                self._saved(session, copy, path)
            self.saveFinished.emit(error is None)
            if then is not None:
                then(error is None)
            self._open_queued_later()

        def work(progress: Progress) -> None:
            save_document(copy, path)

        self._save_task = start_task(work, on_success=lambda _v: finished(None), on_failure=finished, parent=self)
        return True

    def _open_queued_later(self) -> None:
        if self._queued_open is not None:
            QTimer.singleShot(0, self._open_queued)

    def _open_queued(self) -> None:
        if self._queued_open is not None and self._save_task is None and self._open_task is None:
            path, review = self._queued_open
            self._queued_open = None
            self.open_path(path, review)

    def _saved(self, session: Session, copy: Document, path: Path) -> None:
        """Carry what the save learnt (file, stored evidence, digest) over to the live document."""
        doc = session.document
        unchanged = copy.assessment == doc.assessment and copy.review == doc.review
        doc.path, doc.source = path, copy.source
        doc.evidence.update(copy.evidence)  # now read from the saved file; newer files stay as they are
        if unchanged:
            self.autosave.saved(doc)
            session.mark_saved()
        else:
            session.mark_saved_with_changes()
        self.settings.add_recent_file(path, session.review_mode)
        self.update_recent_menu()
        self.statusBar().showMessage(self.tr("Saved {name}").format(name=path.name), 5000)
