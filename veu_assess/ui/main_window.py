"""The main window: side list of pages, the page stack, Back/Next, the live summary, menus.

Pages run Profile -> one page per section -> Review -> Report. Back/Next skip sections the
profile puts out of scope (the engine says which); the side list still shows them, marked, and
lets the operator jump anywhere. File handling (New/Open/Save/recent) is in
``file_actions.FileActions``; autosave and crash recovery are its ``autosave.Autosave`` part.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QPalette,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import ModuleKind
from veu_assess.engine.compare import compare
from veu_assess.engine.scoring import Result
from veu_assess.i18n_format import format_percent
from veu_assess.storage.errors import VeuaError
from veu_assess.storage.recovery import RecoveryManager
from veu_assess.storage.veua import open_document
from veu_assess.ui import dialogs, i18n
from veu_assess.ui.autosave import Autosave
from veu_assess.ui.calculators import TppDialog
from veu_assess.ui.file_actions import FileActions
from veu_assess.ui.integrity import integrity_warning, sign_off_warning, start_evidence_check
from veu_assess.ui.labels import level_label
from veu_assess.ui.profile_page import ProfilePage
from veu_assess.ui.readonly import make_read_only
from veu_assess.ui.report_page import EXPORT_KINDS, ReportPage
from veu_assess.ui.review import CompareView, SignOffDialog
from veu_assess.ui.review_page import ReviewPage, SummaryPanel
from veu_assess.ui.section_page import SectionPage
from veu_assess.ui.session import Session
from veu_assess.ui.settings import UiSettings
from veu_assess.ui.view_state import remember_view, restore_view
from veu_assess.ui.widgets import warning_style

Page = ProfilePage | SectionPage | ReviewPage | ReportPage


def _without_backspace(keys: list[QKeySequence]) -> list[QKeySequence]:
    """Windows binds Back/Forward to (Shift+)Backspace too: with the focus on a combo box or a
    check box, deleting a typo would then leave the page. Alt+Left/Right and the others stay."""
    bare = {QKeySequence(Qt.Key.Key_Backspace), QKeySequence(Qt.KeyboardModifier.ShiftModifier | Qt.Key.Key_Backspace)}
    return [k for k in keys if k not in bare]


class MainWindow(FileActions, QMainWindow):
    pageChanged = Signal(int)
    documentOpened = Signal(object)  # Path of the opened file
    openFailed = Signal(str)  # the storage layer's message
    saveFinished = Signal(bool)  # a save started by save/save_as/save_to ended: True when written

    def __init__(
        self,
        catalog: Catalog,
        settings: UiSettings,
        recovery: RecoveryManager | None = None,
        lang: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)  # FileActions, then QMainWindow
        self.catalog, self.settings, self.recovery = catalog, settings, recovery
        self.lang = lang or settings.language()
        self.session: Session | None = None
        self.pages: list[Page] = []
        self.undo_group = QUndoGroup(self)
        self.autosave = Autosave(self, catalog, recovery, saving=lambda: self._save_task is not None)
        self.setAcceptDrops(True)

        self.nav = QListWidget()
        self.nav.setWordWrap(True)
        self.nav.setSpacing(3)  # entries are two lines each; keep them apart
        self.nav.currentRowChanged.connect(self._nav_row_changed)
        self.stack = QStackedWidget()
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton()
        self.next_button.clicked.connect(self.go_next)
        self.summary_holder = QVBoxLayout()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        self.nav_label = QLabel()
        self.nav_label.setBuddy(self.nav)
        left_layout.addWidget(self.nav_label)
        left_layout.addWidget(self.nav, 1)
        left_layout.addLayout(self.summary_holder)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.stack, 1)
        self.button_row = QHBoxLayout()
        self.button_row.addStretch(1)
        self.button_row.addWidget(self.back_button)
        self.button_row.addWidget(self.next_button)
        right_layout.addLayout(self.button_row)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.signoff_warning = QLabel()
        self.signoff_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.signoff_warning.setStyleSheet(warning_style(self.palette()))
        self.signoff_warning.hide()
        self.statusBar().addPermanentWidget(self.signoff_warning)
        self.compare_view: CompareView | None = None
        self._close_confirmed = False  # the unsaved-changes prompt was answered with a successful save
        self._build_menus()
        self.retranslate()
        geometry = settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 800)
        # Language and theme changes are heard from here on, when everything they update exists
        # (Qt sends change events while the window is still being built).
        self.installEventFilter(self)

    # --- menus ---------------------------------------------------------------------------
    def _action(self, text: str, slot: object, shortcut: QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(_without_backspace(QKeySequence.keyBindings(shortcut)))
        elif shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        """Menus and actions; their texts are set (and reset on a language change) in ``retranslate``."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.new_action = self._action("", self.new_file, QKeySequence.StandardKey.New)
        self.open_action = self._action("", self.open_file, QKeySequence.StandardKey.Open)
        self.open_review_action = self._action("", self.open_file_for_review)
        self.recent_menu = self.file_menu.addMenu("")
        self.save_action = self._action("", lambda: self.save(), QKeySequence.StandardKey.Save)
        self.save_as_action = self._action("", lambda: self.save_as(), QKeySequence.StandardKey.SaveAs)
        self.close_action = self._action("", self.close_file, QKeySequence.StandardKey.Close)
        self.quit_action = self._action("", self.close, QKeySequence.StandardKey.Quit)
        self.file_menu.insertActions(
            self.recent_menu.menuAction(), [self.new_action, self.open_action, self.open_review_action]
        )
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.save_action, self.save_as_action, self.close_action])
        self.file_menu.addSeparator()
        # File > Export runs the Report page's exports (one code path for menu and buttons).
        self.export_menu = self.file_menu.addMenu("")
        self.export_actions = {kind: self._action("", self._export_slot(kind)) for kind in EXPORT_KINDS}
        self.export_menu.addActions(list(self.export_actions.values()))
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.undo_action, self.redo_action = self._undo_actions()
        self.go_menu = bar.addMenu("")
        self.back_action = self._action("", self.go_back, QKeySequence.StandardKey.Back)
        self.next_action = self._action("", self.go_next, QKeySequence.StandardKey.Forward)
        self.review_action = self._action("", lambda: self.go_to(self.pages.index(self.review_page)), "Ctrl+R")
        self.go_menu.addActions([self.back_action, self.next_action, self.review_action])
        self.review_menu = bar.addMenu("")
        self.sign_off_action = self._action("", self.show_sign_off)
        self.review_menu.addAction(self.sign_off_action)
        self.tools_menu = bar.addMenu("")
        self.tpp_action = self._action("", self.show_tpp_calculator)
        self.compare_action = self._action("", self.compare_with)
        self.tools_menu.addActions([self.tpp_action, self.compare_action])
        self.view_menu = bar.addMenu("")
        # i18n remembers the choice (also "system"); the window rebuilds its pages in that language.
        self.language_menu = i18n.build_language_menu(
            self, on_changed=lambda lang: self.set_language(lang, remember=False), restart_note=False
        )
        self.view_menu.addMenu(self.language_menu)
        self.help_menu = bar.addMenu("")
        self.about_action = self._action("", self.show_about)
        self.help_menu.addAction(self.about_action)
        self.update_recent_menu()

    def _export_slot(self, kind: str) -> Callable[[], None]:
        return lambda: self.export(kind)

    def export(self, kind: str) -> None:
        """File > Export: the Report page writes it; show that page so its progress is visible."""
        if self.session is None or not self.pages:
            return
        if self.report_page.export(kind):
            self.go_to(self.pages.index(self.report_page))

    def retranslate(self) -> None:
        """Every text made once at start-up, in the current interface language."""
        self.nav.setAccessibleName(self.tr("Pages"))
        self.nav_label.setText(self.tr("&Pages"))
        self.back_button.setText(self.tr("< &Back"))
        self.back_button.setAccessibleName(self.tr("Previous page"))
        self.next_button.setText(self.tr("&Next >"))
        self.next_button.setAccessibleName(self.tr("Next page"))
        self.file_menu.setTitle(self.tr("&File"))
        self.new_action.setText(self.tr("&New"))
        self.open_action.setText(self.tr("&Open…"))
        self.open_review_action.setText(self.tr("Open for Re&view…"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.save_action.setText(self.tr("&Save"))
        self.save_as_action.setText(self.tr("Save &As…"))
        self.close_action.setText(self.tr("&Close"))
        self.export_menu.setTitle(self.tr("&Export"))
        self.export_actions["pdf"].setText(self.tr("&PDF report…"))
        self.export_actions["csv"].setText(self.tr("&Gap list (CSV)…"))
        self.export_actions["oscal-ar"].setText(self.tr("OSCAL &assessment results…"))
        self.export_actions["oscal-poam"].setText(self.tr("OSCAL P&OA&&M…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        # Qt keeps the "Undo"/"Redo" prefix given at creation: new actions in the new language.
        for old in (self.undo_action, self.redo_action):
            self.edit_menu.removeAction(old)
            old.deleteLater()
        self.undo_action, self.redo_action = self._undo_actions()
        self.go_menu.setTitle(self.tr("&Go"))
        self.back_action.setText(self.tr("&Back"))
        self.next_action.setText(self.tr("&Next"))
        self.review_action.setText(self.tr("&Review"))
        self.review_menu.setTitle(self.tr("&Review"))
        self.sign_off_action.setText(self.tr("&Sign off…"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.tpp_action.setText(self.tr("Accelerator &classification (TPP)…"))
        self.compare_action.setText(self.tr("&Compare with…"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About"))
        self.update_recent_menu()
        self.update_title()
        self.update_signoff_state()

    def _undo_actions(self) -> tuple[QAction, QAction]:
        undo = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts(QKeySequence.StandardKey.Redo)
        self.edit_menu.addActions([undo, redo])
        return undo, redo

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif watched is self and event.type() == QEvent.Type.PaletteChange:
            self.signoff_warning.setStyleSheet(warning_style(self.palette()))  # a theme change
        return super().eventFilter(watched, event)
        super().changeEvent(event)

    # --- session and pages ---------------------------------------------------------------
    def set_session(self, session: Session) -> None:
        """Show a document; the previous session (if any) is dropped."""
        old = self.session
        self.session = session
        session.setParent(self)
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        session.resultChanged.connect(self._result_changed)
        session.modifiedChanged.connect(lambda _m: self.update_title())
        session.pathChanged.connect(self.update_title)
        self.autosave.session = session
        session.answerChanged.connect(lambda _k: self.autosave.note_change())
        session.profileChanged.connect(self.autosave.note_change)
        session.inventoryChanged.connect(lambda _s: self.autosave.note_change())
        session.reviewChanged.connect(lambda _k: self.autosave.note_change())
        session.reviewChanged.connect(lambda _k: self.update_signoff_state())
        session.resultChanged.connect(lambda _r: self.update_signoff_state())
        session.integrityChanged.connect(self.update_signoff_state)
        session.editRefused.connect(lambda message: self.statusBar().showMessage(message, 10_000))
        self.sign_off_action.setEnabled(session.review_mode)
        self._build_pages(0)
        if old is not None:
            self.undo_group.removeStack(old.undo_stack)
            old.deleteLater()
        self.update_title()
        self.update_signoff_state()
        self.evidence_check = start_evidence_check(session)

    def _build_pages(self, current: int) -> None:
        assert self.session is not None
        s, lang = self.session, self.lang
        while self.stack.count():
            widget = self.stack.widget(0)
            if widget is not None:
                self.stack.removeWidget(widget)
                widget.deleteLater()
        profile = ProfilePage(s, lang)
        if s.review_mode:
            make_read_only(profile)
        self.pages = [profile]
        self.pages += [SectionPage(s, sec, lang) for sec in self.catalog.sections]
        self.review_page = ReviewPage(s, lang)
        self.review_page.signOffRequested.connect(self.show_sign_off)
        self.review_page.goToItem.connect(self.go_to_item)
        self.report_page = ReportPage(s, lang)
        self.pages += [self.review_page, self.report_page]
        for page in self.pages:
            self.stack.addWidget(page)
        while self.summary_holder.count():
            taken = self.summary_holder.takeAt(0)
            old_widget = taken.widget() if taken is not None else None
            if old_widget is not None:
                # Hidden now: deleteLater waits for the event loop, and until then a widget taken
                # out of its layout would still paint at its old place (seen in screenshots).
                old_widget.hide()
                old_widget.deleteLater()
        self.summary = SummaryPanel(s, lang)
        self.summary_holder.addWidget(self.summary)
        self.nav.blockSignals(True)
        self.nav.clear()
        for page in self.pages:
            self.nav.addItem(QListWidgetItem(page.page_title()))
        self.nav.blockSignals(False)
        self._result_changed(s.result)
        for page in self.pages:
            if isinstance(page, SectionPage):
                page.rebuilt.connect(self._buttons_last_in_tab_order)
        self._buttons_last_in_tab_order()
        self.go_to(min(current, len(self.pages) - 1))

    def _buttons_last_in_tab_order(self) -> None:
        """Pages (and section contents, built when first shown) are created after Back/Next, so
        Tab would visit the buttons before the page; the user reads the page, then moves on. A
        widget joins the end of the Tab order when it is added to the window, so the buttons are
        added again after whatever was just built (keeping the focus if one of them had it)."""
        focused = QApplication.focusWidget()
        for button in (self.back_button, self.next_button):
            self.button_row.removeWidget(button)
            button.setParent(None)
            self.button_row.addWidget(button)
        if focused in (self.back_button, self.next_button):
            focused.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_language(self, lang: str, remember: bool = True) -> None:
        """Show the questionnaire (and the pages' texts) in ``lang``; the translators are i18n's."""
        self.lang = lang
        self.retranslate()  # now, not only when Qt's (posted) LanguageChange event arrives
        self.statusBar().clearMessage()  # a passing message ("Opened …") was in the other language
        if remember:
            self.settings.set_language(lang)
        if self.session is not None:
            view = remember_view(self.current_page()) if self.pages else None
            self._build_pages(self.stack.currentIndex())
            if view is not None:
                restore_view(self.current_page(), view)  # same place, same focus, other language

    def _result_changed(self, result: Result) -> None:
        # Out of scope reads as disabled text in the current palette (light, dark, high contrast).
        grey = QBrush(self.nav.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        for row, page in enumerate(self.pages):
            if isinstance(page, ReviewPage) and self.session is not None:
                # The side list names the verdict too: "Incomplete" until enough is answered.
                level = level_label(self.session.catalog, result.level, self.lang)
                review = self.nav.item(row)
                review.setText(f"{page.page_title()}\n{level}")
                review.setData(Qt.ItemDataRole.AccessibleTextRole, f"{page.page_title()}, {level}")
            if not isinstance(page, SectionPage):
                continue
            sc = result.section_score(page.section.id)
            item = self.nav.item(row)
            module = next((m for m in result.modules if m.id == page.section.module), None)
            if sc.visible and module is not None and module.module.kind is ModuleKind.CHECKLIST:
                # A checklist module is never scored: its progress only.
                text = self.tr("{title}\n{done}/{total} done (checklist)").format(
                    title=page.page_title(), done=module.done, total=module.total)
                item.setData(Qt.ItemDataRole.ForegroundRole, None)
            elif sc.visible:
                text = self.tr("{title}\n{answered}/{total} answered ({completeness}) · readiness {readiness}").format(
                    title=page.page_title(), answered=sc.answered, total=sc.total,
                    completeness=format_percent(sc.completeness, self.lang),
                    readiness=format_percent(sc.readiness, self.lang),
                )
                item.setData(Qt.ItemDataRole.ForegroundRole, None)
            else:
                text = self.tr("{title}\n(out of scope)").format(title=page.page_title())
                item.setForeground(grey)
            item.setText(text)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text.replace("\n", ", "))
        self._update_nav_buttons()

    # --- navigation ----------------------------------------------------------------------
    def in_scope(self, index: int) -> bool:
        page = self.pages[index]
        if isinstance(page, SectionPage) and self.session is not None:
            return self.session.result.section_score(page.section.id).visible
        return True

    def _step(self, direction: int) -> int | None:
        index = self.stack.currentIndex() + direction
        while 0 <= index < len(self.pages):
            if self.in_scope(index):
                return index
            index += direction
        return None

    def go_to(self, index: int) -> None:
        if not 0 <= index < len(self.pages):
            return
        page = self.pages[index]
        if isinstance(page, SectionPage | ReviewPage | ReportPage):
            page.ensure_built()  # pages fill when first shown; also when the window is hidden (smoke mode, tests)
        self.stack.setCurrentIndex(index)
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)
        self._update_nav_buttons()
        self.pageChanged.emit(index)

    def go_back(self) -> None:
        target = self._step(-1)
        if target is not None:
            self.go_to(target)

    def go_next(self) -> None:
        target = self._step(+1)
        if target is not None:
            self.go_to(target)

    def _nav_row_changed(self, row: int) -> None:
        if row >= 0 and row != self.stack.currentIndex():
            self.go_to(row)

    def _update_nav_buttons(self) -> None:
        self.back_button.setEnabled(self._step(-1) is not None)
        self.next_button.setEnabled(self._step(+1) is not None)

    def go_to_item(self, key: str) -> None:
        """Show the section page holding the answer ``key`` and focus its editor."""
        for index, page in enumerate(self.pages):
            if isinstance(page, SectionPage) and any(
                it.key == key for it in page.session.result.items if it.section.id == page.section.id
            ):
                self.go_to(index)
                page.focus_item(key)
                return

    def current_page(self) -> Page:
        return self.pages[self.stack.currentIndex()]

    # --- review ----------------------------------------------------------------------------
    def update_signoff_state(self) -> None:
        text, explanation = integrity_warning(self.session)
        self.signoff_warning.setText(text)
        self.signoff_warning.setToolTip(explanation)
        self.signoff_warning.setAccessibleName(text)
        self.signoff_warning.setAccessibleDescription(explanation)
        self.signoff_warning.setVisible(bool(text))
        if self.session is not None and self.pages:
            self.review_page.show_review()

    def open_file_for_review(self) -> None:
        folder = str(self.session.path.parent) if self.session and self.session.path else ""
        path = dialogs.get_open_path(self, folder)
        if path is not None:
            self.open_path(path, review=True)

    def show_sign_off(self) -> SignOffDialog | None:
        """Review > Sign off…: the dialog appends the sign-off; the document is then modified."""
        if self.session is None or not self.session.review_mode:
            return None
        session = self.session
        dialog = SignOffDialog(session.document, self.lang, parent=self, warning=sign_off_warning(session))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # The evidence check may end while the dialog is open: its warning follows (bound slot,
        # so the connection goes with the dialog).
        dialog.warning_source = lambda: sign_off_warning(session)
        session.integrityChanged.connect(dialog.refresh_warning)
        dialog.signedOff.connect(lambda _so: session.note_signed_off())
        dialog.open()
        return dialog

    def compare_with(self) -> None:
        """Tools > Compare with…: what changed from another .veua to this one."""
        if self.session is None:
            return
        folder = str(self.session.path.parent) if self.session.path else ""
        path = dialogs.get_open_path(self, folder)
        if path is not None:
            self.compare_with_path(path)

    def compare_with_path(self, path: Path) -> CompareView | None:
        assert self.session is not None
        try:
            other = open_document(path)
        except (VeuaError, OSError) as exc:
            dialogs.show_error(self, self.tr("Cannot open {name}").format(name=path.name), str(exc))
            return None
        view = CompareView(self.catalog, self.lang)
        view.set_comparison(
            compare(self.catalog, other.assessment, self.session.document.assessment),
            path.name,
            self.display_name(),
        )
        view.goToItem.connect(self.go_to_item)
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Compare with {name}").format(name=path.name))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        QVBoxLayout(dialog).addWidget(view)
        dialog.resize(900, 600)
        dialog.show()  # modeless: double-click a change to go to it in the window
        self.compare_view = view
        return view

    def offer_recovery(self) -> bool:
        """At start-up: offer unsaved work left by a crash. True when a document was restored."""
        session = self.autosave.restore()
        if session is None:
            return False
        self.set_session(session)
        self.autosave.note_change()  # restored work is unsaved: keep autosaving it
        return True

    # --- tools ---------------------------------------------------------------------------
    def show_tpp_calculator(self) -> None:
        dialog = TppDialog(self.catalog.header.thresholds, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()  # modeless: the operator can copy figures into the inventory meanwhile

    def show_about(self) -> None:
        from veu_assess import __version__
        from veu_assess.ui import dialogs

        dialogs.show_info(
            self,
            self.tr("About"),
            self.tr("VEU Readiness Assessor {version}\nQuestionnaire {catalog}, as of {as_of}\n\n{disclaimer}").format(
                version=__version__,
                catalog=self.catalog.version,
                as_of=self.catalog.header.as_of.isoformat(),
                disclaimer=self.catalog.header.disclaimer.get(self.lang),
            ),
        )

    # --- window events -------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._close_confirmed and not self.maybe_save(self._close_after_save):
            event.ignore()  # cancelled, or saving first: the window closes when the save succeeded
            return
        self._close_confirmed = False
        self.autosave.forget()
        self.settings.save_geometry(self.saveGeometry())
        event.accept()

    def _close_after_save(self) -> None:
        # Not from inside closeEvent (a close there is ignored): from the save's outcome.
        self._close_confirmed = True
        self.close()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and all(u.isLocalFile() and u.toLocalFile().lower().endswith(".veua") for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        from pathlib import Path

        urls = event.mimeData().urls()
        if urls:
            event.acceptProposedAction()
            # An auditor reviewing files drops the next one to review: keep the mode.
            review = self.session is not None and self.session.review_mode
            self.open_path(Path(urls[0].toLocalFile()), review=review)

