"""Verdicts live in doc.review only: recording one never touches an answer or the content digest."""

from __future__ import annotations

import datetime as dt

import pytest

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.visibility import visible_items
from veu_assess.model.assessment import Answer, AnswerState, Site
from veu_assess.model.review import VerdictState
from veu_assess.review import ReviewError, clear_verdict, record_verdict, verdict_for
from veu_assess.storage.document import Document

DAY = dt.date(2026, 12, 1)


def first_ids(catalog: Catalog, n: int) -> list[str]:
    return [r.id for _, r in catalog.iter_requirements()][:n]


def test_verdict_is_recorded_apart_from_the_answer(document: Document, catalog: Catalog) -> None:
    rid = first_ids(catalog, 1)[0]
    document.assessment.set_answer(rid, Answer(state=AnswerState.MET, notes="policy v3"))
    before_answers = document.assessment.model_dump()
    before_digest = document.digest()

    v = record_verdict(document, rid, "rejected", comment="The policy is unsigned.",
                       adjusted_state="not_met", reviewer="A. Auditor", date=DAY, catalog=catalog)

    assert v.state is VerdictState.REJECTED and v.adjusted_state is AnswerState.NOT_MET
    assert verdict_for(document, rid) == v
    assert document.assessment.model_dump() == before_answers
    assert document.assessment.answer(rid).state is AnswerState.MET
    assert document.digest() == before_digest


def test_replacing_and_clearing_a_verdict(document: Document, catalog: Catalog) -> None:
    rid = first_ids(catalog, 1)[0]
    record_verdict(document, rid, VerdictState.NEEDS_INFO, comment="Send the log")
    record_verdict(document, rid, VerdictState.ACCEPTED)
    verdict = verdict_for(document, rid)
    assert verdict is not None and verdict.state is VerdictState.ACCEPTED and verdict.comment == ""
    assert clear_verdict(document, rid) is True
    assert clear_verdict(document, rid) is False
    assert verdict_for(document, rid) is None


def test_site_level_keys(document: Document, catalog: Catalog) -> None:
    document.assessment.profile.sites = [Site(id="tokyo", name="Tokyo DC")]
    site_item = next(it for it in visible_items(catalog, document.assessment) if it.site_id == "tokyo")
    record_verdict(document, site_item.key, "accepted", catalog=catalog)
    assert site_item.key.endswith("@tokyo") and site_item.key in document.review.verdicts
    with pytest.raises(ReviewError, match="no site 'osaka'"):
        record_verdict(document, f"{site_item.requirement.id}@osaka", "accepted")


@pytest.mark.parametrize(
    ("key", "state", "adjusted", "message"),
    [
        ("not a key", "accepted", None, "not a requirement key"),
        ("ZZ-999", "accepted", None, "no requirement 'ZZ-999'"),
        ("{rid}", "maybe", None, "'maybe' is not a valid VerdictState"),
        ("{rid}", "accepted", "great", "'great' is not a valid AnswerState"),
    ],
)
def test_bad_input_is_refused_with_a_sentence(
    document: Document, catalog: Catalog, key: str, state: str, adjusted: str | None, message: str
) -> None:
    key = key.format(rid=first_ids(catalog, 1)[0])
    with pytest.raises(ReviewError, match=message):
        record_verdict(document, key, state, adjusted_state=adjusted, catalog=catalog)
    assert document.review.verdicts == {}


def test_overlong_comment_is_refused(document: Document, catalog: Catalog) -> None:
    with pytest.raises(ReviewError, match="comment"):
        record_verdict(document, first_ids(catalog, 1)[0], "accepted", comment="x" * 100_001)
