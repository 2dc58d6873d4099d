"""The app never shows a verdict before enough is known: answering items one by one, the side
list, the Review page and the level banner say "Incomplete" until every gate and the catalog's
share of items are answered, and show readiness beside completeness throughout."""

from __future__ import annotations

from typing import Any

from tests.ui.helpers import choose, editors_on, section_indexes
from veu_assess.catalog.schema import LevelId
from veu_assess.engine.scoring import evaluate
from veu_assess.i18n_format import format_percent
from veu_assess.model.assessment import AnswerState
from veu_assess.ui.labels import level_label
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.review_page import ReviewPage


def test_incomplete_until_the_threshold_then_graded(qtbot: Any, window: MainWindow) -> None:
    session = window.session
    assert session is not None
    catalog = session.catalog
    incomplete = level_label(catalog, LevelId.INCOMPLETE, window.lang)
    review_row = next(i for i, p in enumerate(window.navigator.pages) if isinstance(p, ReviewPage))
    review = window.navigator.pages[review_row]
    assert isinstance(review, ReviewPage)
    threshold = catalog.header.scoring.completeness_threshold

    def shown() -> tuple[str, str, str]:
        nav = window.navigator
        nav.go_to(review_row)  # the Review page fills when shown (issue 22), as a user sees it
        return nav.pages.summary.level.text(), review.level.text(), nav.nav.item(review_row).text()

    assert all(incomplete in text for text in shown())
    steps = graded_steps = 0
    keys = [(i, e.key) for i in section_indexes(window) for e in editors_on(window, i)]
    for index, key in keys:
        editor = next(e for e in editors_on(window, index) if e.key == key)
        with qtbot.waitSignal(session.resultChanged):
            choose(editor, AnswerState.MET)
        steps += 1
        result = session.result
        assert result.level is evaluate(catalog, session.document.assessment).level  # one scoring path
        figures = window.navigator.pages.summary.score.text()
        assert format_percent(result.readiness, window.lang) in figures
        assert format_percent(result.completeness, window.lang) in figures
        levels = shown()
        assert f"{result.answered} of {result.total}" in review.figures.text()
        if result.gates_unanswered or result.completeness < threshold:
            assert result.level is LevelId.INCOMPLETE
            assert all(text.startswith(incomplete) or text.endswith(incomplete) for text in levels), levels
            for other in (LevelId.READY, LevelId.CONDITIONS):
                label = level_label(catalog, other, window.lang)
                assert not any(label in text for text in levels)
        else:
            graded_steps += 1
            assert result.level is not LevelId.INCOMPLETE
            assert not any(incomplete in text for text in levels)
    assert steps == len(keys) >= 10
    assert graded_steps >= 1, "answering everything must leave Incomplete"
    assert session.result.level is LevelId.READY  # everything met


def test_the_gap_list_says_why_each_gap_ranks_there(qtbot: Any, window: MainWindow) -> None:
    from veu_assess.report.verdict_text import rank_reason_text

    session = window.session
    assert session is not None
    keys = [(index, e.key) for index in section_indexes(window)[:2] for e in editors_on(window, index)]
    for index, key in keys:
        editor = next(e for e in editors_on(window, index) if e.key == key)
        with qtbot.waitSignal(session.resultChanged):
            choose(editor, AnswerState.NOT_MET)
    review = window.navigator.pages.review
    window.navigator.show_page(review)  # the gap list fills when the page is shown
    gaps = session.result.gaps
    assert review.gaps.rowCount() == len(gaps) >= 2
    for row, g in enumerate(gaps):
        assert g.reason is not None
        assert review.gaps.item(row, 1).toolTip() == rank_reason_text(g.reason, window.lang)
