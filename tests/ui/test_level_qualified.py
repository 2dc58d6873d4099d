"""A fully answered file whose route is not the Data Center VEU's shows its level qualified and in a
neutral colour in the app (side list, summary, Review page), as the report and `score` do: a green
"Ready" beside "Do not apply yet" was read first."""

from __future__ import annotations

from typing import Any

from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import LevelId
from veu_assess.engine.scoring import evaluate
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.resources import sample_path
from veu_assess.storage.reader import open_document
from veu_assess.ui.labels import LEVEL_COLOURS
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.review_page import ReviewPage
from veu_assess.ui.session import Session


def _ready_sample(catalog: Catalog, countries: bool) -> Session:
    doc = open_document(sample_path())
    for it in evaluate(catalog, doc.assessment).items:
        doc.assessment.set_answer(it.requirement.id, Answer(state=AnswerState.MET), it.site_id)
    if not countries:  # the route cannot be told without them
        doc.assessment.profile.destination_country = ""
        for site in doc.assessment.profile.sites:
            site.country = ""
    assert evaluate(catalog, doc.assessment).level is LevelId.READY
    return Session(catalog, doc)


def _shown(window: MainWindow) -> tuple[str, str, str, str, str]:
    nav = window.navigator
    row = next(i for i, p in enumerate(nav.pages) if isinstance(p, ReviewPage))
    nav.go_to(row)
    review = nav.pages[row]
    assert isinstance(review, ReviewPage)
    summary = nav.pages.summary
    return (summary.level.text(), summary.level.styleSheet(), review.level.text(), review.level.styleSheet(),
            nav.nav.item(row).text())


def test_ready_is_qualified_and_neutral_when_the_route_cannot_be_told(
        qtbot: Any, window: MainWindow, catalog: Catalog) -> None:
    window.set_session(_ready_sample(catalog, countries=True))
    side_level, side_style, level, style, item = _shown(window)
    green = LEVEL_COLOURS[LevelId.READY]
    assert green in side_style and green in style and "requirements only" not in level + side_level + item
    window.set_session(_ready_sample(catalog, countries=False))
    side_level, side_style, level, style, item = _shown(window)
    neutral = LEVEL_COLOURS[LevelId.INCOMPLETE]
    assert green not in side_style + style
    assert neutral in side_style and neutral in style
    for text in (side_level, level, item):
        assert "Ready (Data Center VEU requirements only: see Route selection)" in text
