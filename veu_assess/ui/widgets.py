"""Small widget helpers shared by the pages: wrapped labels, and text boxes that keep to the
length the file format allows (a paste of a whole log must not end in a validation error)."""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QDateEdit, QLabel, QLineEdit, QPlainTextEdit, QWidget

from veu_assess.model.assessment import MAX_TEXT


class DateEdit(QDateEdit):
    """Tab leaves the field, as in every other field of a form (Qt's date field moves between
    year, month and day on Tab, so a keyboard user's Tab seemed to go nowhere). Typing the digits
    moves through the parts by itself; the arrow keys move between them too."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


def date_edit() -> QDateEdit:
    """A date field (YYYY-MM-DD, calendar pop-up) limited to the years 1900-2999: what OSCAL can
    express, and far wider than a due or sign-off date needs (Qt would allow 1752-9999)."""
    edit = DateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDateRange(QDate(1900, 1, 1), QDate(2999, 12, 31))
    return edit


class _StartShown(QObject):
    """Puts a line edit's cursor at its start when it loses the focus (not to a menu or pop-up)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.FocusOut and isinstance(watched, QLineEdit)
                and isinstance(event, QFocusEvent) and event.reason() != Qt.FocusReason.PopupFocusReason):
            watched.setCursorPosition(0)
        return False


_start_shown: _StartShown | None = None


def show_start(edit: QLineEdit) -> None:
    """Show the start of ``edit``'s text whenever it is not being typed in. Qt leaves the cursor
    (and so the view) at the end after ``setText``: a narrow field showed "neral Counsel"."""
    global _start_shown
    if _start_shown is None:
        _start_shown = _StartShown(QApplication.instance())
    edit.installEventFilter(_start_shown)
    # Only a text set by the program (setText clears "modified"): typing keeps its cursor, also
    # when the window is not active (a key event sent to an unfocused field).
    edit.textChanged.connect(lambda _t: None if edit.hasFocus() or edit.isModified() else edit.setCursorPosition(0))
    edit.setCursorPosition(0)


def warning_style(palette: QPalette, padding: str = "2px 6px") -> str:
    """A style sheet for an alarm (a warning an auditor must not miss) from ``palette``: the
    highlight colour turned red, with the highlighted-text colour on it. The palette pairs those
    two for contrast, so the warning stays readable in light, dark and high-contrast themes."""
    highlight = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    red = QColor.fromHsl(0, max(highlight.hslSaturation(), 160), highlight.lightness())
    return f"background-color:{red.name()}; color:{text.name()}; font-weight:bold; padding:{padding};"


# The one red of error texts and marked fields on a light window (contrast 6.6:1 on white); a dark
# theme gets a light red, so an error is never dark red on dark grey.
ERROR_ON_LIGHT, ERROR_ON_DARK = "#b71c1c", "#ff8a80"


def error_colour(palette: QPalette | None = None) -> str:
    """The colour of an error text or an invalid field's border in ``palette`` (the application's
    palette by default): every "this is wrong" in the interface uses it."""
    if palette is None:
        palette = QApplication.palette()
    window = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window)
    return ERROR_ON_DARK if window.lightness() < 128 else ERROR_ON_LIGHT


def error_style(bold: bool = True) -> str:
    """The style sheet of an error message shown beside the field it is about."""
    return f"color:{error_colour()};" + (" font-weight:bold;" if bold else "")


def invalid_field_style() -> str:
    """The style sheet that marks a field whose content is refused."""
    return f"border: 2px solid {error_colour()};"


def wrapped_label(text: str = "", rich: bool = False, selectable: bool = False) -> QLabel:
    """A label that wraps (long Japanese text, 200% scaling) and shows text as plain text unless
    ``rich`` says the caller built escaped rich text: user text must never be read as markup."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class BoundedTextEdit(QPlainTextEdit):
    """Plain text of at most ``max_chars`` characters; a longer paste is cut there and
    ``limitReached`` says so (the pasted text is still on the clipboard). Tab moves the focus."""

    limitReached = Signal(int)  # the limit, in characters

    def __init__(self, max_chars: int = MAX_TEXT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_chars = max_chars
        self.setTabChangesFocus(True)
        # Connected first, so every other slot of the same textChanged already sees the cut text.
        self.textChanged.connect(self._keep_to_limit)

    def _keep_to_limit(self) -> None:
        text = self.toPlainText()
        if len(text) <= self.max_chars:
            return
        position = min(self.textCursor().position(), self.max_chars)
        self.blockSignals(True)
        self.setPlainText(text[: self.max_chars])
        self.blockSignals(False)
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(self.toPlainText())), QTextCursor.MoveMode.MoveAnchor)
        self.setTextCursor(cursor)
        self.limitReached.emit(self.max_chars)
