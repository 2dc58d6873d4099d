"""Help a first-time user needs: "How scoring works" (levels, gates, weights, statuses, VERIFY,
answer states; the figures from the catalog, see ``explain``) and the first-run welcome (new /
open / open the sample), shown once and reachable again from the Help menu.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from veu_assess.catalog.loader import Catalog
from veu_assess.ui.explain import scoring_help_html
from veu_assess.ui.widgets import wrapped_label


class ScoringHelpDialog(QDialog):
    """The "How scoring works" page, in the interface language; modeless, so it can stay open."""

    def __init__(self, catalog: Catalog, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("How scoring works"))
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setHtml(scoring_help_html(catalog, lang))  # catalog texts are escaped there
        self.text.setAccessibleName(self.tr("How scoring works"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 560)


class WelcomeDialog(QDialog):
    """What the app is for and the three ways to start; the choice comes out as ``chosen``."""

    chosen = Signal(str)  # "new", "open" or "sample"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome"))
        intro = wrapped_label(self.tr(
            "The VEU Readiness Assessor takes you through the requirements for Data Center Validated "
            "End-User status, scores the gaps and writes a readiness report. Your answers stay in a "
            ".veua file on this computer; nothing is sent anywhere."))
        hint = wrapped_label(self.tr(
            "Start with the Profile page, then answer each section. \"Next unanswered\" (Ctrl+J) takes you "
            "to the next open question; Help ▸ How scoring works explains the score."))
        self.new_button = QPushButton(self.tr("Start a new assessment"))
        self.open_button = QPushButton(self.tr("Open an assessment…"))
        self.sample_button = QPushButton(self.tr("Open the sample assessment"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(hint)
        for which, button in (("new", self.new_button), ("open", self.open_button), ("sample", self.sample_button)):
            button.setAccessibleName(button.text())
            button.clicked.connect(lambda _c=False, w=which: self._choose(w))
            layout.addWidget(button)
        self.new_button.setDefault(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

    def _choose(self, which: str) -> None:
        self.accept()
        self.chosen.emit(which)
