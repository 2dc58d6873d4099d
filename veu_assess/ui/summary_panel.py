"""The live summary beside the side list: level, score, progress, gates, the recommendation.

Shown from the first moment (it is part of the first window), so it lives apart from the Review
page, which is made later (issue 22); both draw on the engine's ``Result``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar, QVBoxLayout, QWidget

from veu_assess.catalog.schema import LevelId
from veu_assess.engine.scoring import Result
from veu_assess.i18n_format import format_percent, shown_value
from veu_assess.report.verdict_text import level_text, recommendation_text
from veu_assess.review import adjusted_result
from veu_assess.ui.a11y import announce
from veu_assess.ui.labels import level_label, shown_level_colour
from veu_assess.ui.route_panel import route_headline
from veu_assess.ui.session import Session
from veu_assess.ui.widgets import wrapped_label as _label


class SummaryPanel(QWidget):
    """The small live score beside the side list: level, score, progress, gates."""

    def __init__(self, session: Session, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.lang = session, lang
        self.level = _label()
        self.score = _label()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Answered"))
        self.progress.setFormat(self.tr("%p% answered"))
        self.gates = _label()
        self.recommendation = _label()
        # Beside the operator's figures, never instead: the auditor's adjusted states scored.
        self.adjusted = _label()
        self.adjusted.setStyleSheet("border-left:4px solid #0d47a1; padding-left:4px;")
        self.adjusted.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.level, self.score, self.progress, self.gates, self.recommendation, self.adjusted):
            layout.addWidget(w)
        session.resultChanged.connect(self.show_result)
        session.reviewChanged.connect(lambda _key: self.show_adjusted())
        self.show_result(session.result)
        self._spoken = self.spoken_text()  # what a screen reader was last told (not at start)

    def spoken_text(self) -> str:
        """The level, the score and the gates as one sentence, as they are shown."""
        return ". ".join(w.text() for w in (self.level, self.score, self.gates))

    def _announce_change(self) -> None:
        # The figures change where the user is not: an answer given on a page changes the score
        # beside the side list. Said (politely) when they differ from what was said last.
        spoken = self.spoken_text()
        if spoken != getattr(self, "_spoken", spoken):
            announce(self, spoken)
        self._spoken = spoken

    def show_result(self, result: Result) -> None:
        headline = route_headline(self.session)
        label = level_text(level_label(self.session.catalog, result.level, self.lang), result, self.lang, headline)
        if result.provisional and result.level is not LevelId.INCOMPLETE:
            label = self.tr("{level} (provisional)").format(level=label)
        self.level.setText(label)
        colour = shown_level_colour(result, headline)
        self.level.setStyleSheet(f"background-color:{colour}; color:white; font-weight:bold; padding:4px;")
        # Readiness and completeness always together: a score alone can look surer than what is known.
        self.score.setText(
            self.tr("Readiness {readiness} · completeness {completeness}").format(
                readiness=format_percent(result.readiness, self.lang),
                completeness=format_percent(result.completeness, self.lang),
            )
        )
        self.progress.setValue(int(shown_value(result.completeness, 0)))  # 99.6% answered is not 100%
        self.gates.setText(
            self.tr("Gates failed: {failed} · open: {open}").format(
                failed=len(result.gates_failed), open=len(result.gates_open)
            )
        )
        self.recommendation.setText(recommendation_text(result, self.lang, headline))
        self.show_adjusted()
        self._announce_change()

    def show_adjusted(self) -> None:
        adjusted = adjusted_result(self.session.catalog, self.session.document)
        if adjusted is None:
            self.adjusted.hide()
            return
        self.adjusted.setText(self.tr(
            "Auditor-adjusted: {level} · readiness {readiness} · gates failed: {failed}").format(
            level=level_label(self.session.catalog, adjusted.level, self.lang),
            readiness=format_percent(adjusted.readiness, self.lang), failed=len(adjusted.gates_failed)))
        self.adjusted.setToolTip(self.tr("The operator's answers with the auditor's adjusted states in their "
                                         "place; the operator's own figures are above."))
        self.adjusted.show()
