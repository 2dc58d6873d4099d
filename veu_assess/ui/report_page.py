"""The Report page: a plain-text summary preview and the exports (PDF, CSV) when installed.

The report and export modules are written by other parts of the project; this page looks them up
at run time and says "not available" when they are missing. Exports run on a worker thread on a
snapshot of the document, with a busy indicator and Cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
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

from veu_assess.cli.summary import result_to_text
from veu_assess.storage.document import Document
from veu_assess.ui import dialogs, i18n
from veu_assess.ui.session import Session
from veu_assess.ui.workers import Progress, Task, start_task

Exporter = Callable[[Any, Path, str], Any]


def find_exporter(kind: str) -> Exporter | None:
    """A writer ``fn(document, out_path, lang)`` for "pdf" or "csv", or None when not installed.

    PDF: ``veu_assess.report.api.write_report``; CSV: ``veu_assess.export.csv_gaps.write_gaps_csv``
    (which also takes the catalog). Both are looked up at run time: they may be absent.
    """
    try:
        if kind == "pdf":
            from veu_assess.report.api import write_report

            return lambda doc, path, lang: write_report(doc, path, lang)
        if kind == "csv":
            from veu_assess.catalog.loader import default_catalog
            from veu_assess.export.csv_gaps import write_gaps_csv

            return lambda doc, path, lang: write_gaps_csv(doc, default_catalog(), path, lang)
    except ImportError:
        return None
    return None


def snapshot(doc: Document) -> Document:
    """A private copy for a worker thread, so the operator can keep editing meanwhile."""
    return Document(
        assessment=doc.assessment.model_copy(deep=True),
        review=doc.review.model_copy(deep=True),
        evidence=dict(doc.evidence),
        path=doc.path,
    )


class ReportPage(QScrollArea):
    task_finished = Signal()  # an export ended (written, failed or cancelled)

    def __init__(self, session: Session, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.lang = session, lang
        self.task: Task | None = None
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Report"))
        heading = QLabel(self.tr("Report"))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        heading.setFont(font)
        self.language = QComboBox()
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Japanese"), "ja")
        # The report's language follows the interface by default; it can be chosen for each export.
        self.language.setCurrentIndex(1 if i18n.current_language() == "ja" else 0)
        self.language.setAccessibleName(self.tr("Report language"))
        lang_label = QLabel(self.tr("Report &language:"))
        lang_label.setBuddy(self.language)
        self.pdf_button = QPushButton(self.tr("Export &PDF…"))
        self.pdf_button.setAccessibleName(self.tr("Export the PDF report"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.csv_button = QPushButton(self.tr("Export &CSV…"))
        self.csv_button.setAccessibleName(self.tr("Export the gap list as CSV"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.cancel_button = QPushButton(self.tr("Cance&l export"))
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
        self.status.setAccessibleName(self.tr("Export status"))
        row = QHBoxLayout()
        for w in (lang_label, self.language, self.pdf_button, self.csv_button, self.cancel_button):
            row.addWidget(w)
        row.addStretch(1)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Summary preview"))
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(heading)
        layout.addLayout(row)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addWidget(self.preview, 1)
        self.setWidget(content)
        self._available()
        session.resultChanged.connect(lambda _r: self.refresh())
        self.refresh()

    def page_title(self) -> str:
        return self.tr("Report")

    def _available(self) -> None:
        missing = []
        for kind, button in (("pdf", self.pdf_button), ("csv", self.csv_button)):
            ok = find_exporter(kind) is not None
            button.setEnabled(ok)
            if not ok:
                missing.append(kind.upper())
        if missing:
            self.status.setText(self.tr("Not available in this installation: {what}.").format(what=", ".join(missing)))

    def refresh(self) -> None:
        s = self.session
        self.preview.setPlainText(result_to_text(s.catalog, s.document.assessment, s.result))

    def export(self, kind: str) -> None:
        writer = find_exporter(kind)
        if writer is None:
            dialogs.show_info(self, self.tr("Export"), self.tr("This export is not available in this installation."))
            return
        stem = self.session.path.stem if self.session.path else "assessment"
        if kind == "pdf":
            path = dialogs.get_export_path(
                self, self.tr("Export PDF report"), f"{stem}-report.pdf", self.tr("PDF files (*.pdf)")
            )
        else:
            path = dialogs.get_export_path(
                self, self.tr("Export gap list"), f"{stem}-gaps.csv", self.tr("CSV files (*.csv)")
            )
        if path is None:
            return
        doc, lang = snapshot(self.session.document), self.language.currentData()

        def work(progress: Progress) -> Path:
            writer(doc, path, lang)
            return path

        self._busy(True)
        self.task = start_task(
            work,
            on_success=self._done,
            on_failure=self._failed,
            on_cancel=lambda: self._cancelled(path),
            parent=self,
        )

    def cancel(self) -> None:
        # The writer cannot be interrupted; when it returns, its output is removed (see _cancelled).
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Export cancelled."))

    def _cancelled(self, path: Path) -> None:
        self._busy(False)
        self.task = None
        self.task_finished.emit()
        path.unlink(missing_ok=True)

    def _busy(self, on: bool) -> None:
        self.busy.setVisible(on)
        self.cancel_button.setVisible(on)
        self.pdf_button.setDisabled(on or find_exporter("pdf") is None)
        self.csv_button.setDisabled(on or find_exporter("csv") is None)

    def _done(self, path: Path) -> None:
        self._busy(False)
        self.task = None
        self.task_finished.emit()
        self.status.setText(self.tr("Wrote {path}").format(path=str(path)))

    def _failed(self, exc: Exception) -> None:
        self._busy(False)
        self.task = None
        self.task_finished.emit()
        dialogs.show_error(self, self.tr("Export failed"), str(exc))
