"""The main window: a document (``Session``) shown by the parts the window owns.

``Navigator`` (navigation.py) is the central widget: the side list, the pages, Back/Next.
``FileActions`` (file_actions.py) opens, saves and closes files and keeps the title; ``Autosave``
(autosave.py) keeps unsaved work for crash recovery; ``MainMenus`` (menus.py) is the menu bar.
The window connects them, hands each the session shown, switches the language, and has what
belongs to no part: the sign-off warning in the status bar, the review and tool dialogs, closing
and dropped files.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent, QUndoGroup
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QVBoxLayout, QWidget

from veu_assess import __version__
from veu_assess.catalog.loader import Catalog
from veu_assess.resources import sample_path
from veu_assess.storage.document import new_document
from veu_assess.storage.errors import VeuaError
from veu_assess.storage.recovery import RecoveryManager
from veu_assess.storage.veua import open_document
from veu_assess.ui import a11y, dialogs, focus_ring
from veu_assess.ui.autosave import Autosave
from veu_assess.ui.file_actions import FileActions
from veu_assess.ui.integrity import integrity_warning, sign_off_warning, start_evidence_check
from veu_assess.ui.menus import MainMenus
from veu_assess.ui.navigation import Navigator
from veu_assess.ui.session import Session
from veu_assess.ui.settings import UiSettings
from veu_assess.ui.signed_edit import install_signed_edit_guard
from veu_assess.ui.view_state import remember_view, restore_view
from veu_assess.ui.widgets import warning_style
from veu_assess.ui.workers import Task

if TYPE_CHECKING:  # the dialogs are imported when first opened, not before the window shows (issue 22)
    from veu_assess.ui.calculators import TppDialog
    from veu_assess.ui.help_pages import ScoringHelpDialog, WelcomeDialog
    from veu_assess.ui.review import CompareView, SignOffDialog


def _locale(lang: str) -> QLocale:
    """The locale of the interface language, the one i18n makes the application's default."""
    return QLocale(QLocale.Language.Japanese if lang == "ja" else QLocale.Language.English)


class MainWindow(QMainWindow):
    def __init__(
        self,
        catalog: Catalog,
        settings: UiSettings,
        recovery: RecoveryManager | None = None,
        lang: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        a11y.install()  # headings and groups for screen readers: before any page is built
        focus_ring.install()  # a 2 px ring around whatever has the keyboard focus
        self.catalog, self.settings = catalog, settings
        self.lang = lang or settings.language()
        self.setLocale(_locale(self.lang))
        self.session = Session(catalog, new_document(catalog))  # a blank assessment until another is shown
        self.undo_group = QUndoGroup(self)
        self.files = FileActions(self, catalog, settings, self.session)
        self.files.sessionReady.connect(self._replace_session)
        self.autosave = Autosave(self, catalog, recovery, self.session, saving=self.files.saving)
        self.files.savedUnchanged.connect(self.autosave.saved)
        self.navigator = Navigator(catalog, self.session, self.lang)
        self.navigator.signOffRequested.connect(self.show_sign_off)
        self.setCentralWidget(self.navigator)
        self.menus = MainMenus(self, self.files, self.navigator, self.undo_group)
        self.menus.signOffRequested.connect(self.show_sign_off)
        self.menus.tppRequested.connect(self.show_tpp_calculator)
        self.menus.compareRequested.connect(self.compare_with)
        self.menus.aboutRequested.connect(self.show_about)
        self.menus.scoringHelpRequested.connect(self.show_scoring_help)
        self.menus.welcomeRequested.connect(self.show_welcome)
        self.menus.languageChosen.connect(lambda lang: self.set_language(lang, remember=False))
        self.setAcceptDrops(True)
        self.signoff_warning = QLabel()
        self.signoff_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.signoff_warning.setStyleSheet(warning_style(self.palette()))
        self.signoff_warning.hide()
        self.statusBar().addPermanentWidget(self.signoff_warning)
        # A status-bar message ("Saved …", "answers are read-only") is said, not only shown.
        self.statusBar().messageChanged.connect(lambda message: a11y.announce(self.statusBar(), message))
        self.compare_view: CompareView | None = None
        self.evidence_check: Task | None = None  # the opened file's evidence being hashed
        self._focus_placed = False  # the first field gets the focus when the window first shows
        self._close_confirmed = False  # the unsaved-changes prompt was answered with a successful save
        self._attach(self.session)
        self.retranslate()
        geometry = settings.geometry()
        self.restored_geometry = geometry is not None and self.restoreGeometry(geometry)
        if not self.restored_geometry:
            self.resize(1200, 800)
        # Language and theme changes are heard from here on, when everything they update exists
        # (Qt sends change events while the window is still being built).
        self.installEventFilter(self)

    def fit_to_screen(self) -> None:
        """At start-up, without a remembered geometry: maximised when 1200×800 (and its frame) does
        not fit the screen. On a 1024×700 screen Back and Next were below its edge (found driving
        the real window under Xvfb)."""
        screen = self.screen()
        if self.restored_geometry or screen is None:
            return
        available = screen.availableGeometry()
        if available.width() < self.width() + 40 or available.height() < self.height() + 60:
            self.resize(min(self.width(), available.width()), min(self.height(), available.height()))
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def retranslate(self) -> None:
        """Every text made once at start-up, in the current interface language."""
        self.navigator.retranslate()
        self.menus.retranslate()
        self.files.retranslate()
        self.update_signoff_state()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif watched is self and event.type() == QEvent.Type.PaletteChange:
            self.signoff_warning.setStyleSheet(warning_style(self.palette()))  # a theme change
        return super().eventFilter(watched, event)

    # --- the session shown ---------------------------------------------------------------
    def set_session(self, session: Session) -> None:
        """Show a document; the previous session is dropped."""
        old = self.session
        self._attach(session)
        self.navigator.show_session(session, self.lang)
        self.undo_group.removeStack(old.undo_stack)
        old.deleteLater()
        self.files.update_title()
        self.update_signoff_state()
        if self.isVisible():
            # A new document starts on its first field. Whatever had the focus belonged to the old
            # pages or to a dialog (the welcome, a file dialog): Qt would hand it to the next widget
            # left (Next, the side list) or to nothing; set here, the window finds it when it
            # is active again.
            self.navigator.focus_first_field()
        self.evidence_check = start_evidence_check(session)
        install_signed_edit_guard(self, session, self.files.save_as)  # warn before editing a signed file

    def _replace_session(self, session: Session) -> None:
        """New or Open: the document shown is closed on purpose, so its recovery entry goes."""
        self.autosave.forget()
        self.set_session(session)

    def _attach(self, session: Session) -> None:
        """Make ``session`` the window's: its undo stack, and its changes heard by the parts."""
        self.session = session
        session.setParent(self)
        self.files.session = session
        self.autosave.session = session
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        session.resultChanged.connect(self.navigator.show_result)
        session.modifiedChanged.connect(lambda _m: self.files.update_title())
        session.pathChanged.connect(self.files.update_title)
        session.answerChanged.connect(lambda _k: self.autosave.note_change())
        session.profileChanged.connect(self.autosave.note_change)
        session.inventoryChanged.connect(lambda _s: self.autosave.note_change())
        session.reviewChanged.connect(lambda _k: self.autosave.note_change())
        session.reviewChanged.connect(lambda _k: self.update_signoff_state())
        session.reviewChanged.connect(lambda _k: self.navigator.show_review_markers())  # "reviewed 3/8"
        session.resultChanged.connect(lambda _r: self.update_signoff_state())
        session.integrityChanged.connect(self.update_signoff_state)
        session.editRefused.connect(lambda message: self.statusBar().showMessage(message, 10_000))
        self.menus.sign_off_action.setEnabled(session.review_mode)

    def set_language(self, lang: str, remember: bool = True) -> None:
        """Show the questionnaire (and the pages' texts) in ``lang``; the translators are i18n's."""
        self.lang = lang
        # The window (and so every page) reports the interface's locale, as the application does.
        self.setLocale(_locale(lang))
        self.retranslate()  # now, not only when Qt's (posted) LanguageChange event arrives
        self.statusBar().clearMessage()  # a passing message ("Opened …") was in the other language
        if remember:
            self.settings.set_language(lang)
        view = remember_view(self.navigator.current_page())
        self.navigator.show_session(self.session, lang, self.navigator.current_row())
        restore_view(self.navigator.current_page(), view)  # same place, same focus, other language

    def offer_recovery(self) -> bool:
        """At start-up: offer unsaved work left by a crash. True when a document was restored."""
        session = self.autosave.restore()
        if session is None:
            return False
        self.set_session(session)
        self.autosave.note_change()  # restored work is unsaved: keep autosaving it
        return True

    # --- review and tools -----------------------------------------------------------------
    def update_signoff_state(self) -> None:
        text, explanation = integrity_warning(self.session)
        self.signoff_warning.setText(text)
        self.signoff_warning.setToolTip(explanation)
        self.signoff_warning.setAccessibleName(text)
        self.signoff_warning.setAccessibleDescription(explanation)
        self.signoff_warning.setVisible(bool(text))
        review = self.navigator.pages.built_review()
        if review is not None:  # a Review page made later reads the state itself
            review.show_review()

    def show_sign_off(self) -> SignOffDialog | None:
        """Review > Sign off…: the dialog appends the sign-off; the document is then modified."""
        if not self.session.review_mode:
            return None
        from veu_assess.ui.review import SignOffDialog

        session = self.session
        dialog = SignOffDialog(session.document, self.lang, parent=self, warning=sign_off_warning(session),
                               catalog=session.catalog)  # verdict coverage (issue 20)
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
        from veu_assess.ui.file_places import start_folder

        folder = start_folder(self.session.path, self.settings.recent_files())
        path = dialogs.get_open_path(self, str(folder))
        if path is not None:
            self.compare_with_path(path)

    def compare_with_path(self, path: Path) -> CompareView | None:
        from veu_assess.engine.compare import compare
        from veu_assess.ui.review import CompareView

        try:
            other = open_document(path)
        except (VeuaError, OSError) as exc:
            dialogs.show_error(self, self.tr("Cannot open {name}").format(name=path.name), str(exc))
            return None
        view = CompareView(self.catalog, self.lang)
        view.set_comparison(
            compare(self.catalog, other.assessment, self.session.document.assessment),
            path.name,
            self.files.display_name(),
        )
        view.goToItem.connect(self.navigator.go_to_item)
        dialog = CompareDialog(path.name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        QVBoxLayout(dialog).addWidget(view)
        dialog.resize(900, 600)
        dialog.show()  # modeless: double-click a change to go to it in the window
        self.compare_view = view
        return view

    def show_tpp_calculator(self) -> TppDialog:
        from veu_assess.ui.calculators import TppDialog

        dialog = TppDialog(self.catalog.header.thresholds, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()  # modeless: the operator can copy figures into the inventory meanwhile
        return dialog

    def show_scoring_help(self) -> ScoringHelpDialog:
        from veu_assess.ui.help_pages import ScoringHelpDialog

        dialog = ScoringHelpDialog(self.catalog, self.lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()  # modeless: it can stay open beside the questions
        return dialog

    def show_welcome(self) -> WelcomeDialog:
        """The first-run welcome (also Help ▸ Welcome): new, open, or open the sample."""
        from veu_assess.ui.help_pages import WelcomeDialog

        dialog = WelcomeDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        actions = {"new": self.files.new_file, "open": self.files.open_file,
                   "sample": lambda: self.files.open_path(sample_path())}
        dialog.chosen.connect(lambda which: actions[which]())
        dialog.show()
        return dialog

    def offer_welcome(self) -> WelcomeDialog | None:
        """Start-up: the welcome once per user (the settings remember it was shown)."""
        if self.settings.welcome_seen():
            return None
        self.settings.set_welcome_seen()
        return self.show_welcome()

    def show_about(self) -> None:
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
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._focus_placed:
            self._focus_placed = True
            self.navigator.focus_first_field()  # start on the first field, not with no focus at all
            # The pages the first window does not show are made now that it is on screen.
            self.navigator.build_rest_later()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._close_confirmed and not self.files.maybe_save(self._close_after_save):
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
        urls = event.mimeData().urls()
        if urls:
            event.acceptProposedAction()
            # An auditor reviewing files drops the next one to review: keep the mode.
            self.files.open_path(Path(urls[0].toLocalFile()), review=self.session.review_mode)


class CompareDialog(QDialog):
    """Tools > Compare with…: modeless; its title follows a live language switch."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Compare with {name}").format(name=self.name))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
