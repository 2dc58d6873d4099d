"""One requirement on a section page: what it asks (left) beside the answer editors (right).

The left column shows the title, id, the status tag in colour (in force / guidance / proposed /
rescinded), the VERIFY flag, gate and importance, citation, guidance, typical evidence and the
remediation hint. Site-level requirements get one editor per site, each in its own box.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from veu_assess.catalog.controls import default_control_map
from veu_assess.catalog.schema import Requirement, Scope, Status
from veu_assess.catalog.status import dated_status_text, status_on
from veu_assess.engine.visibility import Item
from veu_assess.ui.answer_choice import guard_wheel
from veu_assess.ui.editors import AnswerEditor, editor_for
from veu_assess.ui.labels import STATUS_COLOURS, country_name, status_label
from veu_assess.ui.review.panel import ReviewPanel
from veu_assess.ui.session import Session
from veu_assess.ui.widgets import wrapped_label


def _label(text: str, rich: bool = False) -> QLabel:
    # Requirement texts are selectable: operators copy citations into their own documents.
    return wrapped_label(text, rich=rich, selectable=True)


def status_tag(status: Status, text: str | None = None) -> str:
    """The coloured status tag as rich text (catalog text is escaped before it goes in); ``text``
    is the status with its date ("Suspended from 10 Nov 2025 until 9 Nov 2026")."""
    colour = STATUS_COLOURS[status]
    return (
        f'<span style="background-color:{colour}; color:white; font-weight:bold;">'
        f"&nbsp;{html.escape(text or status_label(status))}&nbsp;</span>"
    )


class RequirementPanel(QFrame):
    """The question, its context, and the editor(s) of its items."""

    reviewerNeeded = Signal()  # review mode: a verdict was chosen before the reviewer was set

    def __init__(
        self,
        session: Session,
        requirement: Requirement,
        items: list[Item],
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.requirement = requirement
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Requirement {id}").format(id=requirement.id))
        r, esc = requirement, html.escape
        info = QVBoxLayout()
        title = _label(f"<b>{esc(r.title.get(lang))}</b>", rich=True)
        info.addWidget(title)
        change = status_on(r.timeline, dt.date.today())
        tags = [status_tag(change.status if change else r.status, dated_status_text(change, lang, r.status)), esc(r.id)]
        # Texts are translated outside the f-strings: lupdate does not look inside them.
        gate_text, verify_text = self.tr("GATE"), self.tr("VERIFY wording")
        typical_text, gap_text = self.tr("Typical evidence"), self.tr("If this is a gap")
        if r.gate:
            tags.append(f"<b>{esc(gate_text)}</b>")
        if r.verify:
            tags.append(f'<span style="color:#b71c1c; font-weight:bold;">{esc(verify_text)}</span>')
        importance = {
            "mandatory": self.tr("mandatory"),
            "recommended": self.tr("recommended"),
            "optional": self.tr("optional"),
        }[r.importance.value]
        tags.append(esc(self.tr("{importance}, weight {weight}").format(importance=importance, weight=r.weight)))
        self.tags = _label(" · ".join(tags), rich=True)
        info.addWidget(self.tags)
        if change is not None and change.until is not None and dt.date.today() > change.until and change.after_until:
            ended = _label(change.after_until.get(lang))
            ended.setStyleSheet("color:#8d3b00; font-weight:bold;")
            info.addWidget(ended)
        if r.verify_note is not None:
            info.addWidget(_label("VERIFY: " + r.verify_note.get(lang)))
        self.citation = _label(self.tr("Citation: {citation}").format(citation=r.citation))
        info.addWidget(self.citation)
        controls = default_control_map().text(r.id, lang)
        reuse = self.tr("Evidence you may reuse (indicative mapping): {controls}")
        self.controls = _label(reuse.format(controls=controls))
        info.addWidget(self.controls)
        if not controls:  # only ever hidden here: show() on a label not yet parented opens a window
            self.controls.hide()
        guidance = _label(r.guidance.get(lang))
        info.addWidget(guidance)
        evidence = "".join(f"<li>{esc(e)}</li>" for e in r.typical_evidence.get(lang))
        typical = _label(f"<b>{esc(typical_text)}</b><ul>{evidence}</ul>", rich=True)
        info.addWidget(typical)
        remediation = _label(f"<b>{esc(gap_text)}</b><br>{esc(r.remediation.get(lang))}", rich=True)
        info.addWidget(remediation)
        info.addStretch(1)

        answers = QVBoxLayout()
        self.session = session
        self.editors: list[AnswerEditor] = []
        self.review_panels: list[ReviewPanel] = []
        sites = {s.id: s for s in session.document.assessment.profile.sites}
        for item in items:
            editor = editor_for(session, item, lang)
            self.editors.append(editor)
            row = QHBoxLayout()
            row.addWidget(editor, 3)
            review = self._review_panel(item.key, editor.context)
            if review is not None:
                row.addWidget(review, 2)
            if item.site_id:
                site = sites.get(item.site_id)
                name = site.name if site else item.site_id
                where = f" ({country_name(session.catalog, site.country, lang)})" if site and site.country else ""
                box = QGroupBox(self.tr("Site: {name}").format(name=name + where))
                box.setAccessibleName(box.title())
                QVBoxLayout(box).addLayout(row)
                answers.addWidget(box)
            else:
                answers.addLayout(row)
        if r.scope is Scope.SITE and not sites:
            answers.addWidget(
                _label(
                    self.tr(
                        "This requirement is answered per site. Add the sites on the "
                        "Profile page to answer it for each one."
                    )
                )
            )
        answers.addStretch(1)

        layout = QHBoxLayout(self)
        layout.addLayout(info, 2)
        layout.addLayout(answers, 3)

        session.reviewChanged.connect(self._review_changed)
        session.answerChanged.connect(self._answer_changed)  # a verdict may go stale
        guard_wheel(self)  # the page scrolls over the verdict and adjusted-state combos

    def _review_panel(self, key: str, context: str) -> ReviewPanel | None:
        """The auditor's editable panel in review mode; the operator's read-only view of a verdict."""
        verdict = self.session.verdict(key)
        if not self.session.review_mode and verdict is None:
            return None
        panel = ReviewPanel("auditor" if self.session.review_mode else "operator", reviewer=self.session.reviewer,
                            context=context, stale=self.session.verdict_stale)
        panel.show_item(key, verdict)
        if self.session.review_mode:
            panel.verdictEdited.connect(self.session.set_verdict)
            panel.reviewerNeeded.connect(self.reviewerNeeded)
        self.review_panels.append(panel)
        return panel

    def _review_changed(self, key: str) -> None:
        # Undo/redo of a verdict: show the document's verdict (not while it is the one just typed).
        for panel in self.review_panels:
            if panel.key == key and panel.current_verdict() != self.session.verdict(key):
                panel.show_item(key, self.session.verdict(key))

    def _answer_changed(self, key: str) -> None:
        for panel in self.review_panels:
            if panel.key == key:
                panel.refresh_stale()

    def editor(self, key: str) -> AnswerEditor | None:
        return next((e for e in self.editors if e.key == key), None)

    def review_panel(self, key: str) -> ReviewPanel | None:
        return next((p for p in self.review_panels if p.key == key), None)
