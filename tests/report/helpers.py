"""Builders of assessments for the report tests (ids come from the loaded catalog, never hard-coded)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from typing import IO

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.visibility import Item, visible_items
from veu_assess.model.assessment import Answer, AnswerState, EvidenceRef, Site
from veu_assess.storage.document import Document

FIXED_ID = "0a1b2c3d-4e5f-6789-abcd-ef0123456789"


def profile_doc(document: Document, applicant: str = "Sakura Compute K.K.") -> Document:
    """A document with a fixed id and a filled profile with two sites."""
    a = document.assessment
    a.id = FIXED_ID
    p = a.profile
    p.applicant_name = applicant
    p.destination_country = "AE"
    p.parent_hq_country = "JP"
    p.sells_compute_to_third_parties = True
    p.hosts_model_training = True
    p.has_government_ownership = False
    p.sites = [Site(id="tokyo-1", name="東京第一データセンター", address="Koto-ku, Tokyo", country="JP"),
               Site(id="dubai-1", name="Dubai South DC", address="Dubai South", country="AE")]
    return document


def items(catalog: Catalog, document: Document) -> list[Item]:
    return visible_items(catalog, document.assessment)


def blob(n: int) -> bytes:
    """The content of evidence file ``n`` (1000 + n bytes)."""
    return (f"evidence file {n}\n".encode() * 100)[:1000 + n]


def sha(n: int) -> str:
    return hashlib.sha256(blob(n)).hexdigest()


_BLOBS: dict[str, bytes] = {}


class MemorySource:
    """Evidence held in memory (tests only), so the report's evidence check finds real content."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def open(self, pool: object = None) -> IO[bytes]:
        return io.BytesIO(self.data)


def evidence(n: int, name: str | None = None) -> EvidenceRef:
    _BLOBS[sha(n)] = blob(n)
    return EvidenceRef(sha256=sha(n), filename=name or f"evidence-{n:03d}.pdf", size=1000 + n,
                       added=dt.date(2026, 11, 1))


def attach_blobs(document: Document) -> Document:
    """Give the document the content of every evidence file its answers cite (see ``evidence``)."""
    for digest in document.assessment.evidence_hashes():
        document.evidence[digest] = MemorySource(_BLOBS[digest])  # type: ignore[assignment]
    return document


def answer_all(catalog: Catalog, document: Document, *, leave_unanswered: int = 0) -> list[Item]:
    """Answer every visible item with a rotating state (N/A with a justification); return the items."""
    states = [AnswerState.MET, AnswerState.PARTIALLY_MET, AnswerState.NOT_MET, AnswerState.UNCERTAIN,
              AnswerState.NOT_APPLICABLE, AnswerState.MET]
    its = items(catalog, document)
    for i, it in enumerate(its[leave_unanswered:]):
        st = states[i % len(states)]
        just = f"Justification {it.key}: not relevant to this site." if st is AnswerState.NOT_APPLICABLE else ""
        document.assessment.set_answer(
            it.requirement.id,
            Answer(state=st, justification=just, notes=f"Notes for {it.key}.\nメモ：{it.key} の確認済み。",
                   evidence=[evidence(i % 7)] if i % 3 == 0 else []),
            it.site_id,
        )
    attach_blobs(document)
    return its
