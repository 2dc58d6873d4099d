"""The Review page shows the route-selection result before the score and redraws it when the profile
changes (a parent moved to Macau excludes the VEU route); the mapping line shows beside a requirement."""

from __future__ import annotations

from typing import Any

from veu_assess.catalog.loader import default_catalog
from veu_assess.resources import sample_path
from veu_assess.storage.veua import open_document
from veu_assess.ui.review_page import ReviewPage
from veu_assess.ui.session import Session


def test_review_page_route_follows_the_profile(qtbot: Any) -> None:
    session = Session(default_catalog(), open_document(sample_path()))
    page = ReviewPage(session, "en")
    qtbot.addWidget(page)
    page.show()  # the page redraws while shown; hidden, it fills when next shown (issue 22)
    qtbot.waitExposed(page)
    assert "VEU route is one to prepare" in page.route.headline.text()
    assert page.route.table.rowCount() == 5
    assert page.route.table.item(0, 1).text() == "fits"
    assert "readiness for the Data Center VEU route only" in page.route.score_note.text()
    profile = session.document.assessment.profile.model_copy(update={"parent_hq_country": "MO"})
    with qtbot.waitSignal(session.resultChanged):
        session.set_profile(profile)
    assert "is not the one to prepare" in page.route.headline.text()
    assert page.route.table.item(0, 1).text() == "excluded"
    page.hide()  # changed while hidden: the page catches up when shown again
    with qtbot.waitSignal(session.resultChanged):
        session.set_profile(profile.model_copy(update={"parent_hq_country": "JP"}))
    page.show()
    qtbot.waitExposed(page)
    assert "VEU route is one to prepare" in page.route.headline.text()


def test_review_page_route_in_japanese(qtbot: Any) -> None:
    session = Session(default_catalog(), open_document(sample_path()))
    page = ReviewPage(session, "ja")
    qtbot.addWidget(page)
    assert "データセンター VEU ルートを準備する価値があります" in page.route.headline.text()
    assert "要確認" in page.route.affiliates.text() or "適用停止" in page.route.affiliates.text()
