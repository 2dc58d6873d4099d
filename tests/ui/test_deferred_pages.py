"""The first window builds only what it shows (issue 22); the other pages follow once it is shown.

Review and Report are made one per turn of the event loop after the window shows (after the
modules the section pages fill with are imported), or at once when something asks for them; in
the stack and the side list they are in their places from the start. Typing works in the first
window at once, and the pages made meanwhile neither take the focus nor lose what was typed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from veu_assess.catalog.loader import Catalog
from veu_assess.resources import sample_path
from veu_assess.storage.recovery import RecoveryManager
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.profile_page import ProfilePage
from veu_assess.ui.report_page import ReportPage
from veu_assess.ui.review_page import ReviewPage
from veu_assess.ui.settings import UiSettings


def _hidden_window(qtbot: Any, catalog: Catalog, recovery: RecoveryManager) -> MainWindow:
    win = MainWindow(catalog, UiSettings(), recovery, lang="en")
    qtbot.addWidget(win)
    return win


def _stack_holds_the_pages(win: MainWindow) -> None:
    nav = win.navigator
    assert nav.stack.count() == len(nav.pages) == nav.nav.count()
    for row, page in enumerate(nav.pages.built()):
        if page is not None:
            assert nav.stack.widget(row) is page, f"row {row} of the stack is not its page"


def test_before_it_shows_the_window_has_made_only_the_first_pages(
    qtbot: Any, catalog: Catalog, recovery: RecoveryManager
) -> None:
    win = _hidden_window(qtbot, catalog, recovery)
    pages = win.navigator.pages
    assert pages.built_review() is None and not pages.all_built()
    _stack_holds_the_pages(win)
    assert win.navigator.current_page() is pages.profile
    # The side list names every page already, as the pages themselves will.
    titles = [win.navigator.nav.item(row).text().split("\n")[0] for row in range(len(pages))]
    win.navigator.build_rest_now()
    assert pages.all_built()
    assert titles == [page.page_title() for page in pages]
    _stack_holds_the_pages(win)


def test_once_shown_the_rest_is_made_step_by_step_and_typing_works_at_once(
    qtbot: Any, catalog: Catalog, recovery: RecoveryManager
) -> None:
    win = _hidden_window(qtbot, catalog, recovery)
    nav = win.navigator
    # The section pages' modules are a step of their own unless an earlier test imported them.
    steps = 2 if "veu_assess.ui.requirement_panel" in sys.modules else 3
    with qtbot.waitSignal(nav.restBuilt, timeout=30_000):
        win.show()
        win.activateWindow()
        # The first field has the focus as soon as the window shows, before the rest is made.
        profile = nav.pages.profile
        assert isinstance(profile, ProfilePage)
        assert nav.focus_first_field() is profile.title
        qtbot.waitUntil(profile.title.hasFocus)
        qtbot.keyClicks(profile.title, "Osaka")
    assert nav.pages.all_built()
    assert isinstance(nav.pages.review, ReviewPage) and isinstance(nav.pages.report, ReportPage)
    # The section pages' modules, Review, Report: each step is one block of the event loop.
    assert len(nav.build_times) == steps
    _stack_holds_the_pages(win)
    assert profile.title.hasFocus(), "a page made later took the focus"
    qtbot.keyClicks(profile.title, " bay")
    assert win.session.document.assessment.title == "Osaka bay"
    assert nav.current_page() is profile


def test_a_page_asked_for_early_is_made_in_its_place_and_only_once(
    qtbot: Any, catalog: Catalog, recovery: RecoveryManager
) -> None:
    win = _hidden_window(qtbot, catalog, recovery)
    nav = win.navigator
    review = nav.pages.review  # e.g. Go > Review before the window made it
    assert nav.pages.built_review() is review
    _stack_holds_the_pages(win)
    nav.show_page(review)
    assert nav.current_page() is review and nav.nav.currentRow() == len(nav.pages) - 2
    with qtbot.waitSignal(nav.restBuilt, timeout=30_000):
        win.show()
    assert nav.pages.review is review, "the Review page was made twice"
    assert nav.current_page() is review
    _stack_holds_the_pages(win)
    # Back from Review walks into the sections, the way it did when all pages were made at once.
    nav.go_back()
    assert nav.current_row() < len(nav.pages) - 2


def test_another_document_or_language_makes_its_later_pages_again(qtbot: Any, window: MainWindow) -> None:
    nav = window.navigator
    qtbot.waitUntil(nav.pages.all_built, timeout=30_000)
    old_review = nav.pages.review
    with qtbot.waitSignal(nav.restBuilt, timeout=30_000):
        window.set_language("ja", remember=False)
    assert nav.pages.review is not old_review
    _stack_holds_the_pages(window)
    assert nav.pages.title(len(nav.pages) - 2) == nav.pages.review.page_title()
    with qtbot.waitSignal(nav.restBuilt, timeout=30_000):
        window.files.open_now(sample_path())
    _stack_holds_the_pages(window)
    window.set_language("en", remember=False)
    qtbot.waitUntil(nav.pages.all_built, timeout=30_000)


def test_old_pages_asked_for_late_never_join_the_window(qtbot: Any, window: MainWindow) -> None:
    nav = window.navigator
    old = nav.pages
    with qtbot.waitSignal(nav.restBuilt, timeout=30_000):
        window.set_language("en", remember=False)  # a rebuild while the old pages were maybe unfinished
    count = nav.stack.count()
    late = old.report  # someone kept the old pages and asks for one of them
    assert nav.stack.indexOf(late) == -1 and nav.stack.count() == count
    late.deleteLater()
    _stack_holds_the_pages(window)


SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from veu_assess.catalog.loader import default_catalog
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.settings import UiSettings
window = MainWindow(default_catalog(), UiSettings(), None, lang="en")
print(",".join(sorted(m for m in sys.modules if m.startswith("veu_assess."))))
"""

LATER = (
    "veu_assess.ui.review_page", "veu_assess.ui.requirement_panel",
    "veu_assess.ui.editors", "veu_assess.ui.calculators", "veu_assess.ui.help_pages",
    "veu_assess.ui.review.signoff_dialog", "veu_assess.ui.review.compare_view", "veu_assess.signing",
    "veu_assess.engine.compare",
)


def test_the_first_window_does_not_import_what_later_pages_and_dialogs_need(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path),
           "VEU_ASSESS_DATA_DIR": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, env=env)
    loaded = set(out.stdout.strip().split(","))
    assert "veu_assess.ui.profile_page" in loaded  # the script did build the window
    assert sorted(loaded & set(LATER)) == []


def test_the_start_up_benchmark_hook_reports_ready_and_each_later_step(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path),
           "VEU_ASSESS_DATA_DIR": str(tmp_path / "data"), "VEU_ASSESS_EXIT_WHEN_READY": "settled"}
    out = subprocess.run([sys.executable, "-m", "veu_assess", "gui"], capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    line = next(x for x in out.stdout.splitlines() if x.startswith("veu-assess-bench "))
    fields = dict(part.split("=", 1) for part in line.split()[1:])
    assert float(fields["ready"]) > 0
    assert len(fields["steps_ms"].split(",")) == 3  # modules, Review, Report


def test_focus_stays_where_the_user_is_when_a_page_is_made(qtbot: Any, window: MainWindow) -> None:
    nav = window.navigator
    qtbot.waitUntil(nav.pages.all_built, timeout=30_000)
    with qtbot.waitSignal(nav.restBuilt, timeout=30_000):
        window.set_language("en", remember=False)
        window.activateWindow()
        nav.next_button.setFocus(Qt.FocusReason.TabFocusReason)
    # The buttons were re-added at the end of the Tab order after each page made: the focus stayed.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is nav.next_button)


def test_replacing_the_pages_fills_none_of_the_old_ones(qtbot: Any, window: MainWindow) -> None:
    """Taking the shown page out of the stack made the stack show a neighbour, which filled itself:
    opening a file (or switching the language on a section page) filled every old section page."""
    nav = window.navigator
    row = len(nav.pages.sections) // 2 + 1
    nav.go_to(row)
    old = nav.pages.sections
    filled_before = [page._signature is not None for page in old]
    assert filled_before.count(True) == 1  # the page shown
    window.set_language("en", remember=False)
    assert [page._signature is not None for page in old] == filled_before
    assert nav.current_row() == row
    with qtbot.waitSignal(nav.restBuilt, timeout=30_000):
        window.files.open_now(sample_path())
    assert [page._signature is not None for page in nav.pages.sections].count(True) == 0  # Profile is shown
