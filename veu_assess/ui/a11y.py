"""Accessible names of the controls of one requirement: "ELIG-01 The data center is… Campus 1 — Notes".

A page shows several requirements, each with the same fields (answer, justification, notes,
evidence, verdict…); a screen reader that says only "Notes" leaves the listener guessing which
question the field belongs to. Every control of a requirement is therefore named with the
requirement's id, a short form of its title and, for a per-site answer, the site. Labels are never
renamed here: a label's accessible name is its visible text (on Linux a label exposes nothing else).
"""

from __future__ import annotations

import re

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
