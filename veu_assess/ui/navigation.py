"""Moving between the main window's pages: the side list, the page stack, Back and Next.

The navigator is the window's central widget: on the left the side list of pages (with each
section's progress) and the live summary, on the right the page stack with Back/Next under it.
Back/Next skip sections the profile puts out of scope (the engine says which); the side list still
shows them, marked, and lets the operator jump anywhere. It owns the pages (``pages.Pages``),
built for a session and a language by ``show_session``. Only what the first window shows is built
before it shows (issue 22): the Review and Report pages follow one per turn of the event loop once
the window is on screen (``build_rest_later``), or at once when something asks for them.
"""

from __future__ import annotations

import importlib
import sys
import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import ModuleKind
from veu_assess.engine.scoring import Result
from veu_assess.i18n_format import format_percent
from veu_assess.report.verdict_text import level_text
from veu_assess.ui.labels import level_label
from veu_assess.ui.pages import Page, Pages, build_pages
from veu_assess.ui.route_panel import route_headline
from veu_assess.ui.section_page import SectionPage
from veu_assess.ui.session import Session
from veu_assess.ui.unanswered import next_unanswered_key
from veu_assess.ui.wrapped_list import wrap_entries

_SECTION_CONTENT = "veu_assess.ui.requirement_panel"


class Navigator(QSplitter):
    pageChanged = Signal(int)  # the row of the page now shown
    signOffRequested = Signal()  # the Review page's Sign off button
    restBuilt = Signal()  # every page of the session shown exists (see ``build_rest_later``)

    def __init__(self, catalog: Catalog, session: Session, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._lang = lang
        self.nav = QListWidget()
        wrap_entries(self.nav)  # entries as tall as their wrapped text: "reviewed n/m" never cut
        self.nav.setSpacing(3)  # entries are two lines each; keep them apart
        self.nav.currentRowChanged.connect(self._nav_row_changed)
        self.nav_label = QLabel()
        self.nav_label.setBuddy(self.nav)
        self.stack = QStackedWidget()
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton()
        self.next_button.clicked.connect(self.go_next)
        self.unanswered_button = QPushButton()
        self.unanswered_button.clicked.connect(self.go_to_next_unanswered)
        self._summary_holder = QVBoxLayout()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.nav_label)
        left_layout.addWidget(self.nav, 1)
        left_layout.addLayout(self._summary_holder)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.stack, 1)
        self._button_row = QHBoxLayout()
        self._button_row.addWidget(self.unanswered_button)
        self._button_row.addStretch(1)
        self._button_row.addWidget(self.back_button)
        self._button_row.addWidget(self.next_button)
        right_layout.addLayout(self._button_row)
        self.addWidget(left)
        self.addWidget(right)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)
        # The pages made after the window shows: one per turn of the event loop, so input that
        # arrives meanwhile waits for one page at most. ``build_times`` keeps how long each took
        # (the start-up benchmark quotes the longest).
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self._build_one_later)
        self.build_times: list[float] = []
        self.pages: Pages = self._build(session)
        self.show_result(session.result)
        self.retranslate()
        self.go_to(0)

    def retranslate(self) -> None:
        self.nav.setAccessibleName(self.tr("Pages"))
        self.nav_label.setText(self.tr("&Pages"))
        self.back_button.setText(self.tr("< &Back"))
        self.back_button.setAccessibleName(self.tr("Previous page"))
        self.next_button.setText(self.tr("&Next >"))
        self.next_button.setAccessibleName(self.tr("Next page"))
        self.unanswered_button.setText(self.tr("Next unanswered"))
        self.unanswered_button.setAccessibleName(self.unanswered_button.text())
        self.unanswered_button.setToolTip(self.tr("Go to the next question not yet answered (Ctrl+J)"))

    # --- building ------------------------------------------------------------------------
    def show_session(self, session: Session, lang: str, row: int = 0) -> None:
        """Rebuild every page for ``session`` in ``lang`` and show the page at ``row``."""
        # The pages and the places of those not made; the page shown last. Taking away the page
        # shown makes the stack show a neighbour, which fills itself when shown (section pages):
        # opening a file filled every section page of the old document on its way out (issue 22,
        # ~1.3 s of a start with a file; a language switch on a section page did the same).
        current = self.stack.currentWidget()
        widgets = [self.stack.widget(index) for index in range(self.stack.count())]
        for widget in [w for w in widgets if w is not current] + [current]:
            if widget is not None:
                self.stack.removeWidget(widget)
                widget.deleteLater()
        # Hidden now: deleteLater waits for the event loop, and until then a widget taken out of
        # its layout would still paint at its old place (seen in screenshots).
        self.pages.summary.hide()
        self.pages.summary.deleteLater()
        self._lang = lang
        self.pages = self._build(session)
        self.show_result(session.result)
        self.go_to(min(row, len(self.pages) - 1))
        if self.isVisible():
            self.build_rest_later()

    def _build(self, session: Session) -> Pages:
        pages = build_pages(session, self._catalog, self._lang)
        for page in pages.built():
            # A page not made yet has an empty place in the stack, taken when it is made.
            self.stack.addWidget(page if page is not None else QWidget())
            if page is not None:
                self._page_added(page)
        pages.on_built = lambda row, page: self._page_built(pages, row, page)
        pages.parent = self.stack
        for section in pages.sections:
            section.rebuilt.connect(self._buttons_last_in_tab_order)
        self._summary_holder.addWidget(pages.summary)
        self.nav.blockSignals(True)
        self.nav.clear()
        for row in range(len(pages)):
            self.nav.addItem(QListWidgetItem(pages.title(row)))
        self.nav.blockSignals(False)
        self._buttons_last_in_tab_order()
        return pages

    def _page_added(self, page: QWidget) -> None:
        # The page's scroll area is no Tab stop: it showed no focus and read as a nameless
        # "layered pane"; Tab goes from field to field and the page scrolls to each.
        page.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def _page_built(self, pages: Pages, row: int, page: Page) -> None:
        """A page made after the others takes its place in the stack (the shown page stays)."""
        if pages is not self.pages:
            return  # made for pages no longer shown (kept by someone): it never joins the window
        self._page_added(page)
        if page is pages.built_review():
            page.signOffRequested.connect(self.signOffRequested)
            page.goToItem.connect(self.go_to_item)
        place = self.stack.widget(row)
        self.stack.insertWidget(row, page)
        if place is not None:
            self.stack.removeWidget(place)
            place.deleteLater()
        self._buttons_last_in_tab_order()
        if self.pages.all_built():
            self._later.stop()
            self.restBuilt.emit()

    def build_rest_later(self) -> None:
        """Make the pages not made yet, one per turn of the event loop (after the window shows)."""
        if not self.pages.all_built():
            self._later.start()

    def _build_one_later(self) -> None:
        start = time.perf_counter()
        if _SECTION_CONTENT not in sys.modules:
            # First the modules a section page fills itself with (editors, evidence, the review
            # panel): the first Next then builds a page without importing them.
            importlib.import_module(_SECTION_CONTENT)
            made = True
        else:
            made = self.pages.build_next()
        self.build_times.append(time.perf_counter() - start)
        if made and not self.pages.all_built():
            self._later.start()

    def build_rest_now(self) -> None:
        """Make every page now (tests, the smoke run)."""
        while self.pages.build_next():
            pass

    def _buttons_last_in_tab_order(self) -> None:
        """Pages (and section contents, built when first shown) are created after Back/Next, so
        Tab would visit the buttons before the page; the user reads the page, then moves on. A
        widget joins the end of the Tab order when it is added to the window, so the buttons are
        added again after whatever was just built (keeping the focus if one of them had it)."""
        focused = QApplication.focusWidget()
        buttons = (self.unanswered_button, self.back_button, self.next_button)
        hidden = {button: button.isHidden() for button in buttons}
        for button in buttons:
            self._button_row.removeWidget(button)
            button.setParent(None)
        self._button_row.insertWidget(0, self.unanswered_button)  # the stretch keeps it apart from Back
        for button in buttons[1:]:
            self._button_row.addWidget(button)
        # A layout shows a re-added widget only by a queued event: until then it is hidden and
        # cannot take the focus back (Space on Next left the focus in the side list).
        for button in buttons:
            button.setHidden(hidden[button])
        if focused in buttons:
            focused.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_result(self, result: Result) -> None:
        """Each side-list entry's progress line, and which sections are out of scope."""
        # Out of scope reads as disabled text in the current palette (light, dark, high contrast).
        grey = QBrush(self.nav.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        session = self.pages.session
        # The side list names the verdict too: "Incomplete" until enough is answered.
        level = level_text(level_label(self._catalog, result.level, self._lang), result, self._lang,
                           route_headline(session))
        row = len(self.pages) - 2  # the Review page's (made or not)
        title = self.pages.title(row)
        item = self.nav.item(row)
        item.setText(f"{title}\n{level}")
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}, {level}")
        for page in self.pages.sections:
            sc = result.section_score(page.section.id)
            item = self.nav.item(self.pages.index(page))
            module = next((m for m in result.modules if m.id == page.section.module), None)
            if sc.visible and module is not None and module.module.kind is ModuleKind.CHECKLIST:
                # A checklist module is never scored: its progress only.
                text = self.tr("{title}\n{done}/{total} done (checklist)").format(
                    title=page.page_title(), done=module.done, total=module.total)
                item.setData(Qt.ItemDataRole.ForegroundRole, None)
            elif sc.visible:
                text = self.tr("{title}\n{answered}/{total} answered ({completeness}) · readiness {readiness}").format(
                    title=page.page_title(), answered=sc.answered, total=sc.total,
                    completeness=format_percent(sc.completeness, self._lang),
                    readiness=format_percent(sc.readiness, self._lang),
                )
                item.setData(Qt.ItemDataRole.ForegroundRole, None)
            else:
                text = self.tr("{title}\n(out of scope)").format(title=page.page_title())
                item.setForeground(grey)
            if sc.visible and (session.review_mode or session.document.review.verdicts):
                keys = [it.key for it in result.items if it.section.id == page.section.id]
                reviewed = sum(1 for key in keys if session.verdict(key) is not None)
                text += "\n" + self.tr("reviewed {n}/{total}").format(n=reviewed, total=len(keys))
            item.setText(text)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text.replace("\n", ", "))
        self._update_buttons()

    # --- moving --------------------------------------------------------------------------
    def in_scope(self, row: int) -> bool:
        if self.pages.is_section(row):  # asked for every row Back/Next pass: it makes no page
            page = self.pages.sections[row - 1]
            return page.session.result.section_score(page.section.id).visible
        return True

    def _step(self, direction: int) -> int | None:
        row = self.current_row() + direction
        while 0 <= row < len(self.pages):
            if self.in_scope(row):
                return row
            row += direction
        return None

    def go_to(self, row: int) -> None:
        """Show the page at ``row`` of the side list (out of range: nothing happens)."""
        if 0 <= row < len(self.pages):
            self.show_page(self.pages[row])

    def show_page(self, page: Page) -> None:
        ensure_built = getattr(page, "ensure_built", None)
        if ensure_built is not None:
            ensure_built()  # pages fill when first shown; also when the window is hidden (smoke mode, tests)
        self.stack.setCurrentWidget(page)
        row = self.pages.index(page)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        self._update_buttons()
        self.pageChanged.emit(row)

    def go_back(self) -> None:
        target = self._step(-1)
        if target is not None:
            self.go_to(target)

    def go_next(self) -> None:
        target = self._step(+1)
        if target is not None:
            self.go_to(target)

    def _nav_row_changed(self, row: int) -> None:
        if row >= 0 and row != self.current_row():
            self.go_to(row)

    def _update_buttons(self) -> None:
        had_focus = self.back_button.hasFocus() or self.next_button.hasFocus()
        self.back_button.setEnabled(self._step(-1) is not None)
        self.next_button.setEnabled(self._step(+1) is not None)
        if had_focus and not (self.back_button.hasFocus() or self.next_button.hasFocus()):
            # Next pressed on the way to the last page is disabled there: Qt would hand the focus
            # to whatever follows (the side list); the page just reached is where the user reads on.
            self.focus_first_field()

    def go_to_item(self, key: str) -> None:
        """Show the section page holding the answer ``key`` and focus its editor."""
        page = self.pages.section_holding(key)
        if page is not None:
            self.show_page(page)
            page.focus_item(key)

    def go_to_next_unanswered(self) -> bool:
        """Focus the answer of the next unanswered item after the one being edited (or from the
        start of the section shown); False, and a word in the button's place, when none is left."""
        from veu_assess.ui.editors import AnswerEditor  # with the section pages' content, made later

        page = self.current_page()
        result = self.pages.session.result
        after: str | None = None
        widget = QApplication.focusWidget()
        while widget is not None and not isinstance(widget, AnswerEditor):
            widget = widget.parentWidget()
        if isinstance(widget, AnswerEditor) and isinstance(page, SectionPage) and page.isAncestorOf(widget):
            after = widget.key
        section = page.section.id if isinstance(page, SectionPage) else None
        key = next_unanswered_key(result, after, section)
        if key is None:
            self.unanswered_button.setToolTip(self.tr("Every question is answered."))
            return False
        self.go_to_item(key)
        return True

    def show_review_markers(self) -> None:
        """Review mode: each section's verdict count in the side list ("reviewed 3/8")."""
        self.show_result(self.pages.session.result)

    def focus_first_field(self) -> QWidget | None:
        """Give the keyboard focus to the first field of the page shown (at start, after opening a
        file): a keyboard or screen-reader user starts on the page, not nowhere."""
        page = self.current_page()
        widget = page.nextInFocusChain()
        while widget is not page and widget is not None:
            if (page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled()
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                page.ensureWidgetVisible(widget)
                return widget
            widget = widget.nextInFocusChain()
        return None

    def current_row(self) -> int:
        return self.stack.currentIndex()

    def current_page(self) -> Page:
        return self.pages[self.current_row()]
