"""Typing in the profile keeps the focus and the text: nothing the user types in is rebuilt.

Every profile and site field is typed into with real key events (Japanese arrives as an input
method's commit, as an IME sends it), then Tab: the focus is on the next field and the text, the
model and the site list are what was typed. Before, the site list was rebuilt after each edit,
a passing "no site selected" disabled the field being typed in, and the focus fell to "Next >".
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.profile_page import ProfilePage


def _profile(window: MainWindow) -> ProfilePage:
    window.resize(1024, 700)
    window.navigator.go_to(0)
    page = window.navigator.pages[0]
    assert isinstance(page, ProfilePage)
    return page


def _type(qtbot: Any, field: QLineEdit, text: str) -> None:
    """Replace the field's text by typing, as a user does: select all, then the keys."""
    assert field.hasFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def _ime(field: QWidget, text: str) -> None:
    """Text committed by an input method (how Japanese reaches a field): qtbot.keyClicks cannot
    send non-ASCII keys."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def _tab(qtbot: Any, expected: QWidget) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Tab)
    qtbot.waitUntil(expected.hasFocus, timeout=2000)


def test_typing_in_every_profile_field_keeps_focus_and_text(qtbot: Any, window: MainWindow) -> None:
    page = _profile(window)
    session = window.session
    assert session is not None
    window.activateWindow()
    page.title.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(page.title.hasFocus)
    _type(qtbot, page.title, "Tokyo campus ")
    _ime(page.title, "第一期")
    _tab(qtbot, page.date)
    assert page.title.text() == "Tokyo campus 第一期"
    assert session.document.assessment.title == "Tokyo campus 第一期"

    # One Tab leaves the date field from any of its parts (Qt's own moves to the next part).
    _tab(qtbot, page.name)
    qtbot.keyClick(page.name, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(page.date.hasFocus)
    qtbot.keyClick(page.date, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(page.title.hasFocus)  # Shift+Tab leaves it backwards from any part too
    assert page.title.text() == "Tokyo campus 第一期"
    _tab(qtbot, page.date)
    # The parts (year, month, day) take their digits in turn.
    qtbot.keyClicks(page.date, "20261130")
    assert session.document.assessment.assessment_date == dt.date(2026, 11, 30)
    _tab(qtbot, page.name)
    _type(qtbot, page.name, "Example Data Centers K.K.")
    _tab(qtbot, page.destination)
    assert session.document.assessment.profile.applicant_name == "Example Data Centers K.K."
    assert page.name.text() == "Example Data Centers K.K."


def test_typing_in_every_site_field_keeps_focus_and_text(qtbot: Any, window: MainWindow) -> None:
    page = _profile(window)
    session = window.session
    assert session is not None
    window.activateWindow()
    page.ensureWidgetVisible(page.add_site_button)
    qtbot.mouseClick(page.add_site_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.site_id.hasFocus)
    listed = page.sites.item(0)

    _type(qtbot, page.site_id, "tokyo-1")
    _tab(qtbot, page.site_name)
    assert page.site_id.text() == "tokyo-1"
    assert session.document.assessment.profile.sites[0].id == "tokyo-1"

    _type(qtbot, page.site_name, "Tokyo DC ")
    assert page.site_name.hasFocus() and page.site_name.text() == "Tokyo DC "  # the space survives
    _ime(page.site_name, "一号館")
    assert page.site_name.hasFocus()
    _tab(qtbot, page.site_address)
    assert page.site_name.text() == "Tokyo DC 一号館"
    assert session.document.assessment.profile.sites[0].name == "Tokyo DC 一号館"

    _type(qtbot, page.site_address, "1-2-3 Otemachi, Chiyoda-ku")
    _tab(qtbot, page.site_country)
    assert page.site_address.text() == "1-2-3 Otemachi, Chiyoda-ku"
    site = session.document.assessment.profile.sites[0]
    assert (site.id, site.name, site.address) == ("tokyo-1", "Tokyo DC 一号館", "1-2-3 Otemachi, Chiyoda-ku")
    # The list entry was updated in place, not rebuilt.
    assert page.sites.count() == 1 and page.sites.item(0) is listed
    assert listed.text() == "Tokyo DC 一号館 (tokyo-1)"


def test_first_click_after_an_edit_lands(qtbot: Any, window: MainWindow) -> None:
    page = _profile(window)
    window.activateWindow()
    page.ensureWidgetVisible(page.add_site_button)
    qtbot.mouseClick(page.add_site_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.site_id.hasFocus)
    qtbot.mouseClick(page.site_name, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.site_name.hasFocus)
    _type(qtbot, page.site_name, "Osaka")
    page.ensureWidgetVisible(page.site_address)
    qtbot.mouseClick(page.site_address, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.site_address.hasFocus, timeout=2000)
    qtbot.keyClicks(page.site_address, "Umeda")
    assert window.session is not None
    assert window.session.document.assessment.profile.sites[0].address == "Umeda"


def test_a_bad_site_id_is_marked_beside_the_field(qtbot: Any, window: MainWindow) -> None:
    page = _profile(window)
    window.activateWindow()
    page.ensureWidgetVisible(page.add_site_button)
    qtbot.mouseClick(page.add_site_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.site_id.hasFocus)
    _type(qtbot, page.site_id, "Tokyo 1")
    _tab(qtbot, page.site_name)
    assert page.site_error.isVisible() and "site id" in page.site_error.text()
    assert "b71c1c" in page.site_id.styleSheet()
    assert page.site_id.text() == "Tokyo 1"  # kept for the user to correct, not reset
    assert window.session is not None and window.session.document.assessment.profile.sites[0].id == "site-1"
    page.site_id.setFocus()
    _type(qtbot, page.site_id, "tokyo-1")
    _tab(qtbot, page.site_name)
    assert not page.site_error.isVisible() and page.site_id.styleSheet() == ""


def test_a_new_assessment_titled_on_the_profile_has_that_title_on_the_pdf_cover(
        qtbot: Any, window: MainWindow, catalog: Any) -> None:
    from pypdf import PdfReader

    from veu_assess.report.api import render_report
    from veu_assess.storage.document import new_document
    from veu_assess.ui.session import Session

    window.set_session(Session(catalog, new_document(catalog, today=dt.date(2026, 11, 2))))  # File > New: no title
    page = _profile(window)
    window.activateWindow()
    page.title.setFocus()
    qtbot.waitUntil(page.title.hasFocus)
    qtbot.keyClicks(page.title, "Dubai campus readiness")
    qtbot.keyClick(page.title, Qt.Key.Key_Tab)
    qtbot.waitUntil(page.date.hasFocus)
    qtbot.keyClicks(page.date, "20261201")
    assert window.session is not None
    a = window.session.document.assessment
    assert (a.title, a.assessment_date) == ("Dubai campus readiness", dt.date(2026, 12, 1))
    # Undo takes the typing back as one step per field.
    window.menus.undo_action.trigger()
    a = window.session.document.assessment
    assert (a.title, a.assessment_date) == ("Dubai campus readiness", dt.date(2026, 11, 2))
    assert page.date.date().toString("yyyy-MM-dd") == "2026-11-02"  # the field shows the model
    window.menus.undo_action.trigger()
    assert window.session.document.assessment.title == "" and page.title.text() == ""
    window.menus.redo_action.trigger()
    window.menus.redo_action.trigger()
    assert window.session.document.assessment.assessment_date == dt.date(2026, 12, 1)
    pdf = render_report(window.session.document, "en", catalog)
    cover = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Dubai campus readiness" in cover
    assert "Assessment —" not in cover.replace("\n", " ")


def test_a_nameless_site_marks_the_name_and_shows_why_in_view(qtbot: Any, window: MainWindow) -> None:
    page = _profile(window)
    window.resize(1024, 700)
    window.activateWindow()
    page.ensureWidgetVisible(page.add_site_button)
    qtbot.mouseClick(page.add_site_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.site_id.hasFocus)
    _tab(qtbot, page.site_name)
    page.site_name.selectAll()
    qtbot.keyClick(page.site_name, Qt.Key.Key_Delete)
    _tab(qtbot, page.site_address)
    assert page.site_error.isVisible() and "name" in page.site_error.text()
    assert page.site_name.styleSheet() and not page.site_id.styleSheet()  # the name is marked, not the id
    viewport = page.viewport()
    top = page.site_error.mapTo(viewport, page.site_error.rect().topLeft()).y()
    bottom = page.site_error.mapTo(viewport, page.site_error.rect().bottomLeft()).y()
    assert 0 <= top and bottom <= viewport.height()  # the message is in view, not below the fold
    page.site_name.setFocus()
    _type(qtbot, page.site_name, "Osaka")
    _tab(qtbot, page.site_address)
    assert not page.site_error.isVisible() and page.site_name.styleSheet() == ""
