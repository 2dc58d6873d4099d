"""The Review page, drawn from the engine's ``Result`` (the live summary beside the side list is
``summary_panel.SummaryPanel``).

Review shows the readiness level, gates failed and open, section scores and the ranked gap list;
double-clicking (or Enter on) a gap asks the main window to go to that requirement.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from veu_assess.catalog.schema import LevelId
from veu_assess.engine.scoring import Result
from veu_assess.engine.visibility import Item
from veu_assess.i18n_format import format_percent
from veu_assess.report.verdict_text import level_text, rank_reason_text, recommendation_text
from veu_assess.review import (
    ReviewFilter,
    changes_since_signoff,
    filter_items,
    signoff_status,
    verdict_is_stale,
)
from veu_assess.review.texts import changes_text, protection_statement, stale_text
from veu_assess.ui import dialogs
from veu_assess.ui.a11y import Heading
from veu_assess.ui.answer_choice import guard_wheel
from veu_assess.ui.integrity import integrity_warning
from veu_assess.ui.labels import level_label, priority_label, shown_level_colour, state_label
from veu_assess.ui.review import ReviewFilterCombo, SignOffStatusList
from veu_assess.ui.route_panel import RoutePanel, route_headline
from veu_assess.ui.session import Session
from veu_assess.ui.unanswered import UnansweredList
from veu_assess.ui.widgets import warning_style
from veu_assess.ui.widgets import wrapped_label as _label

# The most of the visible page a table takes: a heading and a line of the next part stay in view.
TABLE_SHARE = 0.8


def _heading(text: str) -> QLabel:
    return Heading(text)  # a heading to a screen reader too: the parts of the page can be jumped to


class FittedTable(QTableWidget):
    """A read-only table whose long-text column gets the width: the others take what their
    content needs, but at most their share (``caps``) of the table's width, and wrap beyond it.

    Qt's ResizeToContents sizes a column for its longest line unwrapped: at 1024×700 a priority
    "High (stretch, not in force)" and an owner's name left the requirement text ~60 px.
    """

    def __init__(self, headers: list[str], stretch: tuple[int, ...], caps: dict[int, float]) -> None:
        super().__init__(0, len(headers))
        self.caps = caps
        self.setHorizontalHeaderLabels(headers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in caps:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        # Long texts (titles, citations) share the width and wrap, so no column leaves the view.
        for column in stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def fit_columns(self) -> None:
        """Capped columns to min(content, share of the width); then rows to their wrapped text."""
        width = self.viewport().width()
        header = self.horizontalHeader()
        for column, share in self.caps.items():
            want = max(self.sizeHintForColumn(column), header.sectionSizeHint(column))
            header.resizeSection(column, max(header.minimumSectionSize(), min(want, int(width * share))))
        self.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()


def _table(
    headers: list[str], name: str, stretch: tuple[int, ...], caps: dict[int, float] | None = None
) -> QTableWidget:
    table = FittedTable(headers, stretch, caps or {})
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.verticalHeader().hide()
    # Tab and Shift+Tab leave the table for the next control (Qt's default walks every cell and
    # wraps round: a keyboard trap); the arrow keys move between the cells.
    table.setTabKeyNavigation(False)
    table.setAccessibleName(name)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    if isinstance(table, FittedTable):
        table.fit_columns()


class ReviewPage(QScrollArea):
    """Scores, gates, the ranked gap list, and the auditor's review: sign-offs and a filtered list."""

    goToItem = Signal(str)  # answer key
    signOffRequested = Signal()

    def __init__(self, session: Session, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.lang = session, lang
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Review"))
        # Route selection comes before the score: the score is readiness for the VEU route only.
        # The reasons take the width; a route's name and its verdict wrap beyond a quarter each.
        self.route = RoutePanel(session, lang, _table(["", "", ""], "", (2,), {0: 0.25, 1: 0.2}), _fill)
        self.level = _heading("")
        self.level_description = _label()
        self.figures = _label()
        self.gates = _label()
        self.sections = _table(
            [self.tr("Section"), self.tr("Answered"), self.tr("Readiness"), self.tr("Completeness"), self.tr("Note")],
            self.tr("Section scores"),
            (0, 4),
        )
        self.gaps = _table(
            [
                self.tr("#"),
                self.tr("Priority"),
                self.tr("Requirement"),
                self.tr("Site"),
                self.tr("Answer"),
                self.tr("Owner"),
                self.tr("Due"),
                self.tr("Citation"),
            ],
            self.tr("Ranked gap list"),
            (2,),
            # The requirement text takes the width; the other columns wrap beyond these shares, so
            # at 1024×700 the requirement keeps about two fifths of the table.
            {1: 0.12, 3: 0.1, 4: 0.12, 5: 0.12, 6: 0.12, 7: 0.12},
        )
        self.gaps.setToolTip(self.tr("Double-click or press Enter to go to the requirement"))
        self.gaps.activated.connect(lambda index: self._go(index.row()))
        self.gaps.doubleClicked.connect(lambda index: self._go(index.row()))
        # The auditor's review: a plain warning when signed content changed, the sign-offs, filters.
        self.signoff_banner = _label()
        self.signoff_banner.setStyleSheet(warning_style(self.palette(), "6px"))
        self.signoff_banner.hide()
        self.signoffs = SignOffStatusList(lang)
        self.signoffs.setMaximumHeight(self.signoffs.fontMetrics().height() * 8)
        self.no_signoffs = _label(self.tr("Nobody has signed off this assessment yet."))
        self.protection = _label(protection_statement(lang))
        self.trust_button = QPushButton(self.tr("Tr&ust the selected signer…"))
        self.trust_button.setAccessibleName(self.tr("Trust the signer of the selected sign-off"))
        self.trust_button.clicked.connect(self.trust_selected_signer)
        self.signoffs.itemSelectionChanged.connect(self._update_trust_button)
        self.sign_off_button = QPushButton(self.tr("&Sign off…"))
        self.sign_off_button.setAccessibleName(self.tr("Sign off this assessment"))
        self.sign_off_button.clicked.connect(self.signOffRequested)
        self.sign_off_button.setVisible(session.review_mode)
        self.filter = ReviewFilterCombo()
        filter_label = QLabel(self.tr("Sho&w:"))
        filter_label.setBuddy(self.filter)
        self.filtered = QListWidget()
        self.filtered.setAccessibleName(self.tr("Requirements for review"))
        # Long rows (title, "stale" marker) wrap instead of running off to the right.
        self.filtered.setWordWrap(True)
        self.filtered.setResizeMode(QListView.ResizeMode.Adjust)
        self.filtered.setToolTip(self.tr("Double-click or press Enter to go to the requirement"))
        self.filtered.itemActivated.connect(lambda item: self.goToItem.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.filter.filterChanged.connect(lambda _f: self.show_review())
        # "Changed since sign-off": what changed in words (also when it cannot be determined).
        self.filter_note = _label()
        self.filter_note.hide()
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.signoff_banner)
        layout.addWidget(_heading(self.tr("Review")))
        layout.addWidget(_heading(self.tr("Route selection")))
        layout.addWidget(self.route)
        layout.addWidget(_heading(self.tr("Readiness for the Data Center VEU route")))
        for w in (self.level, self.level_description, self.figures, self.gates):
            layout.addWidget(w)
        self.unanswered = UnansweredList(lang)  # what is left to answer, each a jump to its answer
        self.unanswered.goToItem.connect(self.goToItem)
        layout.addWidget(self.unanswered)
        layout.addWidget(_heading(self.tr("Section scores")))
        layout.addWidget(self.sections)
        layout.addWidget(_heading(self.tr("Gaps, most important first")))
        layout.addWidget(self.gaps, 1)
        layout.addWidget(_heading(self.tr("Auditor's review and sign-offs")))
        layout.addWidget(self.no_signoffs)
        layout.addWidget(self.signoffs)
        layout.addWidget(self.trust_button)
        layout.addWidget(self.protection)
        layout.addWidget(self.sign_off_button)
        row = QHBoxLayout()
        row.addWidget(filter_label)
        row.addWidget(self.filter, 1)
        layout.addLayout(row)
        layout.addWidget(self.filter_note)
        layout.addWidget(self.filtered)
        self.setWidget(content)
        guard_wheel(content)  # the page scrolls over its combo boxes unless one has the focus
        self._gap_keys: list[str] = []
        session.resultChanged.connect(self.show_result)
        session.reviewChanged.connect(self._review_changed)  # bound: disconnected when the page goes
        # Scores and gap tables are filled when the page is first shown (and after results changed
        # while it was hidden), not here and not on every keystroke elsewhere; the auditor's part
        # (sign-offs, the warning) stays current, the main window reads it.
        self._pending: Result | None = session.result
        self.show_review()

    def _review_changed(self, _key: str) -> None:
        self.show_review()

    def page_title(self) -> str:
        return self.tr("Review")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Row heights depend on the wrapped width of the long columns: recompute after a resize.
        self.gaps.resizeRowsToContents()
        self.sections.resizeRowsToContents()
        self._size_tables()

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_built()
        super().showEvent(event)
        self.gaps.resizeRowsToContents()
        self.sections.resizeRowsToContents()
        self._size_tables()

    def _size_tables(self) -> None:
        """The tables as tall as their rows, up to most of the visible page. In a scrolling page a
        table gets only its size hint: at 1024×700 the gap list was ~180 px, five rows of dozens."""
        visible = self.viewport().height()
        for table in (self.sections, self.gaps):
            header = table.horizontalHeader()
            rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
            full = rows + header.height() + 2 * table.frameWidth() + table.horizontalScrollBar().sizeHint().height()
            want = min(full, int(visible * TABLE_SHARE))
            table.setMinimumHeight(max(want, 4 * table.fontMetrics().lineSpacing()))

    def _item_text(self, item: Item) -> str:
        return f"{item.requirement.id} — {item.requirement.title.get(self.lang)}"

    def show_result(self, result: Result) -> None:
        if not self.isVisible():
            self._pending = result
            self.show_review()
            return
        self._fill(result)

    def ensure_built(self) -> None:
        """Fill the scores and tables if results changed while the page was hidden."""
        if self._pending is not None:
            self._fill(self._pending)

    def _fill(self, result: Result) -> None:
        self._pending = None
        catalog = self.session.catalog
        self.route.refresh()  # the profile or inventory may have changed the route
        level = next(lv for lv in catalog.header.scoring.levels if lv.id is result.level)
        provisional = result.provisional and result.level is not LevelId.INCOMPLETE
        headline = route_headline(self.session)
        self.level.setText(
            level_text(level_label(catalog, result.level, self.lang), result, self.lang, headline)
            + (self.tr(" (provisional: not every question is answered)") if provisional else "")
        )
        self.level.setStyleSheet(f"color:{shown_level_colour(result, headline)};")
        self.level_description.setText(level.description.get(self.lang))
        self.figures.setText(
            self.tr(
                "Readiness {readiness} (unanswered counts as not met) · completeness {completeness}"
                " ({answered} of {total} answered) · score of the answered items only {answered_score}"
            ).format(
                readiness=format_percent(result.readiness, self.lang),
                completeness=format_percent(result.completeness, self.lang),
                answered=result.answered, total=result.total,
                answered_score=format_percent(result.answered_score, self.lang),
            )
            + "\n" + recommendation_text(result, self.lang, headline)
        )
        lines = [self.tr("Gates failed: {n}").format(n=len(result.gates_failed))]
        lines += [
            f"  ✗ {self._item_text(it)}" + (f" @ {it.site_id}" if it.site_id else "") for it in result.gates_failed
        ]
        lines.append(self.tr("Gates open: {n}").format(n=len(result.gates_open)))
        lines += [f"  ? {self._item_text(it)}" + (f" @ {it.site_id}" if it.site_id else "") for it in result.gates_open]
        self.gates.setText("\n".join(lines))
        self.unanswered.show_result(result)
        rows = []
        for s in result.sections:
            note = "" if s.visible else self.tr("out of scope")
            if s.visible and not s.in_overall:
                note = self.tr("stretch module, scored separately")
            rows.append([s.section.title.get(self.lang), f"{s.answered}/{s.total}",
                         format_percent(s.readiness, self.lang), format_percent(s.completeness, self.lang), note])
        _fill(self.sections, rows)
        self._gap_keys = [g.item.key for g in result.gaps]
        _fill(
            self.gaps,
            [
                [
                    str(g.rank),
                    # stretch gaps come last and must not read like in-force obligations
                    priority_label(g.priority) + (self.tr(" (stretch, not in force)") if g.stretch else ""),
                    self._item_text(g.item),
                    g.item.site_id or "",
                    state_label(g.state),
                    g.answer.owner,
                    g.answer.due.isoformat() if g.answer.due else "",
                    g.requirement.citation,
                ]
                for g in result.gaps
            ],
        )
        for row, g in enumerate(result.gaps):
            cell = self.gaps.item(row, 1)
            if g.reason is not None and cell is not None:
                # Why it ranks here (weight, legal status, due date), in the report's words.
                cell.setToolTip(rank_reason_text(g.reason, self.lang))
        self._size_tables()
        self.show_review()

    def show_review(self) -> None:
        """Sign-offs with their status, the warning when signed content changed, the filtered list."""
        doc = self.session.document
        # The content hashed once for every sign-off and both lists (a large file takes a second).
        current = doc.digest() if doc.review.signoffs else None
        statuses = signoff_status(doc, current)
        self.signoffs.show_document(doc, current)
        self.signoffs.setVisible(bool(statuses))
        self.no_signoffs.setVisible(not statuses)
        self.trust_button.setVisible(any(so.signed for so in doc.review.signoffs))
        self._update_trust_button()
        explanation = integrity_warning(self.session)[1]
        self.signoff_banner.setText(explanation)
        self.signoff_banner.setVisible(bool(explanation))
        self._show_filter_note()
        self.filtered.clear()
        for item in filter_items(self.session.catalog, doc, self.filter.current_filter()):
            text = self._item_text(item) + (f" @ {item.site_id}" if item.site_id else "")
            if verdict_is_stale(doc, item.key):
                text += f" — {stale_text(self.lang)}"
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, item.key)
            self.filtered.addItem(row)

    def _show_filter_note(self) -> None:
        """Under "Changed since sign-off": which sign-off, and what changed or that it cannot be told."""
        changes = None
        if self.filter.current_filter() is ReviewFilter.CHANGED:
            changes = changes_since_signoff(self.session.document)
        if self.filter.current_filter() is not ReviewFilter.CHANGED:
            note = ""
        elif changes is None:
            note = self.tr("Nobody has signed off this assessment yet: nothing to compare with.")
        elif not changes.content_changed:
            note = self.tr("Nothing changed since the last sign-off ({date}).").format(
                date=changes.signoff.date.isoformat())
        else:
            note = self.tr("Since the last sign-off ({date}):").format(date=changes.signoff.date.isoformat()) + \
                ("" if self.lang == "ja" else " ") + changes_text(changes, self.lang)
        self.filter_note.setText(note)
        self.filter_note.setVisible(bool(note))

    def _update_trust_button(self) -> None:
        self.trust_button.setEnabled(self.signoffs.selected_unconfirmed() is not None)

    def trust_selected_signer(self) -> bool:
        """Add the selected signer's certificate fingerprint to the trusted signers (the app setting
        ``veu-assess verify`` reads too), after the user confirms they compared it."""
        verdict = self.signoffs.selected_unconfirmed()
        if verdict is None:
            return False
        question = self.tr(
            "Trust {signer} as a signer?\n\nCertificate SHA-256:\n{fingerprint}\n\nDo this only after comparing "
            "this fingerprint with the one the signer gave you in person, by phone or in a letter."
        ).format(signer=verdict.signer, fingerprint=verdict.fingerprint)
        if not dialogs.ask_yes_no(self, self.tr("Trust signer"), question):
            return False
        from veu_assess.signing.errors import SigningError
        from veu_assess.signing.trust import add_user_trust

        try:
            add_user_trust(verdict.fingerprint, verdict.signer)
        except (SigningError, OSError) as exc:
            dialogs.show_error(self, self.tr("Trust signer"), str(exc))
            return False
        self.session.integrityChanged.emit()  # the window's warning and this page redraw
        self.show_review()
        return True

    def _go(self, row: int) -> None:
        if 0 <= row < len(self._gap_keys):
            self.goToItem.emit(self._gap_keys[row])
