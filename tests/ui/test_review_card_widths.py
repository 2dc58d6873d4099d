"""Review-mode cards at 1024×700 in English and Japanese: every field wide enough to read and type in.

Beside the answer the auditor's panel got two fifths of a ~650 px card: the Japanese comment box
was 144 px (about 70 px in the lead's run) and the remediation owner 90 px, showing the end of its
text ("neral Counsel"). Below a width the verdict panel now sits under the answer (``AnswerRow``),
and a line edit shows the start of its text when it is not being typed in.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget

from tests.ui.helpers import each_page
from veu_assess.resources import sample_path
from veu_assess.ui.answer_row import AnswerRow
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.section_page import SectionPage

# A text field narrower than this many average characters cannot show a name like "General Counsel,
# Legal" or a sentence of a comment: 30 characters is 180 px in DejaVu Sans 9 pt.
READABLE_CHARS = 30


def _too_narrow(field: QWidget) -> str | None:
    if isinstance(field, QComboBox):  # sized to its longest choice: narrower cuts it
        need = field.sizeHint().width()
    else:
        need = READABLE_CHARS * field.fontMetrics().averageCharWidth()
    return None if field.width() >= need else f"{field.width()} px < {need} px"


def test_every_review_card_field_is_wide_enough_at_1024x700(qtbot: Any, window: MainWindow) -> None:
    window.files.open_now(sample_path(), review=True)
    window.resize(1024, 700)
    narrow: list[str] = []
    looked = 0
    for lang, _index, page in each_page(window):
        if not isinstance(page, SectionPage):
            continue
        for panel in page.panels:
            for editor in panel.editors:
                review = panel.review_panel(editor.key)
                assert review is not None
                fields = {"comment": review.comment, "verdict": review.verdict, "adjusted": review.adjusted,
                          "owner": editor.owner, "notes": editor.notes, "justification": editor.justification}
                for name, field in fields.items():
                    looked += 1
                    problem = _too_narrow(field)
                    if problem:
                        narrow.append(f"{lang} {editor.key} {name}: {problem}")
    assert looked > 500  # every card of every page, in both languages
    assert not narrow, "\n".join(narrow[:20])


def test_the_verdict_goes_beside_the_answer_when_the_card_is_wide(qtbot: Any, window: MainWindow) -> None:
    window.files.open_now(sample_path(), review=True)
    window.resize(1920, 1080)
    page = window.navigator.pages.sections[0]
    window.navigator.show_page(page)
    window.show()
    qtbot.waitExposed(window)
    rows = page.findChildren(AnswerRow)
    assert rows and all(row.side_by_side() for row in rows)
    row = rows[0]
    review = row.review
    assert review is not None
    qtbot.waitUntil(lambda: review.x() >= row.editor.x() + row.editor.width())  # beside the answer
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: not row.side_by_side())
    qtbot.waitUntil(lambda: review.y() >= row.editor.y() + row.editor.height())  # under it …
    assert review.width() == row.editor.width()  # … as wide as the answer


def test_a_line_edit_shows_the_start_of_its_text_unless_typed_in(qtbot: Any, window: MainWindow) -> None:
    window.files.open_now(sample_path())
    window.show()
    window.activateWindow()
    page = window.navigator.pages.sections[0]
    window.navigator.show_page(page)
    editor = page.panels[0].editors[0]
    owner: QLineEdit = editor.owner
    owner.setFixedWidth(80)
    owner.setText("General Counsel, Legal Affairs Division")  # as loading a file does
    assert owner.cursorPosition() == 0  # Qt leaves it at the end: "…Division" would show
    owner.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(owner.hasFocus)
    owner.end(False)
    assert owner.cursorPosition() == len(owner.text())  # typing keeps the cursor where it is
    editor.notes.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: not owner.hasFocus())
    QApplication.processEvents()
    assert owner.cursorPosition() == 0
