"""Small widget helpers shared by the pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def wrapped_label(text: str = "", rich: bool = False, selectable: bool = False) -> QLabel:
    """A label that wraps (long Japanese text, 200% scaling) and shows text as plain text unless
    ``rich`` says the caller built escaped rich text: user text must never be read as markup."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
