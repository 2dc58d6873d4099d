"""File handling, a part the main window owns: New, Open (off the GUI thread), Open Recent, Save,
Save As (off the GUI thread too), Close, the unsaved-changes prompt and the title bar.

It hands the window each session to show (``sessionReady``: a new document, or one just opened)
and says when a document was saved with nothing changed meanwhile (``savedUnchanged``, for the
autosave part). It owns the Open Recent menu, its progress bar and its open and save tasks; the
window tells it which session is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QMenu, QProgressBar

from veu_assess.bugs import error_text
from veu_assess.catalog.loader import Catalog
from veu_assess.resources import is_bundled
from veu_assess.storage.document import Document, new_document
from veu_assess.storage.veua import open_document, save_document
from veu_assess.ui import dialogs
from veu_assess.ui.background import hold_input
from veu_assess.ui.file_errors import open_error_text
from veu_assess.ui.file_places import start_folder, suggested_save_path
from veu_assess.ui.session import Session, snapshot
from veu_assess.ui.settings import UiSettings
from veu_assess.ui.workers import Progress, Task, start_task


class FileActions(QObject):
    """The file commands of ``window``, for the session it shows (``session``, set by the window)."""

    sessionReady = Signal(object)  # a Session for the window to show instead of the current one
    documentOpened = Signal(object)  # Path of the opened file
    openFailed = Signal(str)  # the storage layer's message
    saveFinished = Signal(bool)  # a save started by save/save_as/save_to ended: True when written
    savedUnchanged = Signal(object)  # the Document just saved, unchanged while it was written

    def __init__(self, window: QMainWindow, catalog: Catalog, settings: UiSettings, session: Session) -> None:
        super().__init__(window)
        self._window = window  # dialogs' parent, its title, status bar and central widget
        self._catalog = catalog
        self._settings = settings
        self.session = session  # the document shown (the window sets it)
        self.recent_menu = QMenu(window)
        self._open_task: Task | None = None
        self._progress: QProgressBar | None = None
        self._save_task: Task | None = None  # a save running on a worker (see save_to)
        self._queued_open: tuple[Path, bool] | None = None  # asked to open while a file was saved or opened

    def retranslate(self) -> None:
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.update_recent_menu()
        self.update_title()

    def saving(self) -> bool:
        """A save is running (the autosave waits for its outcome)."""
        return self._save_task is not None

    # --- title ---------------------------------------------------------------------------
    def display_name(self) -> str:
        if self.session.path is not None:
            return self.session.path.name
        return self.tr("Untitled")

    def update_title(self) -> None:
        if self.session.review_mode:
            title = self.tr("{name}[*] (review) — VEU Readiness Assessor")
        else:
            title = self.tr("{name}[*] — VEU Readiness Assessor")
        self._window.setWindowTitle(title.format(name=self.display_name()))
        self._window.setWindowModified(self.session.modified)

    # --- new / close ---------------------------------------------------------------------
    def new_file(self) -> None:
        self.after_save_prompt(self._new_now)

    def _new_now(self) -> None:
        self.sessionReady.emit(Session(self._catalog, new_document(self._catalog)))
        self._window.statusBar().clearMessage()  # "Saved …" spoke of the file just closed

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
        if not self.session.modified:
            return True
        choice = dialogs.ask_save_changes(self._window, self.display_name())
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
        self._ask_and_open(review=False)

    def open_file_for_review(self) -> None:
        self._ask_and_open(review=True)

    def _ask_and_open(self, review: bool) -> None:
        folder = start_folder(self.session.path, self._settings.recent_files())
        path = dialogs.get_open_path(self._window, str(folder))
        if path is not None:
            self.open_path(path, review)

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
        self.sessionReady.emit(Session(self._catalog, doc, review_mode=review))
        self._settings.add_recent_file(path, review)
        self.update_recent_menu()
        if review:
            message = self.tr("Opened {name} for review: the answers are read-only.")
        else:
            message = self.tr("Opened {name}")
        self._window.statusBar().showMessage(message.format(name=path.name), 5000)
        self.documentOpened.emit(path)
        self._open_queued_later()

    def _open_failed(self, path: Path, exc: Exception) -> None:
        self._idle()
        message = open_error_text(path, exc)  # what is wrong, and the next step (a backup, a new copy)
        dialogs.show_error(self._window, self.tr("Cannot open {name}").format(name=path.name), message)
        self.openFailed.emit(message)
        self._open_queued_later()

    def _set_enabled(self, on: bool) -> None:
        # While a file opens, the old document must not be edited: its edits would be lost.
        central = self._window.centralWidget()
        if central is not None:
            central.setEnabled(on)

    def _busy(self, message: str) -> None:
        self._set_enabled(False)
        self._progress = QProgressBar()
        self._progress.setRange(0, 0)
        self._progress.setAccessibleName(message)
        self._window.statusBar().addPermanentWidget(self._progress)
        self._window.statusBar().showMessage(message)

    def _idle(self) -> None:
        self._open_task = None
        self._set_enabled(True)
        if self._progress is not None:  # None when the file was opened on the GUI thread
            self._window.statusBar().removeWidget(self._progress)
            self._progress.deleteLater()
            self._progress = None
        self._window.statusBar().clearMessage()

    # --- recent files --------------------------------------------------------------------
    def update_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self._settings.recent_files()
        for n, path in enumerate(files, 1):
            # &1 ... &8: keyboard users pick a recent file by its number.
            action = self.recent_menu.addAction(f"&{n} {path.name}")
            action.setToolTip(str(path))
            review = self._settings.opened_for_review(path)  # reopened the way it was opened
            action.triggered.connect(lambda _c=False, p=path, r=review: self.open_path(p, review=r))
        if files:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(self.tr("&Clear list"))
            clear.triggered.connect(self._clear_recent)
        self.recent_menu.setEnabled(bool(files))

    def _clear_recent(self) -> None:
        self._settings.clear_recent_files()
        self.update_recent_menu()

    # --- save ----------------------------------------------------------------------------
    # A save runs on a worker; True means it started. ``saveFinished(ok)`` follows, and ``then(ok)``
    # if given: callers continue from there, the GUI thread never waits in a nested event loop.
    def save(self, then: Callable[[bool], None] | None = None) -> bool:
        if self.session.path is None or is_bundled(self.session.path):
            return self.save_as(then)  # the bundled sample stays as shipped: save a copy elsewhere
        return self.save_to(self.session.path, then)

    def save_as(self, then: Callable[[bool], None] | None = None) -> bool:
        assessment = self.session.document.assessment
        suggested = suggested_save_path(self.session.path, assessment.title, assessment.profile.applicant_name,
                                        self._settings.recent_files())
        path = dialogs.get_save_path(self._window, str(suggested))
        return self.save_to(path, then) if path is not None else False

    def save_to(self, path: Path, then: Callable[[bool], None] | None = None) -> bool:
        if self._open_task is not None or self._save_task is not None:
            return False  # a file is being opened or saved: its outcome decides what comes next
        session = self.session
        # Off the GUI thread: new evidence is hashed and copied while saving (hundreds of MB). The
        # worker writes a private copy, so a change that lands meanwhile (a hash that finishes and
        # attaches its file) is neither half-written nor lost: it just keeps the document modified.
        copy = snapshot(session.document)
        self._busy(self.tr("Saving {name}…").format(name=path.name))
        release = hold_input(self._window)

        def finished(error: Exception | None) -> None:
            self._save_task = None
            release()
            self._idle()
            if error is not None:
                title = self.tr("Cannot save {name}").format(name=path.name)
                dialogs.show_error(self._window, title, error_text(error))
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
            self.savedUnchanged.emit(doc)
            session.mark_saved()
        else:
            session.mark_saved_with_changes()
        self._settings.add_recent_file(path, session.review_mode)
        self.update_recent_menu()
        self._window.statusBar().showMessage(self.tr("Saved {name}").format(name=path.name), 5000)
