"""What a screen reader reads is what the window shows, and every control says which requirement it answers.

Walks the accessibility interfaces (``QAccessible.queryAccessibleInterface``, the objects Qt hands to
AT-SPI) of every page of the sample assessment, in English and Japanese, as the operator and in review
mode, and collects two kinds of violation:

- a visible label whose accessible name is not what it displays (a name that *replaces* the text: on
  Linux a label has no text interface, so the screen reader never hears the visible text);
- an interactive control inside a requirement panel whose accessible name does not contain the
  requirement's id (six "Justification" fields on one page are indistinguishable by ear);
- a page with no heading (no object with the heading role: no structural navigation);
- a focus stop without a visible indicator: every visible widget that Tab can reach gets the focus
  and must have the 2 px focus ring around it (clipped to its scroll area, never empty); the page's
  own scroll area must not be a Tab stop (it showed no focus and read as a nameless pane).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QWidget,
)

from tests.ui.helpers import language, pages_shown
from veu_assess.resources import sample_path
from veu_assess.ui import a11y, focus_ring
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.requirement_panel import RequirementPanel

INTERACTIVE = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QListView)


def _squash(text: str) -> str:
    return " ".join(text.split())


def strip_mnemonic(text: str) -> str:
    """``&Open`` -> ``Open``, ``A && B`` -> ``A & B``, as Qt strips a label's or button's text."""
    return re.sub(r"&(.)", r"\1", text)


def displayed_text(label: QLabel) -> str:
    """The label's text as the user sees it: rich text rendered to plain text, mnemonics stripped."""
    text = label.text()
    fmt = label.textFormat()
    if fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)):
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return _squash(strip_mnemonic(text) if label.buddy() is not None else text)


def accessible_name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None and iface.isValid(), f"no accessible interface for {widget!r}"
    return iface.text(QAccessible.Text.Name)


def accessible_description(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Description) if iface is not None else ""


def page_violations(root: QWidget) -> list[str]:
    """The violations among the visible widgets under ``root`` (one line each, for the failure message)."""
    found: list[str] = []
    for label in root.findChildren(QLabel):
        if not label.isVisible():
            continue
        name = _squash(accessible_name(label))
        shown = displayed_text(label)
        if name and name != shown and name != _squash(strip_mnemonic(shown)):
            found.append(f"label shows {shown[:60]!r} but is read as {name[:60]!r}")
    for panel in root.findChildren(RequirementPanel):
        if not panel.isVisible():
            continue
        rid = panel.requirement.id
        for widget in panel.findChildren(QWidget):
            if not isinstance(widget, INTERACTIVE) or not widget.isVisible():
                continue
            if isinstance(widget.parent(), QAbstractSpinBox | QComboBox | QAbstractItemView):
                continue  # a date field's or combo box's line edit, a table's corner button: parts of it
            name = accessible_name(widget)
            heard = name
            if isinstance(widget, QComboBox):
                # On Linux Qt gives a combo box its current text as name ("Not reviewed"): what the
                # combo is for can only come with it in the description.
                heard += " " + accessible_description(widget)
            if rid not in heard:
                found.append(f"{rid}: {type(widget).__name__} named {name!r} (in {type(widget.parent()).__name__})")
            if re.search(r"&\w", name):
                found.append(f"{rid}: mnemonic marker in the name {name!r}")
    return found


def heading_violations(page: QWidget) -> list[str]:
    """A page must hold at least one visible object a screen reader lists as a heading."""
    for widget in page.findChildren(QWidget):
        if widget.isVisible():
            iface = QAccessible.queryAccessibleInterface(widget)
            if iface is not None and iface.role() == QAccessible.Role.Heading and iface.text(QAccessible.Text.Name):
                return []
    return [f"page {page.accessibleName()!r} has no heading"]


def focus_violations(page: QWidget) -> list[str]:
    """Every Tab stop on the page, focused in turn, shows the focus ring around itself."""
    found: list[str] = []
    if page.focusPolicy() & Qt.FocusPolicy.TabFocus:
        found.append(f"the page {page.accessibleName()!r} itself is a Tab stop")
    rings = focus_ring.install()
    for widget in page.findChildren(QWidget):
        if not (widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            continue
        if widget.focusProxy() is not None:
            continue  # the focus goes to the proxy, which is checked itself
        if isinstance(page, QScrollArea):
            page.ensureWidgetVisible(widget)  # as Tab does: the page scrolls to the field
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        what = f"{type(widget).__name__} {accessible_name(widget)[:50]!r}"
        if not widget.hasFocus():
            continue  # a part of another control (a spin box's line edit): the owner is checked
        ring = rings.ring()
        if ring is None or ring.target is not widget:
            found.append(f"{what} has the focus but no focus ring")
            continue
        frame = ring.geometry()
        inside = widget.rect().translated(widget.mapTo(ring.parentWidget(), widget.rect().topLeft()))
        if not frame.contains(inside) or ring.mask().isEmpty():
            found.append(f"{what}: the focus ring does not surround it ({frame} vs {inside})")
    return found


def all_violations(window: MainWindow, app: Any, review: bool) -> dict[str, list[str]]:
    window.files.open_now(sample_path(), review=review)
    window.activateWindow()  # focus moves only in the active window
    out: dict[str, list[str]] = {}
    for lang in ("en", "ja"):
        with language(window, lang):
            for index, page in pages_shown(window):
                found = page_violations(window) + heading_violations(page) + focus_violations(page)
                if found:
                    out[f"{'review' if review else 'operator'} {lang} page {index}"] = found
            dialog = window.show_sign_off()  # review mode: its coverage warning, problems, key fields
            if dialog is not None:
                app.processEvents()
                found = page_violations(dialog)
                dialog.reject()
                if found:
                    out[f"sign-off dialog {lang}"] = found
    return out


def _report(violations: dict[str, list[str]]) -> str:
    total = sum(len(v) for v in violations.values())
    lines = [f"{total} accessibility violation(s):"]
    for where, found in violations.items():
        lines += [f"  {where}: {line}" for line in found[:8]]
        if len(found) > 8:
            lines.append(f"  {where}: … and {len(found) - 8} more")
    return "\n".join(lines)


@pytest.mark.parametrize("review", [False, True], ids=["operator", "review"])
def test_labels_read_as_shown_and_controls_name_their_requirement(window: MainWindow, review: bool) -> None:
    violations = all_violations(window, QApplication.instance(), review)
    assert not violations, _report(violations)


def test_the_walk_catches_a_label_that_hides_its_text_and_an_anonymous_control(window: MainWindow) -> None:
    """The checks themselves can fail: a renamed label and an unnamed answer field are reported."""
    window.files.open_now(sample_path())
    pages = window.navigator.pages
    window.navigator.show_page(pages.sections[0])
    QApplication.processEvents()
    panel = pages.sections[0].panels[0]
    labels = [w for w in panel.findChildren(QLabel) if w.isVisible() and w.text()]
    labels[0].setAccessibleName("Requirement title")
    panel.editors[0].notes.setAccessibleName("Notes")
    found = page_violations(window)
    assert any("read as 'Requirement title'" in line for line in found), found
    assert any("named 'Notes'" in line for line in found), found


def test_the_walk_catches_a_page_without_heading_and_focus_without_a_ring(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Headings removed, the ring not drawn, the page a Tab stop again: each is reported."""
    window.files.open_now(sample_path())
    window.activateWindow()
    page = window.navigator.pages.sections[0]
    window.navigator.show_page(page)
    QApplication.processEvents()
    assert heading_violations(page) == [] and focus_violations(page) == []
    for heading in page.findChildren(a11y.Heading):
        heading.hide()
    assert heading_violations(page), "a page without heading passed"
    page.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    monkeypatch.setattr(focus_ring.FocusRing, "place", lambda self: self.hide())
    found = focus_violations(page)
    assert any("itself is a Tab stop" in line for line in found), found
    assert any("no focus ring" in line and "QRadioButton" in line for line in found), found


def test_names_lose_mnemonics_and_titles_are_shortened() -> None:
    assert strip_mnemonic("Mar&k for review") == "Mark for review"
    assert a11y.strip_mnemonic("回答(&A)") == "回答"
    assert a11y.strip_mnemonic("R&&D") == "R&D"
    title = "The data center is outside Country Group D:5 and Macau (Hong Kong counts as China)"
    assert a11y.short_title(title) == "The data center is outside Country Group…"
    japanese = "ルート選択の結果に基づきルートを選び、輸出管理の専門家と確認している" * 2
    assert len(a11y.short_title(japanese)) == a11y.SHORT_TITLE + 1
    context = a11y.item_context("ELIG-01", title, "Abu Dhabi Campus 1")
    assert a11y.control_name(context, "&Justification") == (
        "ELIG-01 The data center is outside Country Group… Abu Dhabi Campus 1 — Justification"
    )
