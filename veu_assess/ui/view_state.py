"""Where the operator was on a page, kept across a rebuild of the pages (a language switch).

The pages are built anew in the other language; without this the page would jump back to its
top and the keyboard focus would be lost. What is kept: how far down the page was scrolled (as
a fraction, since the texts change length) and which control of which requirement had the focus
(by the attribute path from the editor to it: ``notes``, ``evidence.list`` …, which the rebuilt
editor has too; not by position, which pop-ups created meanwhile would shift).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

if TYPE_CHECKING:  # the editors come with the section pages, after the first window (issue 22)
    from veu_assess.ui.editors import AnswerEditor


@dataclass(frozen=True)
class ViewState:
    fraction: float  # of the vertical scroll range
    editor_key: str | None = None  # the requirement whose editor had the focus
    control: str = ""  # the attribute path from the editor to the focused control


def _editor_of(widget: QWidget | None, page: QWidget) -> AnswerEditor | None:
    from veu_assess.ui.editors import AnswerEditor

    while widget is not None and widget is not page:
        if isinstance(widget, AnswerEditor):
            return widget
        widget = widget.parentWidget()
    return None


def _control_path(holder: QWidget, focused: QWidget, depth: int = 3) -> str:
    """The attribute path from ``holder`` to ``focused`` (``notes``, ``evidence.list``): at each
    level the attribute that is the focused widget or contains it, followed inwards."""
    for name, value in vars(holder).items():
        if not isinstance(value, QWidget) or name.startswith("_"):
            continue
        if value is focused:
            return name
        if value.isAncestorOf(focused):
            inner = _control_path(value, focused, depth - 1) if depth > 1 else ""
            return f"{name}.{inner}" if inner else name
    return ""


def remember_view(page: QScrollArea) -> ViewState:
    bar = page.verticalScrollBar()
    fraction = bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0
    focused = QApplication.focusWidget()
    editor = _editor_of(focused, page)
    if editor is None or focused is None:
        return ViewState(fraction)
    return ViewState(fraction, editor.key, _control_path(editor, focused))


def restore_view(page: QScrollArea, state: ViewState) -> None:
    content = page.widget()
    layout = content.layout() if content is not None else None
    if layout is not None:
        layout.activate()  # the new page's size is known now, not after the next event
    bar = page.verticalScrollBar()
    bar.setValue(round(state.fraction * bar.maximum()))
    if state.editor_key is None:
        return
    from veu_assess.ui.editors import AnswerEditor

    editor = next((e for e in page.findChildren(AnswerEditor) if e.key == state.editor_key), None)
    if editor is None:
        return
    control: object = editor
    for name in state.control.split(".") if state.control else []:
        control = getattr(control, name, None)
    target = control if isinstance(control, QWidget) and control is not editor and control.isEnabled() \
        else editor.state
    page.ensureWidgetVisible(target)
    target.setFocus(Qt.FocusReason.OtherFocusReason)
