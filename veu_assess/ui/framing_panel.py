"""The app's first page opens with the honest framing (the same text as the report's first page).

What the score means and does not mean, codified versus enforced text and the questionnaire's
assumption, the route used so far, the research date; then, never silently, the statuses that may
have changed by today and, for a file saved against an older questionnaire, which of its
requirements changed. All texts come from the core in the page's language (catalog data), so the
panel is rebuilt with the page when the language changes; the visible text is the accessible text.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.status import FRAMING_HEADING, changed_since, changes_text, framing_paragraphs, staleness
from veu_assess.model.assessment import Assessment
from veu_assess.ui.widgets import wrapped_label

_STALE_TITLE = ("May have changed since the research date (today: {day})",
                "調査基準日以降に変わった可能性のある事項（本日：{day}）")
_CHANGES_TITLE = ("Changed since questionnaire {old}, the version this file was saved with",
                  "このファイルの保存時の版（質問票 {old}）からの変更点")


def framing_html(catalog: Catalog, assessment: Assessment, lang: str, today: dt.date) -> str:
    """Escaped rich text of the panel (catalog and file text is escaped before it goes in)."""
    pick = 1 if lang == "ja" else 0
    parts = [f"<h3>{html.escape(FRAMING_HEADING[pick])}</h3>"]
    for title, text in framing_paragraphs(catalog, lang):
        parts.append(f"<p><b>{html.escape(title)}</b><br>{html.escape(text)}</p>")
    notes = staleness(catalog, today)
    if notes:
        title = html.escape(_STALE_TITLE[pick].format(day=today.isoformat()))
        parts.append(f'<p style="color:#8d3b00;"><b>{title}</b></p><ul>')
        parts += [f"<li>{html.escape(n.text(lang))}</li>" for n in notes]
        parts.append("</ul>")
    answered = {k.split("@", 1)[0] for k in assessment.answers}
    changes = changed_since(catalog, assessment.catalog_version, answered)
    if changes:
        parts.append(f"<p><b>{html.escape(_CHANGES_TITLE[pick].format(old=assessment.catalog_version))}</b></p><ul>")
        parts += [f"<li>{html.escape(c)}</li>" for c in changes_text(changes, lang)]
        parts.append("</ul>")
    return "".join(parts)


class FramingPanel(QFrame):
    def __init__(self, catalog: Catalog, assessment: Assessment, lang: str, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = wrapped_label(framing_html(catalog, assessment, lang, today or dt.date.today()), rich=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
