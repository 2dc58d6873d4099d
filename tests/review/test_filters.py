"""Review filters over the visible items: unreviewed, marked, rejected, needs info, gaps."""

from __future__ import annotations

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.scoring import evaluate
from veu_assess.engine.visibility import visible_items
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.review import ReviewFilter, filter_keys, record_verdict
from veu_assess.storage.document import Document


def test_filters(document: Document, catalog: Catalog) -> None:
    keys = [it.key for it in visible_items(catalog, document.assessment)][:5]
    a = document.assessment
    a.answers[keys[0]] = Answer(state=AnswerState.MET)
    a.answers[keys[1]] = Answer(state=AnswerState.NOT_MET, marked_for_review=True)
    a.answers[keys[2]] = Answer(state=AnswerState.UNCERTAIN)
    a.answers[keys[3]] = Answer(state=AnswerState.MET, marked_for_review=True)
    record_verdict(document, keys[0], "accepted")
    record_verdict(document, keys[1], "rejected", comment="No evidence")
    record_verdict(document, keys[2], "needs_info", comment="Send the log")

    every = filter_keys(catalog, document, ReviewFilter.ALL)
    assert every == [it.key for it in visible_items(catalog, a)]
    assert filter_keys(catalog, document, "unreviewed") == [k for k in every if k not in keys[:3]]
    assert filter_keys(catalog, document, "marked") == [keys[1], keys[3]]
    assert filter_keys(catalog, document, "rejected") == [keys[1]]
    assert filter_keys(catalog, document, "needs_info") == [keys[2]]
    # the engine's gaps, but in catalog order rather than ranked
    gaps = filter_keys(catalog, document, "gaps")
    assert gaps == [keys[1], keys[2]]
    assert set(gaps) == {g.item.key for g in evaluate(catalog, a).gaps}
