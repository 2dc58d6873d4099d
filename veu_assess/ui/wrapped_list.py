"""List entries that wrap over several lines and are always as tall as their wrapped text.

A QListView with word wrap asks the delegate for an entry's height with the viewport's width,
but lays the entry out ``spacing`` narrower on each side: a Japanese side-list entry that just
fitted in the wider line was drawn one line short, and its last line ("reviewed 0/4") was cut.
``WrappedItemDelegate`` asks the style with the width the entry really gets; ``wrap_entries``
also lets the list lay its entries out again when its width changes.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget


class WrappedItemDelegate(QStyledItemDelegate):
    """Sizes an entry for the width it is drawn in (the viewport less the list's spacing)."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = self._view
        width = view.viewport().width() - 2 * view.spacing()
        if width <= 0:
            return super().sizeHint(option, index)
        opt.rect.setWidth(width)
        widget: QWidget = view
        style = widget.style()
        return style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, opt, QSize(), widget)


def wrap_entries(view: QListView) -> None:
    """Wrap ``view``'s entries and keep each as tall as its text at the width the view has."""
    view.setWordWrap(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setItemDelegate(WrappedItemDelegate(view))
