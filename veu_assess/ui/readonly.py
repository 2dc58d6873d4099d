"""Making a form read-only for review mode: texts stay readable and selectable, choices are locked.

Text fields and spin boxes become read-only (the auditor can still select and copy); combo boxes,
check boxes and buttons are disabled. The session refuses answer edits in review mode anyway;
this only makes the widgets say so before anyone tries.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

READ_ONLY_PROPERTY = "veuReadOnly"


def make_read_only(root: QWidget, keep: tuple[QWidget, ...] = ()) -> None:
    """Lock every input under ``root`` except the widgets in ``keep`` (and their children)."""
    widgets = [root, *root.findChildren(QWidget)]
    kept = {id(w) for k in keep for w in (k, *k.findChildren(QWidget))}
    for w in widgets:
        if id(w) in kept:
            continue
        if isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
            w.setReadOnly(True)
        elif isinstance(w, QComboBox | QAbstractButton):
            w.setEnabled(False)
        elif isinstance(w, QAbstractItemView):
            w.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        else:
            continue
        w.setProperty(READ_ONLY_PROPERTY, True)
