"""The evidence list of one answer: add (file dialog or drag and drop), remove, open.

Files are hashed (SHA-256, streamed) on a worker thread; only the finished hash comes back to
the GUI thread, which attaches the reference to the answer through the session (undoable).
Opening extracts the stored bytes (storage.evidence: hash-verified, safe file name) into a
temporary folder the app owns and removes at exit, because the evidence may live inside the
.veua zip rather than on disk.
"""

from __future__ import annotations

import atexit
import datetime as dt
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget
from shiboken6 import isValid

from veu_assess.bugs import error_text
from veu_assess.model.assessment import EvidenceRef
from veu_assess.storage.digest import sha256_stream
from veu_assess.storage.errors import VeuaError
from veu_assess.storage.evidence import extract_evidence, is_runnable_name, safe_filename
from veu_assess.ui import dialogs
from veu_assess.ui.a11y import control_name
from veu_assess.ui.file_places import start_folder
from veu_assess.ui.file_reveal import open_or_offer
from veu_assess.ui.labels import human_size
from veu_assess.ui.session import Session
from veu_assess.ui.settings import UiSettings
from veu_assess.ui.workers import Progress, start_task

_temp_root: Path | None = None


def evidence_temp_dir() -> Path:
    """A private temporary folder for opened evidence, deleted when the app exits."""
    global _temp_root
    if _temp_root is None or not _temp_root.is_dir():
        _temp_root = Path(tempfile.mkdtemp(prefix="veu-assess-evidence-"))
        atexit.register(shutil.rmtree, _temp_root, True)
    return _temp_root


def extract_for_viewing(session: Session, ref: EvidenceRef) -> Path:
    """Extract (hash-verified, safe name) into the private temp folder, one sub-folder per hash."""
    folder = evidence_temp_dir() / ref.sha256[:16]
    folder.mkdir(exist_ok=True)
    return extract_evidence(session.document, ref.sha256, folder)


def _hash_files(paths: list[Path], progress: Progress) -> list[tuple[Path, str, int]]:
    out = []
    for i, path in enumerate(paths):
        progress.check()
        try:
            with path.open("rb") as fh:
                sha, size = sha256_stream(fh)
        except OSError as exc:
            raise VeuaError(f"cannot read evidence file {path.name}: {exc.strerror or exc}") from exc
        out.append((path, sha, size))
        progress.report(i + 1, len(paths))
    return out


def _tr(text: str) -> str:
    return QCoreApplication.translate("EvidenceList", text)


def attach_hashed(session: Session, key: str, results: list[tuple[Path, str, int]]) -> None:
    """Attach hashed files to the answer ``key`` (one undoable edit; a file already cited is skipped)."""
    answer = session.answer(key)
    known = {ref.sha256 for ref in answer.evidence}
    refs = list(answer.evidence)
    for path, sha, size in results:
        session.register_evidence(path, sha)
        if sha not in known:
            known.add(sha)
            refs.append(EvidenceRef(sha256=sha, filename=safe_filename(path.name, "evidence"), size=size,
                                    added=dt.date.today()))
    session.set_answer(key, answer.model_copy(update={"evidence": refs}))


class EvidenceList(QWidget):
    """Evidence attached to the answer ``key``; emits ``attached`` when hashing is done."""

    attached = Signal()

    def __init__(self, session: Session, key: str, context: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.key = session, key  # ``context`` names the requirement in every control's name
        self.read_only = False
        self.setAcceptDrops(True)
        self.list = QListWidget()
        self.list.setAccessibleName(control_name(context, self.tr("Evidence files")))
        self.list.setWordWrap(True)
        self.list.setAcceptDrops(False)  # the whole widget takes drops
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.add_button = QPushButton(self.tr("Atta&ch evidence…"))
        self.add_button.setAccessibleName(control_name(context, self.tr("Attach evidence files")))
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.remove_button.setAccessibleName(control_name(context, self.tr("Remove the selected evidence file")))
        self.remove_button.clicked.connect(self.remove_selected)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setAccessibleName(control_name(context, self.tr("Open the selected evidence file")))
        self.open_button.clicked.connect(self.open_selected)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.open_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.reload()

    def refs(self) -> list[EvidenceRef]:
        return list(self.session.answer(self.key).evidence)

    def reload(self) -> None:
        self.list.clear()
        for ref in self.refs():
            text = f"{ref.filename}  ·  {human_size(ref.size)}  ·  SHA-256 {ref.sha256[:16]}…"
            item = QListWidgetItem(text)
            item.setToolTip(
                self.tr("{name}\n{size} bytes\nSHA-256 {sha}").format(
                    name=ref.filename, size=f"{ref.size:,}", sha=ref.sha256
                )
            )
            item.setData(0x0100, ref.sha256)  # Qt.UserRole
            self.list.addItem(item)
        # Short lists stay short; long ones scroll.
        rows = max(1, min(self.list.count(), 5))
        self.list.setMaximumHeight(
            self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth() + 4
            if self.list.count()
            else self.list.fontMetrics().height() * 2
        )
        self._update_buttons()

    def set_read_only(self, on: bool) -> None:
        """Review mode: the files can be opened, not attached or removed."""
        self.read_only = on
        self.setAcceptDrops(not on)
        self.add_button.setEnabled(not on)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.list.currentRow() >= 0
        self.remove_button.setEnabled(has and not self.read_only)
        self.open_button.setEnabled(has)

    def _selected(self) -> EvidenceRef | None:
        row = self.list.currentRow()
        refs = self.refs()
        return refs[row] if 0 <= row < len(refs) else None

    # --- actions -------------------------------------------------------------------------
    def choose_files(self) -> None:
        if self.read_only:
            return
        settings = UiSettings()
        # Evidence tends to sit together: start where the last was attached from, else near the file.
        folder = settings.evidence_folder() or start_folder(self.session.path, settings.recent_files())
        paths = dialogs.get_evidence_paths(self, str(folder))
        if paths:
            settings.set_evidence_folder(paths[0].parent)
            self.add_files(paths)

    def add_files(self, paths: list[Path]) -> None:
        if self.read_only:
            return
        files = [p for p in paths if p.is_file()]
        if not files:
            dialogs.show_error(self, self.tr("Attach evidence"), self.tr("Only files can be attached, not folders."))
            return
        self.add_button.setEnabled(False)
        session, key = self.session, self.key

        # The task belongs to the session, not to this widget: switching the language rebuilds
        # the pages, and a hash that finishes afterwards must still be attached, not dropped.
        def hashed(results: list[tuple[Path, str, int]]) -> None:
            attach_hashed(session, key, results)
            if isValid(self):
                self.add_button.setEnabled(not self.read_only)
                self.attached.emit()

        def failed(exc: Exception) -> None:
            alive = isValid(self)
            if alive:
                self.add_button.setEnabled(not self.read_only)
            dialogs.show_error(self if alive else QApplication.activeWindow(), _tr("Attach evidence"), error_text(exc))

        start_task(lambda progress: _hash_files(files, progress), on_success=hashed, on_failure=failed,
                   parent=session)

    def remove_selected(self) -> None:
        ref = self._selected()
        if ref is None or self.read_only:
            return
        answer = self.session.answer(self.key)
        refs = [r for r in answer.evidence if r.sha256 != ref.sha256]
        self.session.set_answer(self.key, answer.model_copy(update={"evidence": refs}))

    def open_selected(self) -> None:
        ref = self._selected()
        if ref is None:
            return
        try:
            path = extract_for_viewing(self.session, ref)
        except (OSError, VeuaError) as exc:
            dialogs.show_error(self, self.tr("Open evidence"), str(exc))
            return
        if is_runnable_name(path.name):
            # A program or script from someone else's file is shown in its folder, never run.
            dialogs.show_info(
                self,
                self.tr("Open evidence"),
                self.tr("{name} is a program or script, so it is not opened; its folder is shown "
                        "instead. Check it before running it.").format(name=path.name),
            )
            dialogs.open_url(QUrl.fromLocalFile(str(path.parent)))
            return
        open_or_offer(self, self.tr("Open evidence"), path)  # else: save a copy, or show its folder

    # --- drag and drop -------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)
