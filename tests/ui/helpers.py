"""Small helpers the GUI tests share: pick pages and editors from the loaded catalog."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QTableWidget, QWidget

from veu_assess.catalog.schema import QuestionType, Scope
from veu_assess.model.assessment import AnswerState
from veu_assess.ui import i18n
from veu_assess.ui.editors import AnswerEditor
from veu_assess.ui.labels import STATE_ORDER
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.section_page import SectionPage


@contextmanager
def language(window: MainWindow, lang: str) -> Iterator[None]:
    """The interface in ``lang`` (its translators and the window's texts) until the block ends."""
    try:
        i18n.install_language(lang)
        window.set_language(lang, remember=False)
        yield
    finally:
        i18n.reset_language()


def pages_shown(window: MainWindow) -> Iterator[tuple[int, QWidget]]:
    """Every page of the side list in the current language, shown and laid out: (index, page)."""
    for index in range(len(window.navigator.pages)):
        window.navigator.go_to(index)
        QApplication.processEvents()
        yield index, window.navigator.current_page()


def each_page(window: MainWindow, langs: Iterable[str] = ("en", "ja")) -> Iterator[tuple[str, int, QWidget]]:
    """Every page of the side list in each of ``langs``, shown and laid out: (lang, index, page).
    The language is reset when the walk ends (and after every GUI test, by conftest, should a
    failed check leave the walk suspended)."""
    for lang in langs:
        with language(window, lang):
            for index, page in pages_shown(window):
                yield lang, index, page


def section_indexes(win: MainWindow, in_scope: bool = True) -> list[int]:
    nav = win.navigator
    return [i for i, p in enumerate(nav.pages) if isinstance(p, SectionPage) and nav.in_scope(i) == in_scope]


def editors_on(win: MainWindow, index: int) -> list[AnswerEditor]:
    win.navigator.go_to(index)
    page = win.navigator.pages[index]
    assert isinstance(page, SectionPage)
    return [e for panel in page.panels for e in panel.editors]


def first_editor(win: MainWindow) -> AnswerEditor:
    """The first plain, applicant-level question (its answer key does not change with sites)."""
    for index in section_indexes(win):
        for editor in editors_on(win, index):
            req = editor.item.requirement
            if req.scope is Scope.APPLICANT and req.question_type is QuestionType.STATE:
                return editor
    raise AssertionError("the catalog has no applicant-level state question")


def choose(editor: AnswerEditor, state: AnswerState) -> None:
    """Pick a state in the editor's combo box, as a user would."""
    editor.state.setCurrentIndex(STATE_ORDER.index(state))


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None, f"no cell at {row}, {column}"
    return item.text()


def drop_event(path: Path) -> QDropEvent:
    """What the window receives when a file is dragged from the file manager and dropped on it."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    _dropped.append(data)  # the event points at the mime data; it must outlive the event
    return event


_dropped: list[QMimeData] = []


def saved(qtbot: Any, window: MainWindow, start: Callable[[], bool], timeout: int = 30_000) -> bool:
    """Start a save with ``start()`` (window.files.save, a menu action, ...) and wait for its outcome."""
    with qtbot.waitSignal(window.files.saveFinished, timeout=timeout) as outcome:
        assert start() is not False, "no save started"
    return bool(outcome.args[0])
