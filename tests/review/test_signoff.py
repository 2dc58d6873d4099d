"""Sign-offs record the digest they saw; signoff_status tells intact from changed after sign-off."""

from __future__ import annotations

import datetime as dt

import pytest

from veu_assess.catalog.loader import Catalog
from veu_assess.model.assessment import Answer, AnswerState, EvidenceRef
from veu_assess.model.review import SignOffRole
from veu_assess.review import ReviewError, record_verdict, sign_off, signoff_status
from veu_assess.review.texts import protection_statement
from veu_assess.storage.document import Document

OFFICER_DAY, AUDIT_DAY = dt.date(2026, 11, 30), dt.date(2026, 12, 3)


@pytest.fixture
def rid(catalog: Catalog) -> str:
    return next(r.id for _, r in catalog.iter_requirements())


def test_sign_off_records_the_digest_seen(document: Document, rid: str) -> None:
    document.assessment.set_answer(rid, Answer(state=AnswerState.MET))
    so = sign_off(document, " Hanako Sato ", "Example KK", "Chief compliance officer",
                  "operator_officer", OFFICER_DAY, "Answers are complete and correct.")
    assert so.digest == document.digest()
    assert (so.name, so.kind, so.date) == ("Hanako Sato", SignOffRole.OPERATOR_OFFICER, OFFICER_DAY)
    assert document.review.signoffs == [so]
    [status] = signoff_status(document)
    assert status.intact and status.text() == "intact" and status.text("ja") == "変更なし"


def test_a_later_answer_change_is_detected_per_signoff(document: Document, rid: str) -> None:
    document.assessment.set_answer(rid, Answer(state=AnswerState.MET))
    sign_off(document, "Hanako Sato", kind="operator_officer", date=OFFICER_DAY)
    document.assessment.set_answer(rid, Answer(state=AnswerState.PARTIALLY_MET))
    sign_off(document, "Ken Auditor", kind="auditor", date=AUDIT_DAY)

    first, second = signoff_status(document)
    assert first.changed and str(first) == "changed after sign-off on 2026-11-30"
    assert first.text("ja") == "2026-11-30 の署名後に変更されています"
    assert second.intact and second.index == 1


def test_review_work_after_sign_off_keeps_it_intact(document: Document, rid: str) -> None:
    document.assessment.set_answer(rid, Answer(state=AnswerState.MET))
    sign_off(document, "Ken Auditor", date=AUDIT_DAY)
    record_verdict(document, rid, "rejected", comment="no evidence")
    sign_off(document, "Second Auditor", date=AUDIT_DAY)
    assert [s.intact for s in signoff_status(document)] == [True, True]


def test_added_evidence_counts_as_a_change(document: Document, rid: str) -> None:
    document.assessment.set_answer(rid, Answer(state=AnswerState.MET))
    sign_off(document, "Ken Auditor", date=AUDIT_DAY)
    ref = EvidenceRef(sha256="ab" * 32, filename="policy.pdf", size=10)
    document.assessment.set_answer(rid, Answer(state=AnswerState.MET, evidence=[ref]))
    assert signoff_status(document)[0].changed


def test_bad_sign_off_input(document: Document) -> None:
    with pytest.raises(ReviewError, match="name"):
        sign_off(document, "   ", date=AUDIT_DAY)
    with pytest.raises(ReviewError, match="'boss' is not a valid SignOffRole"):
        sign_off(document, "Ken", kind="boss", date=AUDIT_DAY)
    assert document.review.signoffs == []


def test_texts_exist_in_both_languages_and_say_the_limits() -> None:
    assert "not a cryptographic signature" in protection_statement("en")
    assert "暗号署名ではありません" in protection_statement("ja")
    assert protection_statement("fr") == protection_statement("en")


def test_signoff_status_hashes_the_content_once(document: Document, rid: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A hash of a large file takes about a second: twenty sign-offs must not take twenty."""
    from veu_assess.storage import document as document_module

    document.assessment.set_answer(rid, Answer(state=AnswerState.MET))
    for i in range(20):
        sign_off(document, f"Signer {i}", date=AUDIT_DAY)
    document.assessment.set_answer(rid, Answer(state=AnswerState.NOT_MET))
    real, calls = document_module.content_digest, []
    monkeypatch.setattr(document_module, "content_digest", lambda a: calls.append(1) or real(a))
    statuses = signoff_status(document)
    assert len(statuses) == 20 and all(st.changed for st in statuses)
    assert len(calls) == 1
    calls.clear()
    assert all(st.changed for st in signoff_status(document, document.digest()))
    assert len(calls) == 1  # the caller's digest: none more
