"""The main window is composed of parts it owns (no mixins): the menus call the parts, the parts
hand the window what it must react to, and every part follows the session the window shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.ui.conftest import DialogLog
from tests.ui.helpers import choose, first_editor, saved
from veu_assess.model.assessment import AnswerState
from veu_assess.storage.veua import open_document
from veu_assess.ui.file_actions import FileActions
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.navigation import Navigator
from veu_assess.ui.review_page import ReviewPage


def _follows(window: MainWindow) -> None:
    session = window.session
    assert window.files.session is session and window.autosave.session is session
    assert all(page.session is session for page in window.navigator.pages)
    assert window.undo_group.activeStack() is session.undo_stack


def test_the_window_owns_its_parts_instead_of_inheriting_them(window: MainWindow) -> None:
    assert FileActions not in type(window).__mro__
    assert isinstance(window.files, FileActions) and window.files.parent() is window
    assert isinstance(window.navigator, Navigator) and window.centralWidget() is window.navigator
    _follows(window)  # the blank assessment the window starts with


def test_file_save_goes_through_the_file_part(qtbot: Any, window: MainWindow, dialog_log: DialogLog,
                                              tmp_path: Path) -> None:
    editor = first_editor(window)
    choose(editor, AnswerState.NOT_MET)
    dialog_log.answers["save_path"] = [tmp_path / "menu.veua"]
    assert saved(qtbot, window, window.menus.save_action.trigger)  # saveFinished of window.files
    assert window.session.path == tmp_path / "menu.veua"
    assert open_document(tmp_path / "menu.veua").assessment.answers[editor.key].state is AnswerState.NOT_MET
    assert not window.isWindowModified() and window.windowTitle().startswith("menu.veua")
    assert window.files.recent_menu.actions()[0].text() == "&1 menu.veua"


def test_a_clean_save_tells_the_autosave_to_drop_the_recovery_entry(qtbot: Any, window: MainWindow,
                                                                    dialog_log: DialogLog, tmp_path: Path) -> None:
    choose(first_editor(window), AnswerState.MET)
    assert window.autosave.tick() == 1
    assert window.autosave.recovery is not None and any(window.autosave.recovery.dir.iterdir())
    dialog_log.answers["save_path"] = [tmp_path / "clean.veua"]
    assert saved(qtbot, window, window.files.save)
    assert not any(window.autosave.recovery.dir.iterdir())


def test_new_and_open_hand_the_window_a_session_every_part_follows(qtbot: Any, window: MainWindow,
                                                                   dialog_log: DialogLog, tmp_path: Path) -> None:
    choose(first_editor(window), AnswerState.MET)
    dialog_log.answers["save_path"] = [tmp_path / "a.veua"]
    assert saved(qtbot, window, window.files.save)
    first = window.session
    window.menus.new_action.trigger()
    assert window.session is not first and window.session.path is None
    _follows(window)
    choose(first_editor(window), AnswerState.PARTIALLY_MET)
    assert window.autosave.tick() == 1
    assert window.autosave.recovery is not None and any(window.autosave.recovery.dir.iterdir())
    dialog_log.answers["open_path"] = [tmp_path / "a.veua"]
    with qtbot.waitSignal(window.files.documentOpened, timeout=10_000):
        window.menus.open_action.trigger()  # the fixture discards the unsaved new document
    assert window.session.path == tmp_path / "a.veua"
    _follows(window)
    assert not any(window.autosave.recovery.dir.iterdir())  # the discarded document's entry went with it


def test_review_is_found_by_name_after_the_pages_are_rebuilt(qtbot: Any, window: MainWindow) -> None:
    old = window.navigator.pages.review
    window.set_language("ja", remember=False)
    window.menus.review_action.trigger()
    review = window.navigator.current_page()
    assert isinstance(review, ReviewPage) and review is window.navigator.pages.review and review is not old
    assert window.navigator.stack.currentWidget() is review
    assert window.navigator.nav.currentRow() == window.navigator.pages.index(review)
    window.set_language("en", remember=False)


def test_first_start_on_a_small_screen_is_maximised(qtbot: Any, catalog: Any) -> None:
    """1200×800 on a 1024×700 screen put Back and Next below its edge: the first start maximises."""
    from veu_assess.ui.settings import UiSettings

    window = MainWindow(catalog, UiSettings(), None, lang="en")
    qtbot.addWidget(window)
    available = window.screen().availableGeometry()
    window.resize(available.width() + 200, available.height() + 100)  # larger than this screen
    window.fit_to_screen()
    assert window.isMaximized()
    assert window.width() <= available.width() and window.height() <= available.height()
    roomy = MainWindow(catalog, UiSettings(), None, lang="en")
    qtbot.addWidget(roomy)
    roomy.resize(available.width() // 2, available.height() // 2)
    roomy.fit_to_screen()  # fits: left as it is
    assert not roomy.isMaximized() and roomy.width() == available.width() // 2
