"""The answer to one item as a labelled group of radio buttons, and the wheel guard for combos.

A combo box inside a scrolling page changes its value under the mouse wheel: scrolling the page
over an answer set it to "Partially met" and the score dropped without the user seeing it. Radio
buttons take no wheel events (the page scrolls on), every state is visible at a glance, one click
sets it and the arrow keys move within the group. ``guard_wheel`` makes the combo boxes and spin
boxes that remain on a scrolling page take the wheel only once they have the keyboard focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from veu_assess.model.assessment import AnswerState
from veu_assess.ui.a11y import set_role
from veu_assess.ui.labels import STATE_ORDER, STATE_TEXT_COLOURS, state_label

COLUMNS = 3  # two rows of three: fits the answer column at 1024 px wide in English and Japanese


class AnswerChoice(QWidget):
    """One radio button per answer state (``STATE_ORDER``) in an exclusive ``QButtonGroup``.

    The interface mirrors the combo box it replaces where the editors use it: ``currentIndex``,
    ``currentData``, ``setCurrentIndex`` (emits ``currentIndexChanged`` when the index changes,
    as a user's click does). ``where`` names the item ("ORG-01 The applicant… Tokyo 1") in
    every button's accessible name, so a screen reader says which question a button answers.
    """

    currentIndexChanged = Signal(int)

    def __init__(self, where: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A screen reader meets the row as a group named by its label ("ELIG-01 … — Answer").
        set_role(self, QAccessible.Role.Grouping)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[QRadioButton] = []
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(12)
        for index, state in enumerate(STATE_ORDER):
            button = QRadioButton(state_label(state))
            button.setAccessibleName(self.tr("{state} — {where}").format(state=state_label(state), where=where))
            # The wheel scrolls the page: a radio button never gives or takes it.
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.group.addButton(button, index)
            self.buttons.append(button)
            layout.addWidget(button, index // COLUMNS, index % COLUMNS)
        layout.setColumnStretch(COLUMNS, 1)
        # Review mode: the answer as text in its state's colour, not a greyed-out control.
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.hide()
        layout.addWidget(self.text, 0, 0, 1, COLUMNS)
        self._index = -1
        self.group.idToggled.connect(self._toggled)
        self.setCurrentIndex(0)

    def set_read_only(self, read_only: bool) -> None:
        """Show the answer as coloured text (review mode) instead of the buttons."""
        for button in self.buttons:
            button.setVisible(not read_only)
            button.setEnabled(not read_only)
        self.text.setVisible(read_only)
        # "Go to item" and Tab still land on the answer: the text takes the focus (and is read out).
        self.text.setFocusPolicy(Qt.FocusPolicy.StrongFocus if read_only else Qt.FocusPolicy.NoFocus)
        self.setFocusProxy(self.text if read_only else self.buttons[max(self._index, 0)])
        self._show_text()

    def _show_text(self) -> None:
        state = STATE_ORDER[max(self._index, 0)]
        self.text.setText(state_label(state))
        # A label is read as what it shows ("Met"); the description adds which question it answers.
        self.text.setAccessibleDescription(self.accessibleName())
        self.text.setStyleSheet(f"color:{STATE_TEXT_COLOURS[state]}; font-weight:bold;")

    def _toggled(self, index: int, checked: bool) -> None:
        if not checked:
            return
        if not self.text.isVisibleTo(self):
            self.setFocusProxy(self.buttons[index])  # Tab, the label's mnemonic and setFocus land here
        if index != self._index:
            self._index = index
            self._show_text()
            self.currentIndexChanged.emit(index)

    def currentIndex(self) -> int:
        return self._index

    def currentData(self) -> AnswerState:
        return STATE_ORDER[self._index]

    def setCurrentIndex(self, index: int) -> None:
        if index == self._index:
            return
        self.buttons[index].setChecked(True)  # emits currentIndexChanged through _toggled

    def count(self) -> int:
        return len(self.buttons)


class _WheelGuard(QObject):
    """Wheel events over an unfocused combo or spin box go to the page (it scrolls) instead."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            # Not accepted and filtered: Qt then hands the event to the parent (the scroll area).
            event.ignore()
            return True
        return super().eventFilter(watched, event)


_guard: _WheelGuard | None = None


def guard_wheel(root: QWidget) -> None:
    """Make every combo box and spin box under ``root`` take the wheel only when it has focus
    (and never take the focus from the wheel). Call it after ``root``'s children exist."""
    global _guard
    if _guard is None:
        _guard = _WheelGuard(QApplication.instance())
    for widget in root.findChildren(QComboBox) + root.findChildren(QAbstractSpinBox):
        if widget.property("veuWheelGuard"):
            continue
        widget.setProperty("veuWheelGuard", True)
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(_guard)
