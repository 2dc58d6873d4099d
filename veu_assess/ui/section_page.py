"""A wizard page for one questionnaire section: its visible requirements in a scroll area.

Which requirements (and which per-site items) appear is the engine's visibility (``Result.items``),
never a rule in the UI. The page builds itself lazily, when it is first shown, and rebuilds when
shown again after the set of visible items or sites has changed, so start-up builds one page only
and typing in the profile does not rebuild every page per keystroke.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from veu_assess.catalog.schema import Section
from veu_assess.engine.visibility import Item
from veu_assess.ui.a11y import Heading
from veu_assess.ui.session import Session
from veu_assess.ui.widgets import wrapped_label as _label

if TYPE_CHECKING:  # imported when a page is first built (the navigator does it once the window shows)
    from veu_assess.ui.requirement_panel import RequirementPanel
    from veu_assess.ui.review.reviewer import ReviewBanner


class SectionPage(QScrollArea):
    """Scrollable page of one section."""

    rebuilt = Signal()  # the content was (re)built: new widgets joined the window's Tab order

    def __init__(self, session: Session, section: Section, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.section, self.lang = session, section, lang
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Section {title}").format(title=section.title.get(lang)))
        self.panels: list[RequirementPanel] = []
        self._signature: tuple[object, ...] | None = None
        # Built on first use, not here: start-up then builds only the page it shows.

    def page_title(self) -> str:
        return self.section.title.get(self.lang)

    def _items(self) -> list[Item]:
        return [it for it in self.session.result.items if it.section.id == self.section.id]

    def _current_signature(self) -> tuple[object, ...]:
        sites = tuple((s.id, s.name, s.country) for s in self.session.document.assessment.profile.sites)
        return tuple(it.key for it in self._items()), sites

    def ensure_built(self) -> None:
        """Build (or rebuild after profile changes) the page's content if it is out of date."""
        if self._signature != self._current_signature():
            self.rebuild()

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_built()
        super().showEvent(event)

    def rebuild(self) -> None:
        from veu_assess.ui.requirement_panel import RequirementPanel  # the editors, evidence, review panel
        from veu_assess.ui.review.reviewer import ReviewBanner

        self._signature = self._current_signature()
        content = QWidget()
        layout = QVBoxLayout(content)
        self.banner: ReviewBanner | None = None
        if self.session.review_mode:
            self.banner = ReviewBanner(self.session)  # on every page: this is review, and who reviews
            layout.addWidget(self.banner)
        layout.addWidget(Heading(self.section.title.get(self.lang), 1.4))  # a heading to a screen reader too
        layout.addWidget(_label(self.section.description.get(self.lang)))
        if self.section.module is not None:
            banner = _label(
                self.tr("Optional module: it has its own result and is never part of the VEU readiness "
                        "score, level or gates.")
            )
            banner.setStyleSheet("background-color:#fff3e0; color:#4e2600; padding:6px;")
            layout.addWidget(banner)
        items = self._items()
        score = self.session.result.section_score(self.section.id)
        if not score.visible:
            self.out_of_scope = _label(
                self.tr(
                    "This section is out of scope for the applicant profile. Change the profile to bring it into scope."
                )
            )
            self.out_of_scope.setStyleSheet("background-color:#eceff1; color:#263238; padding:6px;")
            layout.addWidget(self.out_of_scope)
        by_requirement: dict[str, list[Item]] = {}
        for it in items:
            by_requirement.setdefault(it.requirement.id, []).append(it)
        self.panels = []
        for req in self.section.requirements:
            if req.id in by_requirement:
                panel = RequirementPanel(self.session, req, by_requirement[req.id], self.lang)
                if self.banner is not None:
                    panel.reviewerNeeded.connect(self._ask_reviewer)
                self.panels.append(panel)
                layout.addWidget(panel)
        hidden = len(self.section.requirements) - len(by_requirement)
        if hidden and score.visible:
            layout.addWidget(
                _label(self.tr("%n further requirement(s) of this section do not apply to this profile.", "", hidden))
            )
        layout.addStretch(1)
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self.setWidget(content)
        self.rebuilt.emit()

    def _ask_reviewer(self) -> None:
        if self.banner is not None and self.banner.dialog is None:  # one dialog at a time
            self.banner.ask()

    def focus_item(self, key: str) -> bool:
        """Scroll to the editor of an answer key and give it the keyboard focus."""
        self.ensure_built()
        for panel in self.panels:
            editor = panel.editor(key)
            if editor is not None:
                self.ensureWidgetVisible(editor)
                editor.state.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False
