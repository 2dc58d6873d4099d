"""The main window's menu bar, a part the window owns: File, Edit, Go, Review, Tools, View, Help.

It owns every action and menu and their texts (set again by ``retranslate`` on a language
change). Actions that belong to another part call it directly (``FileActions``, the
``Navigator``, the undo group); what only the window can do is asked for with a signal.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow

from veu_assess.ui import i18n
from veu_assess.ui.file_actions import FileActions
from veu_assess.ui.navigation import Navigator
from veu_assess.ui.report_page import EXPORT_KINDS


def _without_backspace(keys: list[QKeySequence]) -> list[QKeySequence]:
    """Windows binds Back/Forward to (Shift+)Backspace too: with the focus on a combo box or a
    check box, deleting a typo would then leave the page. Alt+Left/Right and the others stay."""
    bare = {QKeySequence(Qt.Key.Key_Backspace), QKeySequence(Qt.KeyboardModifier.ShiftModifier | Qt.Key.Key_Backspace)}
    return [k for k in keys if k not in bare]


class MainMenus(QObject):
    signOffRequested = Signal()  # Review > Sign off…
    tppRequested = Signal()  # Tools > Accelerator classification
    compareRequested = Signal()  # Tools > Compare with…
    aboutRequested = Signal()  # Help > About
    scoringHelpRequested = Signal()  # Help > How scoring works
    welcomeRequested = Signal()  # Help > Welcome
    languageChosen = Signal(str)  # View > Language: 'en' or 'ja' (the choice is already stored)

    def __init__(self, window: QMainWindow, files: FileActions, navigator: Navigator, undo_group: QUndoGroup) -> None:
        super().__init__(window)
        self._window = window
        self._navigator = navigator
        self._undo_group = undo_group
        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self.new_action = self._action(files.new_file, QKeySequence.StandardKey.New)
        self.open_action = self._action(files.open_file, QKeySequence.StandardKey.Open)
        self.open_review_action = self._action(files.open_file_for_review)
        self.file_menu.addActions([self.new_action, self.open_action, self.open_review_action])
        self.file_menu.addMenu(files.recent_menu)
        self.save_action = self._action(lambda: files.save(), QKeySequence.StandardKey.Save)
        self.save_as_action = self._action(lambda: files.save_as(), QKeySequence.StandardKey.SaveAs)
        self.close_action = self._action(files.close_file, QKeySequence.StandardKey.Close)
        self.quit_action = self._action(window.close, QKeySequence.StandardKey.Quit)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.save_action, self.save_as_action, self.close_action])
        self.file_menu.addSeparator()
        # File > Export runs the Report page's exports (one code path for menu and buttons).
        self.export_menu = self.file_menu.addMenu("")
        self.export_actions = {kind: self._action(self._export_slot(kind)) for kind in EXPORT_KINDS}
        self.export_menu.addActions(list(self.export_actions.values()))
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.undo_action, self.redo_action = self._undo_actions()
        self.go_menu = bar.addMenu("")
        self.back_action = self._action(navigator.go_back, QKeySequence.StandardKey.Back)
        self.next_action = self._action(navigator.go_next, QKeySequence.StandardKey.Forward)
        self.review_action = self._action(lambda: navigator.show_page(navigator.pages.review), "Ctrl+R")
        self.unanswered_action = self._action(navigator.go_to_next_unanswered, "Ctrl+J")
        self.go_menu.addActions([self.back_action, self.next_action, self.unanswered_action, self.review_action])
        self.review_menu = bar.addMenu("")
        self.sign_off_action = self._action(lambda: self.signOffRequested.emit())
        self.review_menu.addAction(self.sign_off_action)
        self.tools_menu = bar.addMenu("")
        self.tpp_action = self._action(lambda: self.tppRequested.emit())
        self.compare_action = self._action(lambda: self.compareRequested.emit())
        self.tools_menu.addActions([self.tpp_action, self.compare_action])
        self.view_menu = bar.addMenu("")
        # i18n remembers the choice (also "system"); the window rebuilds its pages in that language.
        self.language_menu = i18n.build_language_menu(window, on_changed=self.languageChosen.emit, restart_note=False)
        self.view_menu.addMenu(self.language_menu)
        self.help_menu = bar.addMenu("")
        self.about_action = self._action(lambda: self.aboutRequested.emit())
        help_key = QKeySequence.StandardKey.HelpContents  # F1
        self.scoring_help_action = self._action(lambda: self.scoringHelpRequested.emit(), help_key)
        self.welcome_action = self._action(lambda: self.welcomeRequested.emit())
        self.help_menu.addActions([self.scoring_help_action, self.welcome_action, self.about_action])

    def _action(self, slot: Callable[[], object], shortcut: QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(self._window)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(_without_backspace(QKeySequence.keyBindings(shortcut)))
        elif shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _export_slot(self, kind: str) -> Callable[[], None]:
        return lambda: self.export(kind)

    def export(self, kind: str) -> None:
        """File > Export: the Report page writes it; show that page so its progress is visible."""
        report = self._navigator.pages.report
        if report.export(kind):
            self._navigator.show_page(report)

    def _undo_actions(self) -> tuple[QAction, QAction]:
        undo = self._undo_group.createUndoAction(self._window, self.tr("&Undo"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = self._undo_group.createRedoAction(self._window, self.tr("&Redo"))
        redo.setShortcuts(QKeySequence.StandardKey.Redo)
        self.edit_menu.addActions([undo, redo])
        return undo, redo

    def retranslate(self) -> None:
        """Every menu and action text, in the current interface language."""
        self.file_menu.setTitle(self.tr("&File"))
        self.new_action.setText(self.tr("&New"))
        self.open_action.setText(self.tr("&Open…"))
        self.open_review_action.setText(self.tr("Open for Re&view…"))
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
        self.unanswered_action.setText(self.tr("Next &unanswered"))
        self.review_menu.setTitle(self.tr("&Review"))
        self.sign_off_action.setText(self.tr("&Sign off…"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.tpp_action.setText(self.tr("Accelerator &classification (TPP)…"))
        self.compare_action.setText(self.tr("&Compare with…"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About"))
        self.scoring_help_action.setText(self.tr("How &scoring works"))
        self.welcome_action.setText(self.tr("&Welcome…"))
