"""The route-selection result on the Review page: which route fits, before the VEU readiness score.

Texts of routes, verdicts and reasons come from forms/routes.yaml through veu_assess.engine.routes
(both languages as data); only the headings are Qt strings. Redrawn whenever the result changes,
so the route follows the profile (sites, parent headquarters, inventory).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QTableWidget, QVBoxLayout, QWidget

from veu_assess.engine.routes import affiliates_text, headline_text, select_routes, verdict_text
from veu_assess.ui.session import Session
from veu_assess.ui.widgets import wrapped_label


def route_headline(session: Session) -> str:
    """The route finder's headline key for the open file: the recommendation may only say "apply"
    when it is "veu_prepare" (engine.verdict.recommendation)."""
    return select_routes(session.catalog, session.document.assessment, dt.date.today()).headline


class RoutePanel(QWidget):
    """Headline ('the VEU route is / is not the one to prepare'), a row per route, the Affiliates line."""

    def __init__(
        self,
        session: Session,
        lang: str,
        table: QTableWidget,
        fill: Callable[[QTableWidget, list[list[str]]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.lang = session, lang
        self.setAccessibleName(self.tr("Route selection"))
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-weight:bold;")
        self.score_note = wrapped_label()
        self.affiliates = wrapped_label()
        self.table, self._fill = table, fill  # built by the Review page with its table style
        self.table.setHorizontalHeaderLabels([self.tr("Route"), self.tr("Verdict"), self.tr("Reasons and citations")])
        self.table.setAccessibleName(self.tr("Routes and reasons"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.headline, self.table, self.affiliates, self.score_note):
            layout.addWidget(w)
        self.refresh()

    def refresh(self) -> None:
        doc = self.session.document
        result = select_routes(self.session.catalog, doc.assessment, dt.date.today(), self.lang)
        self.headline.setText(headline_text(result, self.lang))
        self.affiliates.setText(affiliates_text(result, self.lang))
        self.score_note.setText(self.tr("The readiness score below measures readiness for the Data Center VEU "
                                        "route only."))
        rows = []
        for f in result.findings:
            reasons = "\n".join(f"{r.text} [{r.citation}]" for r in f.reasons if r.verdict is f.verdict)
            rows.append([f.title, verdict_text(f.verdict, self.lang), reasons])
        self._fill(self.table, rows)
        self.table.resizeRowsToContents()
