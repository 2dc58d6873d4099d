"""Accessible names of the controls of one requirement: "ELIG-01 The data center is… Campus 1 — Notes".

A page shows several requirements, each with the same fields (answer, justification, notes,
evidence, verdict…); a screen reader that says only "Notes" leaves the listener guessing which
question the field belongs to. Every control of a requirement is therefore named with the
requirement's id, a short form of its title and, for a per-site answer, the site. Labels are never
renamed here: a label's accessible name is its visible text (on Linux a label exposes nothing else).

Also here: the roles Qt's widgets do not give by themselves (page and part headings as headings, the
answer's radio row as a labelled group), through one accessibility factory, and ``announce`` for
what changes away from the focus (the readiness, status-bar messages, a refused answer).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleInterface
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QAccessibleWidget,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

SHORT_TITLE = 40  # characters: enough to tell two requirements apart by ear, short enough to listen to
INTERACTIVE = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def strip_mnemonic(text: str) -> str:
    """``Mar&k for review`` -> ``Mark for review`` (``&&`` is a literal ampersand); a Japanese
    ``回答(&A)：`` loses its ``(A)`` too, so the marker is never read out."""
    text = re.sub(r"\(&\w\)", "", text)
    return re.sub(r"&(.)", r"\1", text)


def short_title(title: str, limit: int = SHORT_TITLE) -> str:
    """The title cut at a word boundary (or at ``limit`` characters where there are no spaces)."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[: limit + 1]  # one more: a word that ends exactly at the limit is kept
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    else:
        cut = cut[:limit]
    return cut.rstrip(" ,;:") + "…"


def item_context(requirement_id: str, title: str, site: str = "") -> str:
    """What every control of one item is named after: id, short title and (per site) the site."""
    return " ".join(part for part in (requirement_id, short_title(title), site) if part)


def control_name(context: str, what: str) -> str:
    """``context — what`` without mnemonic markers (and ``what`` alone when there is no context)."""
    what = strip_mnemonic(what)
    return f"{context} — {what}" if context else what


def name_controls(root: QWidget, context: str, requirement_id: str) -> None:
    """Prefix ``context`` to the name of every control under ``root`` that does not yet name
    ``requirement_id`` (the calculators and tables an answer editor carries). Controls that are
    parts of another (a date field's line edit, a table's corner button) are left to their owner."""
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE):
            continue
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox | QAbstractItemView):
            continue
        name = widget.accessibleName()
        if requirement_id in name:
            continue
        own = name or (widget.text() if isinstance(widget, QAbstractButton) else "")
        widget.setAccessibleName(control_name(context, own))


# --- roles ---------------------------------------------------------------------------------
ROLE_PROPERTY = "veuAccessibleRole"  # a QAccessible.Role value set on a widget before it is shown


class Heading(QLabel):
    """A heading: larger bold text, wrapped, plain (never markup), and a *heading* to assistive
    technology, so a screen-reader user can list and jump between the parts of a page."""

    def __init__(self, text: str = "", scale: float = 1.2, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        font = self.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * scale)
        self.setFont(font)


class _HeadingInterface(QAccessibleWidget):
    """A label read as a heading; its name is what it shows (a plain QAccessibleWidget would read
    only an accessible name, which a label does not set)."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label, QAccessible.Role.Heading)

    def text(self, t: QAccessible.Text) -> str:
        label = self.object()
        if t == QAccessible.Text.Name and isinstance(label, QLabel):
            return label.accessibleName() or label.text()
        return super().text(t)


def set_role(widget: QWidget, role: QAccessible.Role) -> None:
    """Give ``widget`` the accessible ``role`` (call it before the widget is first queried: Qt keeps
    the interface it made). A QWidget holding a radio row becomes a Grouping named by its label."""
    widget.setProperty(ROLE_PROPERTY, int(role.value))


def _factory(_key: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, Heading):
        return _HeadingInterface(obj)
    if isinstance(obj, QWidget):
        role = obj.property(ROLE_PROPERTY)
        if role is not None:
            return QAccessibleWidget(obj, QAccessible.Role(role))
    return None


_installed = False


def install() -> None:
    """Install the role factory once per process (before any window is built)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


# --- announcements ---------------------------------------------------------------------------
def _send(event: QAccessibleAnnouncementEvent) -> None:
    QAccessible.updateAccessibility(event)


def announce(source: QObject, message: str, assertive: bool = False) -> None:
    """Have the screen reader say ``message`` now, without moving the focus (Qt's announcement
    event, AT-SPI's "announcement"): for changes the user did not land on — the readiness after an
    answer, a status-bar message; ``assertive`` interrupts (a refused answer), polite waits."""
    if not message.strip():
        return
    event = QAccessibleAnnouncementEvent(source, " ".join(message.split()))
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive if assertive else QAccessible.AnnouncementPoliteness.Polite
    )
    _send(event)
