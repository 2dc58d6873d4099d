"""An auditor's file stays in review mode however it comes back: Open Recent, a file dropped on
the window while reviewing, and crash recovery (answers read-only again, verdicts kept)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from tests.ui.conftest import DialogLog
from tests.ui.helpers import drop_event
from veu_assess.catalog.loader import Catalog
from veu_assess.model.review import Verdict, VerdictState
from veu_assess.resources import sample_path
from veu_assess.storage.document import new_document
from veu_assess.storage.recovery import RecoveryManager
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.session import Session
from veu_assess.ui.settings import UiSettings


def _open(qtbot: Any, win: MainWindow, dialog_log: DialogLog, path: Path, review: bool) -> None:
    dialog_log.answers["open_path"] = [path]
    with qtbot.waitSignal(win.files.documentOpened, timeout=10_000):
        (win.menus.open_review_action if review else win.menus.open_action).trigger()


def test_open_recent_reopens_for_review(qtbot: Any, window: MainWindow, dialog_log: DialogLog,
                                        tmp_path: Path) -> None:
    reviewed, edited = tmp_path / "reviewed.veua", tmp_path / "edited.veua"
    shutil.copy(sample_path(), reviewed)
    shutil.copy(sample_path(), edited)
    _open(qtbot, window, dialog_log, reviewed, review=True)
    _open(qtbot, window, dialog_log, edited, review=False)
    for path, review in ((reviewed, True), (edited, False), (reviewed, True)):
        action = next(a for a in window.files.recent_menu.actions() if a.toolTip() == str(path.resolve()))
        with qtbot.waitSignal(window.files.documentOpened, timeout=10_000):
            action.trigger()
        assert window.session is not None and window.session.review_mode is review


def test_a_file_dropped_while_reviewing_is_opened_for_review(qtbot: Any, window: MainWindow,
                                                             dialog_log: DialogLog, tmp_path: Path) -> None:
    first, second = tmp_path / "first.veua", tmp_path / "second.veua"
    shutil.copy(sample_path(), first)
    shutil.copy(sample_path(), second)
    _open(qtbot, window, dialog_log, first, review=True)
    with qtbot.waitSignal(window.files.documentOpened, timeout=10_000):
        window.dropEvent(drop_event(second))
    assert window.session is not None and window.session.path == second and window.session.review_mode


def test_recovery_restores_review_mode(qtbot: Any, window: MainWindow, catalog: Catalog,
                                       dialog_log: DialogLog, tmp_path: Path) -> None:
    path = tmp_path / "audit.veua"
    shutil.copy(sample_path(), path)
    _open(qtbot, window, dialog_log, path, review=True)
    session = window.session
    assert session is not None
    key = sorted(session.document.assessment.answers)[0]
    session.set_verdict(key, Verdict(state=VerdictState.NEEDS_INFO, comment="unsaved verdict"))
    assert window.autosave.tick() == 1
    assert window.autosave.recovery is not None
    crashed = tmp_path / "after-crash"
    shutil.copytree(window.autosave.recovery.dir, crashed)

    dialog_log.answers["recover"] = [True]
    restarted = MainWindow(catalog, UiSettings(), RecoveryManager(crashed, interval=0.0), lang="en")
    qtbot.addWidget(restarted)
    restarted.set_session(Session(catalog, new_document(catalog)))
    assert restarted.offer_recovery()
    assert restarted.session is not None and restarted.session.review_mode
    assert restarted.session.document.review.verdicts[key].comment == "unsaved verdict"
    assert "(review)" in restarted.windowTitle()
