"""Change since sign-off item by item, stale verdicts, and old review files (schema 1 and 2)."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import pytest

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.visibility import visible_items
from veu_assess.model.assessment import Answer, AnswerState, EvidenceRef, Site
from veu_assess.model.review import REVIEW_SCHEMA_ITEMS, Review
from veu_assess.review import (
    ChangeKind,
    ReviewFilter,
    apply_verdict,
    changed_keys,
    changes_since_signoff,
    filter_keys,
    record_verdict,
    sign_off,
    stale_keys,
    verdict_is_stale,
)
from veu_assess.storage.digest import item_digest, item_digests
from veu_assess.storage.document import Document
from veu_assess.storage.veua import open_document, save_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "veua"
DAY = dt.date(2026, 12, 1)


@pytest.fixture
def rids(catalog: Catalog, document: Document) -> list[str]:
    """Four requirements in scope of a blank assessment, answered once (not per site)."""
    return [it.key for it in visible_items(catalog, document.assessment) if it.site_id is None][:4]


def _answer(doc: Document, key: str, **fields: object) -> None:
    doc.assessment.answers[key] = Answer(**fields)  # type: ignore[arg-type]


def test_an_edit_after_sign_off_lists_that_item_and_only_it(catalog: Catalog, document: Document,
                                                           rids: list[str]) -> None:
    a, b, c, d = rids
    _answer(document, a, state=AnswerState.MET)
    _answer(document, b, state=AnswerState.NOT_MET, owner="Ops")
    _answer(document, c, state=AnswerState.PARTIALLY_MET)
    so = sign_off(document, "Ken Auditor", date=DAY)
    assert so.item_digests == item_digests(document.assessment) and set(so.item_digests) == {a, b, c}
    assert document.review.schema_version == REVIEW_SCHEMA_ITEMS
    unchanged = changes_since_signoff(document)
    assert unchanged is not None and not unchanged.content_changed and unchanged.items == ()

    _answer(document, b, state=AnswerState.NOT_MET, owner="Facilities")  # only the owner
    del document.assessment.answers[c]  # cleared
    _answer(document, d, state=AnswerState.MET)  # answered since
    changes = changes_since_signoff(document)
    assert changes is not None and changes.content_changed and changes.items_known
    assert [(ch.key, ch.kind) for ch in changes.items] == sorted(
        [(b, ChangeKind.CHANGED), (c, ChangeKind.CLEARED), (d, ChangeKind.ANSWERED)])
    assert not changes.other_changed
    assert changed_keys(document) == sorted([b, c, d])
    assert filter_keys(catalog, document, ReviewFilter.CHANGED) == [k for k in rids if k in {b, c, d}]


def test_the_filter_lists_the_changed_items_in_scope(catalog: Catalog, document: Document,
                                                     rids: list[str]) -> None:
    a, b = rids[:2]
    _answer(document, a, state=AnswerState.MET)
    sign_off(document, "Ken Auditor", date=DAY)
    assert filter_keys(catalog, document, ReviewFilter.CHANGED) == []
    _answer(document, b, state=AnswerState.UNCERTAIN)
    assert filter_keys(catalog, document, ReviewFilter.CHANGED) == [b]


def test_profile_and_evidence_changes_are_told_apart(document: Document, rids: list[str]) -> None:
    a = rids[0]
    ev = EvidenceRef(sha256="a" * 64, filename="policy.pdf", size=10)
    _answer(document, a, state=AnswerState.MET, evidence=[ev])
    sign_off(document, "Ken Auditor", date=DAY)
    document.assessment.profile.sites = [Site(id="tokyo-1", name="Tokyo 1")]
    changes = changes_since_signoff(document)
    assert changes is not None and changes.other_changed and changes.items == ()
    other = EvidenceRef(sha256="b" * 64, filename="policy.pdf", size=10)  # same name, other bytes
    _answer(document, a, state=AnswerState.MET, evidence=[other])
    changes = changes_since_signoff(document)
    assert changes is not None and changes.keys == [a]


def test_the_latest_sign_off_is_the_reference(document: Document, rids: list[str]) -> None:
    a, b = rids[:2]
    _answer(document, a, state=AnswerState.MET)
    sign_off(document, "Officer", kind="operator_officer", date=DAY)
    _answer(document, a, state=AnswerState.NOT_MET)
    sign_off(document, "Auditor", date=DAY + dt.timedelta(days=1))
    _answer(document, b, state=AnswerState.MET)
    assert changed_keys(document) == [b]
    first = changes_since_signoff(document, 0)
    assert first is not None and first.keys == sorted([a, b])


def test_a_verdict_goes_stale_when_its_item_changes_and_fresh_when_redone(document: Document,
                                                                          rids: list[str]) -> None:
    a, b = rids[:2]
    _answer(document, a, state=AnswerState.MET)
    v = record_verdict(document, a, "accepted")
    record_verdict(document, b, "accepted")  # judged while unanswered
    assert v.item_digest == item_digest(document.assessment.answers[a])
    assert stale_keys(document) == []
    _answer(document, a, state=AnswerState.MET, notes="one more line")
    _answer(document, b, state=AnswerState.MET)
    assert verdict_is_stale(document, a) and verdict_is_stale(document, b)
    assert stale_keys(document) == sorted([a, b])
    record_verdict(document, a, "accepted")  # looked at again
    assert not verdict_is_stale(document, a) and stale_keys(document) == [b]
    _answer(document, a, state=AnswerState.MET)  # back to what was first judged
    assert verdict_is_stale(document, a)


def test_apply_verdict_stamps_the_same_object_the_caller_holds(document: Document, rids: list[str]) -> None:
    from veu_assess.model.review import Verdict, VerdictState

    a = rids[0]
    verdict = Verdict(state=VerdictState.ACCEPTED, reviewer="Ken")
    apply_verdict(document, a, verdict)
    assert document.review.verdicts[a] is verdict and verdict.item_digest == item_digest(None)
    old = verdict.item_digest
    _answer(document, a, state=AnswerState.MET)
    apply_verdict(document, a, verdict)  # redo of the same verdict: still the item it judged
    assert verdict.item_digest == old and verdict_is_stale(document, a)


def test_new_records_survive_saving(document: Document, rids: list[str], tmp_path: Path) -> None:
    a, b = rids[:2]
    _answer(document, a, state=AnswerState.MET)
    record_verdict(document, a, "accepted", reviewer="Ken")
    sign_off(document, "Ken Auditor", date=DAY)
    path = tmp_path / "x.veua"
    save_document(document, path)
    again = open_document(path)
    assert again.review == document.review and again.review.schema_version == REVIEW_SCHEMA_ITEMS
    _answer(again, b, state=AnswerState.NOT_MET)
    assert changed_keys(again) == [b] and stale_keys(again) == []


@pytest.mark.parametrize("name", ["v1-full.veua", "v2-full.veua"])
def test_old_files_open_and_say_which_items_is_unknown(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    shutil.copy(FIXTURES / name, path)
    doc = open_document(path)
    assert doc.review.schema_version == 1
    [so] = doc.review.signoffs
    assert so.item_digests is None and so.other_digest is None
    [verdict] = doc.review.verdicts.values()
    assert verdict.item_digest is None
    changes = changes_since_signoff(doc)
    assert changes is not None and not changes.items_known and changes.items == ()
    key = next(iter(doc.review.verdicts))
    doc.assessment.answers[key] = Answer(state=AnswerState.NOT_MET)
    changes = changes_since_signoff(doc)
    assert changes is not None and changes.undetermined and changed_keys(doc) == []
    assert not verdict_is_stale(doc, key)  # no digest recorded: never called stale
    # Saved without anything new recorded: review.json is written as the earlier apps wrote it.
    save_document(doc, tmp_path / "resaved.veua")
    with zipfile.ZipFile(tmp_path / "resaved.veua") as zf:
        raw = zf.read("review.json")
    assert b'"schema_version":1' in raw and b"item_digest" not in raw and b"other_digest" not in raw
    # Recording something of schema 3 migrates the review; the old records stay as they were.
    sign_off(doc, "New Auditor", date=DAY)
    save_document(doc, path)
    again = open_document(path)
    assert again.review.schema_version == REVIEW_SCHEMA_ITEMS
    assert again.review.signoffs[0] == so and again.review.signoffs[1].item_digests is not None
    with zipfile.ZipFile(path) as zf:
        assert b'"schema_version":3' in zf.read("review.json")


def test_the_model_refuses_item_records_under_an_older_schema(document: Document, rids: list[str]) -> None:
    _answer(document, rids[0], state=AnswerState.MET)
    sign_off(document, "Ken", date=DAY)
    data = document.review.model_dump(mode="json")
    for version in (1, 2):
        with pytest.raises(ValueError, match="need review schema version"):
            Review.model_validate(data | {"schema_version": version})
    half = dict(data["signoffs"][0], other_digest=None)
    with pytest.raises(ValueError, match="together"):
        Review.model_validate(data | {"signoffs": [half]})


def test_a_sign_off_that_would_not_fit_in_the_file_is_refused(document: Document, rids: list[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from veu_assess.model import review as review_model
    from veu_assess.review import ReviewError, changes

    for key in rids[:3]:
        _answer(document, key, state=AnswerState.MET)
    sign_off(document, "First", date=DAY)
    monkeypatch.setattr(changes, "MAX_REVIEW_ITEM_DIGESTS", 5)
    before = document.review.model_copy(deep=True)
    with pytest.raises(ReviewError, match="would record 3 answers beside the 3 the earlier sign-offs record"):
        sign_off(document, "Second", date=DAY)
    assert document.review == before
    # A file that records more than the bound together is refused when it opens.
    monkeypatch.setattr(review_model, "MAX_REVIEW_ITEM_DIGESTS", 2)
    with pytest.raises(ValueError, match="more than 2 item digests together"):
        Review.model_validate(before.model_dump(mode="json"))
