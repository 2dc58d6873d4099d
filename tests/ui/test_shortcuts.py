"""Standard shortcuts: Back/Forward never include a bare Backspace (Windows binds it), so deleting
a typo with the focus on a combo box cannot leave the page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.menus import _without_backspace


def test_backspace_is_dropped_and_the_rest_kept() -> None:
    alt_left = QKeySequence(Qt.KeyboardModifier.AltModifier | Qt.Key.Key_Left)
    keys = [alt_left, QKeySequence(Qt.Key.Key_Backspace),
            QKeySequence(Qt.KeyboardModifier.ShiftModifier | Qt.Key.Key_Backspace)]
    assert _without_backspace(keys) == [alt_left]


def test_window_back_and_next_have_no_backspace(window: MainWindow) -> None:
    for action in (window.menus.back_action, window.menus.next_action):
        shortcuts = action.shortcuts()
        assert shortcuts, "Back/Next keep their platform shortcuts"
        assert all("Backspace" not in k.toString() for k in shortcuts)


def _tab_order_from_nav(window: MainWindow) -> list[object]:
    order, w = [], window.navigator.nav.nextInFocusChain()
    while w is not None and w is not window.navigator.nav and len(order) < 2000:
        if w in (window.navigator.back_button, window.navigator.next_button) or (
                w.isVisibleTo(window) and w.focusPolicy() & Qt.FocusPolicy.TabFocus):
            order.append(w)
        w = w.nextInFocusChain()
    return order


def test_tab_reads_the_page_before_back_and_next(window: MainWindow) -> None:
    from tests.ui.helpers import section_indexes

    for index in (0, section_indexes(window)[0]):
        window.navigator.go_to(index)
        order = _tab_order_from_nav(window)
        page = window.navigator.pages[index]
        on_page = [i for i, w in enumerate(order) if page.isAncestorOf(w)]  # type: ignore[arg-type]
        back, nxt = order.index(window.navigator.back_button), order.index(window.navigator.next_button)
        assert on_page and max(on_page) < back < nxt, index


def test_next_keeps_the_focus_when_it_builds_the_next_page(qtbot: Any, window: MainWindow) -> None:
    """Found driving the real window by keyboard: Space on Next built the next section page, the
    buttons were moved to the end of the Tab order (taken out of the window and added back, shown
    only by a queued event), and the focus fell to the side list, so the next Space did nothing."""
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    nxt = window.navigator.next_button
    for _ in range(3):  # the profile, then section pages built when first shown
        nxt.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(nxt.hasFocus)
        row = window.navigator.current_row()
        qtbot.keyClick(nxt, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda row=row: window.navigator.current_row() != row)
        assert nxt.isVisible()
        assert nxt.hasFocus(), type(window.focusWidget()).__name__


def test_next_onto_the_last_page_leaves_the_focus_on_that_page(qtbot: Any, window: MainWindow) -> None:
    """Next is disabled on the last page; the focus it had goes to the page reached, not the side list."""
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    nav = window.navigator
    nav.go_to(len(nav.pages) - 2)
    nav.next_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(nav.next_button.hasFocus)
    qtbot.keyClick(nav.next_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: nav.current_row() == len(nav.pages) - 1)
    assert not nav.next_button.isEnabled()
    focused = window.focusWidget()
    assert focused is not None and nav.pages[-1].isAncestorOf(focused), type(focused).__name__
