"""The fold of a requirement card: a toggle that shows or hides the card's guidance and sources.

Folded by default, so a page shows many requirements at once; a requirement the user unfolded
stays unfolded the next time (per user, in the UI settings, never in the assessment file). The
toggle is a tool button with an arrow: Tab reaches it, Space or Enter folds and unfolds it, and its
visible text (which names the requirement) is also what a screen reader says.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QToolButton, QWidget

from veu_assess.ui.settings import UiSettings


class DetailsToggle(QToolButton):
    """Folds ``details`` in and out and remembers the choice for ``requirement_id``."""

    def __init__(self, requirement_id: str, text: str, details: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.requirement_id, self.details = requirement_id, details
        self.setText(text)
        self.setAccessibleName(text)
        self.setCheckable(True)
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        is_open = requirement_id in UiSettings().open_details()
        self.setChecked(is_open)
        self._show(is_open)
        self.toggled.connect(self._toggled)

    def _show(self, is_open: bool) -> None:
        self.setArrowType(Qt.ArrowType.DownArrow if is_open else Qt.ArrowType.RightArrow)
        self.details.setVisible(is_open)
        # The state is read out as "expanded"/"collapsed" by the checked state of the button.

    def _toggled(self, is_open: bool) -> None:
        self._show(is_open)
        UiSettings().set_details_open(self.requirement_id, is_open)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter and Return fold too (a tool button takes only Space by default).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.toggle()
            return
        super().keyPressEvent(event)
