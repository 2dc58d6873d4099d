"""One requirement on a section page as a compact card.

At once: the title, a marker (answered or not; verdicts in review mode), the status tag in colour,
id, GATE, VERIFY, importance and weight (each explained in the tooltip), and the answer editors
(site-level requirements get one per site, each in its own box). Folded by default, behind a
toggle that names the requirement: the VERIFY note, guidance, typical evidence, the remediation
hint, citation and reusable controls (the fold state is remembered per user, ``card_fold``).
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from veu_assess.catalog.controls import default_control_map
from veu_assess.catalog.schema import Requirement, Scope, Status
from veu_assess.catalog.status import dated_status_text, status_on
from veu_assess.engine.visibility import Item
from veu_assess.model.assessment import AnswerState
from veu_assess.ui.answer_choice import guard_wheel
from veu_assess.ui.answer_row import AnswerRow
from veu_assess.ui.card_fold import DetailsToggle
from veu_assess.ui.editors import AnswerEditor, editor_for
from veu_assess.ui.explain import gate_tip, state_tip, status_tip, verify_tip, weight_tip
from veu_assess.ui.labels import STATUS_COLOURS, country_name, status_label
from veu_assess.ui.review.panel import ReviewPanel, verdict_marker
from veu_assess.ui.session import Session
from veu_assess.ui.widgets import error_colour, error_style, wrapped_label


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
    """One requirement as a compact card: the question, its tags and the editor(s) of its items
    at once; what it is for (guidance, typical evidence, remediation, sources) folds out."""

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
        self.session = session
        self.items = items
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Requirement {id}").format(id=requirement.id))
        r, esc = requirement, html.escape
        layout = QVBoxLayout(self)
        title = _label(f"<b>{esc(r.title.get(lang))}</b>", rich=True)
        layout.addWidget(title)
        # Where this card stands at a glance: answered or not, and (review mode) the verdicts. It
        # sits beside the short fold toggle, so a longer marker never re-wraps the title.
        self.marker = QLabel()
        self.marker.setTextFormat(Qt.TextFormat.PlainText)
        change = status_on(r.timeline, dt.date.today())
        status = change.status if change else r.status
        tags = [status_tag(status, dated_status_text(change, lang, r.status)), esc(r.id)]
        tips = [status_tip(status)]
        # Texts are translated outside the f-strings: lupdate does not look inside them.
        gate_text, verify_text = self.tr("GATE"), self.tr("VERIFY wording")
        typical_text, gap_text = self.tr("Typical evidence"), self.tr("If this is a gap")
        if r.gate:
            tags.append(f"<b>{esc(gate_text)}</b>")
            tips.append(gate_tip(session.catalog, lang))
        if r.verify:
            tags.append(f'<span style="color:{error_colour()}; font-weight:bold;">{esc(verify_text)}</span>')
            tips.append(verify_tip())
        importance = {
            "mandatory": self.tr("mandatory"),
            "recommended": self.tr("recommended"),
            "optional": self.tr("optional"),
        }[r.importance.value]
        tags.append(esc(self.tr("{importance}, weight {weight}").format(importance=importance, weight=r.weight)))
        tips.append(weight_tip(session.catalog))
        self.tags = _label(" · ".join(tags), rich=True)
        self.tags.setToolTip("\n\n".join(tips))
        layout.addWidget(self.tags)

        # What the requirement is for folds out; the toggle says which requirement it belongs to.
        self.details = QWidget(self)  # parented first: showing an orphan would open a window
        info = QVBoxLayout(self.details)
        info.setContentsMargins(12, 0, 0, 0)
        if change is not None and change.until is not None and dt.date.today() > change.until and change.after_until:
            ended = _label(change.after_until.get(lang))
            ended.setStyleSheet("color:#8d3b00; font-weight:bold;")
            layout.addWidget(ended)  # a status that ended is news: never folded away
        if r.verify_note is not None:
            verify = _label("VERIFY: " + r.verify_note.get(lang))
            verify.setToolTip(verify_tip())
            info.addWidget(verify)
        guidance = _label(r.guidance.get(lang))
        info.addWidget(guidance)
        evidence = "".join(f"<li>{esc(e)}</li>" for e in r.typical_evidence.get(lang))
        typical = _label(f"<b>{esc(typical_text)}</b><ul>{evidence}</ul>", rich=True)
        info.addWidget(typical)
        remediation = _label(f"<b>{esc(gap_text)}</b><br>{esc(r.remediation.get(lang))}", rich=True)
        info.addWidget(remediation)
        self.citation = _label(self.tr("Citation: {citation}").format(citation=r.citation))
        info.addWidget(self.citation)
        controls = default_control_map().text(r.id, lang)
        reuse = self.tr("Evidence you may reuse (indicative mapping): {controls}")
        self.controls = _label(reuse.format(controls=controls))
        info.addWidget(self.controls)
        if not controls:  # only ever hidden here: show() on a label not yet parented opens a window
            self.controls.hide()
        self.toggle = DetailsToggle(r.id, self.tr("Guidance and sources: {id}").format(id=r.id), self.details)
        fold_row = QHBoxLayout()
        fold_row.addWidget(self.toggle)
        fold_row.addStretch(1)
        fold_row.addWidget(self.marker)
        layout.addLayout(fold_row)
        layout.addWidget(self.details)

        answers = QVBoxLayout()
        self.editors: list[AnswerEditor] = []
        self.review_panels: list[ReviewPanel] = []
        sites = {s.id: s for s in session.document.assessment.profile.sites}
        for item in items:
            editor = editor_for(session, item, lang)
            self.editors.append(editor)
            row = AnswerRow(editor, self._review_panel(item.key, editor.context))
            if item.site_id:
                site = sites.get(item.site_id)
                name = site.name if site else item.site_id
                where = f" ({country_name(session.catalog, site.country, lang)})" if site and site.country else ""
                box = QGroupBox(self.tr("Site: {name}").format(name=name + where))
                box.setAccessibleName(box.title())
                QVBoxLayout(box).addWidget(row)
                answers.addWidget(box)
            else:
                answers.addWidget(row)
        if r.scope is Scope.SITE and not sites:
            answers.addWidget(
                _label(
                    self.tr(
                        "This requirement is answered per site. Add the sites on the "
                        "Profile page to answer it for each one."
                    )
                )
            )
        layout.addLayout(answers)

        session.reviewChanged.connect(self._review_changed)
        session.answerChanged.connect(self._answer_changed)  # the marker; a verdict may go stale
        self.update_marker()
        guard_wheel(self)  # the page scrolls over the verdict and adjusted-state combos

    def _answer_changed(self, key: str) -> None:
        if any(it.key == key for it in self.items):
            self.update_marker()
        for panel in self.review_panels:
            if panel.key == key:
                panel.refresh_stale()

    def unanswered_keys(self) -> list[str]:
        return [it.key for it in self.items if self.session.answer(it.key).state is AnswerState.UNANSWERED]

    def update_marker(self) -> None:
        """The card's marker: "✓ Answered", "○ Not answered" or "◐ 1 of 3 answered"; in review mode
        the verdicts recorded too. Plain text, so a screen reader hears what the eye sees."""
        total = len(self.items)
        if not total:
            self.marker.setText("")
            return
        answered = total - len(self.unanswered_keys())
        if answered == total:
            text = self.tr("✓ Answered")
        elif answered == 0:
            text = self.tr("○ Not answered")
        else:
            text = self.tr("◐ {answered} of {total} answered").format(answered=answered, total=total)
        stale = 0
        if self.session.review_mode or any(self.session.verdict(it.key) for it in self.items):
            stale = sum(1 for it in self.items if self.session.verdict_stale(it.key))
            text += " · " + verdict_marker([self.session.verdict(it.key) for it in self.items])
            if stale:  # a verdict about an answer that is no longer there must not read as settled
                text += " · " + self.tr("⚠ %n verdict(s) stale", "", stale)
        # A stale verdict in the error colour, as the note beside the verdict (the text says it too).
        self.marker.setStyleSheet(error_style() if stale else "")
        self.marker.setText(text)
        self.marker.setToolTip(state_tip(AnswerState.UNANSWERED, self.session.catalog))

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
        if any(it.key == key for it in self.items):
            self.update_marker()
        # Undo/redo of a verdict: show the document's verdict (not while it is the one just typed).
        for panel in self.review_panels:
            if panel.key == key and panel.current_verdict() != self.session.verdict(key):
                panel.show_item(key, self.session.verdict(key))

    def editor(self, key: str) -> AnswerEditor | None:
        return next((e for e in self.editors if e.key == key), None)

    def review_panel(self, key: str) -> ReviewPanel | None:
        return next((p for p in self.review_panels if p.key == key), None)
