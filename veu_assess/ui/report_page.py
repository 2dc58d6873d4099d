"""The Report page: a plain-text summary preview and the exports (PDF, CSV, OSCAL JSON).

The PDF comes from ``veu_assess.report.api.write_report``; the other formats from the export
registry (``veu_assess.export.registry``), the same writers the command line uses. Exports run on a
worker thread on a snapshot of the document, with a busy indicator and Cancel. The File > Export
menu of the main window calls ``ReportPage.export`` too, so there is one code path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from veu_assess.bugs import error_text
from veu_assess.catalog.loader import Catalog
from veu_assess.export.registry import get_exporter
from veu_assess.storage.document import Document
from veu_assess.text.summary import result_to_text
from veu_assess.ui import dialogs, i18n
from veu_assess.ui.a11y import Heading
from veu_assess.ui.answer_choice import guard_wheel
from veu_assess.ui.file_places import document_stem, documents_folder
from veu_assess.ui.file_reveal import open_or_offer, show_in_folder
from veu_assess.ui.fonts import fixed_font
from veu_assess.ui.key_file import KeyFileChooser
from veu_assess.ui.session import Session, snapshot
from veu_assess.ui.settings import UiSettings
from veu_assess.ui.workers import Progress, Task, start_task

if TYPE_CHECKING:
    from veu_assess.signing.keys import Identity

Writer = Callable[[Document, Catalog, Path, str], None]

#: The formats the page (and File > Export) offers, in menu order: "pdf" plus registry names.
EXPORT_KINDS = ("pdf", "csv", "oscal-ar", "oscal-poam")


def writer_for(kind: str) -> Writer:
    """The writer ``fn(doc, catalog, out_path, lang)`` of an export kind (ValueError if unknown)."""
    if kind == "pdf":
        return _write_pdf
    return get_exporter(kind)


def _write_pdf(doc: Document, catalog: Catalog, path: Path, lang: str,
               check: Callable[[], None] | None = None, identity: Identity | None = None) -> None:
    # Imported on the first export (in the worker), not at start-up: reportlab costs ~150 ms.
    from veu_assess.report.api import write_report

    if identity is None:
        write_report(doc, path, lang, catalog=catalog, check=check)
        return
    from veu_assess.signing.pdf import signed_report
    from veu_assess.storage.files import write_atomic

    write_atomic(path, signed_report(doc, identity, lang, catalog, check))


@dataclass(frozen=True)
class ExportSpec:
    """What the save dialog shows for one export kind."""

    title: str
    file_name: str
    file_filter: str


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportPage", text)


class ReportPage(QScrollArea):
    task_finished = Signal()  # an export ended (written, failed or cancelled)

    def __init__(self, session: Session, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.lang = session, lang
        self.task: Task | None = None
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Report"))
        heading = Heading(self.tr("Report"), 1.4)  # a heading to a screen reader too
        self.language = QComboBox()
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Japanese"), "ja")
        # The report's language follows the interface by default; it can be chosen for each export.
        self.language.setCurrentIndex(max(self.language.findData(i18n.current_language()), 0))
        self.language.setAccessibleName(self.tr("Report language"))
        self.language.currentIndexChanged.connect(lambda _index: self.refresh())
        lang_label = QLabel(self.tr("Report &language:"))
        lang_label.setBuddy(self.language)
        self.pdf_button = self._export_button("pdf", self.tr("Export P&DF…"), self.tr("Export the PDF report"))
        self.csv_button = self._export_button("csv", self.tr("Export &CSV…"), self.tr("Export the gap list as CSV"))
        self.oscal_ar_button = self._export_button(
            "oscal-ar",
            self.tr("Export OSCAL assessment res&ults (JSON)…"),
            self.tr("Export the OSCAL assessment results as JSON"),
        )
        self.oscal_poam_button = self._export_button(
            "oscal-poam",
            self.tr("Export OSCAL P&OA&&M (JSON)…"),
            self.tr("Export the OSCAL plan of action and milestones as JSON"),
        )
        self.export_buttons = [self.pdf_button, self.csv_button, self.oscal_ar_button, self.oscal_poam_button]
        self.key_file = KeyFileChooser()  # a signed PDF (PAdES), with the auditor's key
        self.cancel_button = QPushButton(self.tr("Cancel e&xport"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the export"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # the writers give no progress: a busy indicator
        self.busy.setAccessibleName(self.tr("Export in progress"))
        self.busy.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        # After an export: the file written, one click away (and its folder, for mailing it).
        self.open_export_button = QPushButton(self.tr("Open the file"))
        self.open_export_button.setAccessibleName(self.open_export_button.text())
        self.open_export_button.clicked.connect(self.open_exported)
        self.show_export_button = QPushButton(self.tr("Show in folder"))
        self.show_export_button.setAccessibleName(self.show_export_button.text())
        self.show_export_button.clicked.connect(self.show_exported)
        self.exported: Path | None = None
        done_row = QHBoxLayout()
        done_row.addWidget(self.open_export_button)
        done_row.addWidget(self.show_export_button)
        done_row.addStretch(1)
        for button in (self.open_export_button, self.show_export_button):
            button.hide()
        lang_row = QHBoxLayout()
        lang_row.addWidget(lang_label)
        lang_row.addWidget(self.language)
        lang_row.addStretch(1)
        # Two rows of buttons, so the page still fits with Japanese labels at 200% scaling.
        button_rows = (QHBoxLayout(), QHBoxLayout())
        for index, button in enumerate(self.export_buttons):
            button_rows[index // 2].addWidget(button)
        button_rows[1].addWidget(self.cancel_button)
        for button_row in button_rows:
            button_row.addStretch(1)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        # Monospace, so the columns line up; the bundled Japanese font fills in for kana and kanji.
        self.preview.setFont(fixed_font())
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.preview.setAccessibleName(self.tr("Summary preview"))
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(heading)
        layout.addLayout(lang_row)
        for button_row in button_rows:
            layout.addLayout(button_row)
        layout.addWidget(self.key_file)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addLayout(done_row)
        layout.addWidget(self.preview, 1)
        self.setWidget(content)
        guard_wheel(content)  # the page scrolls over its combo boxes unless one has the focus
        session.resultChanged.connect(self._result_changed)  # bound: disconnected when the page goes
        # The preview is filled when the page is first shown, not here: start-up and every
        # keystroke elsewhere (each one re-scores) then skip laying out a summary nobody sees.
        self._stale = True

    def _result_changed(self, _result: object) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def ensure_built(self) -> None:
        """Bring the preview up to date if results changed while the page was hidden."""
        if self._stale:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_built()
        super().showEvent(event)

    def _export_button(self, kind: str, text: str, accessible_name: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible_name)
        button.clicked.connect(lambda: self.export(kind))
        return button

    def page_title(self) -> str:
        return self.tr("Report")

    def refresh(self) -> None:
        s = self.session
        # In the report's language: the preview shows what the PDF will say.
        lang = str(self.language.currentData())
        self._stale = False
        # People read it: answer states and priorities by their labels, never as codes.
        self.preview.setPlainText(result_to_text(s.catalog, s.document.assessment, s.result, lang, human=True))

    def export_spec(self, kind: str, lang: str) -> ExportSpec:
        """Dialog title, suggested file name and filter of an export kind."""
        assessment = self.session.document.assessment
        stem = document_stem(self.session.path, assessment.title, assessment.profile.applicant_name)
        json_filter = self.tr("JSON files (*.json)")
        if kind == "pdf":
            return ExportSpec(self.tr("Export PDF report"), f"{stem}-report-{lang}.pdf", self.tr("PDF files (*.pdf)"))
        if kind == "csv":
            return ExportSpec(self.tr("Export gap list"), f"{stem}-gaps.csv", self.tr("CSV files (*.csv)"))
        if kind == "oscal-ar":
            return ExportSpec(self.tr("Export OSCAL assessment results"), f"{stem}-oscal-ar.json", json_filter)
        if kind == "oscal-poam":
            return ExportSpec(self.tr("Export OSCAL POA&M"), f"{stem}-oscal-poam.json", json_filter)
        raise ValueError(f"unknown export kind {kind!r}")

    def export_folder(self) -> Path:
        """Where the export dialog starts: a saved document's own folder; for an unsaved one the
        folder of the last export, else the user's documents folder (never the working directory,
        which for an installed app is wherever it was started from)."""
        if self.session.path is not None:
            return self.session.path.parent
        last = UiSettings().export_folder()
        if last is not None:
            return last
        return documents_folder()

    def export(self, kind: str) -> bool:
        """Ask for a file and write the export ``kind`` there on a worker; True if it started."""
        if self.task is not None:  # one export at a time
            return False
        writer = writer_for(kind)
        lang = str(self.language.currentData())
        identity = None
        if kind == "pdf" and self.key_file.signing():
            from veu_assess.signing.errors import SigningError

            try:  # before the file is asked for: a wrong passphrase writes nothing
                identity = self.key_file.identity()
            except SigningError as exc:
                self.status.setText(self.tr("Cannot sign the PDF: {reason}").format(reason=str(exc)))
                return False
        spec = self.export_spec(kind, lang)
        path = dialogs.get_export_path(self, spec.title, str(self.export_folder() / spec.file_name), spec.file_filter)
        if path is None:
            return False
        UiSettings().set_export_folder(path.parent)
        doc, catalog = snapshot(self.session.document), self.session.catalog

        def work(progress: Progress) -> Path:
            if writer is _write_pdf:  # the long one: reportlab asks whether to go on as it lays out
                _write_pdf(doc, catalog, path, lang, progress.check, identity)
            else:
                writer(doc, catalog, path, lang)
                if progress.cancelled:  # too late to stop it: remove it here, whatever the GUI does
                    path.unlink(missing_ok=True)
                    progress.check()
            return path

        self._busy(True)
        self.status.clear()
        self.exported = None
        for button in (self.open_export_button, self.show_export_button):
            button.hide()
        # The task belongs to no page or document: a language switch rebuilds this page and
        # another file may be opened meanwhile, and the outcome (a failure reported) must not be
        # lost. The callbacks check whether this page still exists.
        def cancelled() -> None:
            path.unlink(missing_ok=True)
            if isValid(self):
                self._cancelled(path)

        def failed(exc: Exception) -> None:
            if isValid(self):
                self._failed(path, exc)
            else:
                dialogs.show_error(QApplication.activeWindow(), _tr("Export failed"), error_text(exc))

        self.task = start_task(
            work,
            on_success=lambda written: self._done(written) if isValid(self) else None,
            on_failure=failed,
            on_cancel=cancelled,
        )
        return True

    def cancel(self) -> None:
        # The PDF stops at its next layout step; the quick exports finish and their output is
        # removed (see _cancelled).
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Export cancelled."))

    def _cancelled(self, path: Path) -> None:
        self._finish()
        path.unlink(missing_ok=True)

    def _busy(self, on: bool) -> None:
        self.busy.setVisible(on)
        self.cancel_button.setVisible(on)
        for button in self.export_buttons:
            button.setDisabled(on)

    def _finish(self) -> None:
        self._busy(False)
        self.task = None
        self.task_finished.emit()

    def _done(self, path: Path) -> None:
        self.status.setText(self.tr("Wrote {path}").format(path=str(path)))
        self.exported = path
        for button in (self.open_export_button, self.show_export_button):
            button.show()
        self._finish()

    def show_exported(self) -> bool:
        return self.exported is not None and show_in_folder(self, self.exported)

    def open_exported(self) -> bool:
        """Open the file just exported (else offer a copy or its folder)."""
        if self.exported is None:
            return False
        return open_or_offer(self, self.tr("Open the file"), self.exported)

    def _failed(self, path: Path, exc: Exception) -> None:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else error_text(exc)
        self.status.setText(self.tr("Export failed."))
        self._finish()
        dialogs.show_error(
            self,
            self.tr("Export failed"),
            self.tr("Could not write {path}:\n{reason}").format(path=str(path), reason=reason),
        )
