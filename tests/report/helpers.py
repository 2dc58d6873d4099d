"""Builders of assessments for the report tests (ids come from the loaded catalog, never hard-coded)."""

from __future__ import annotations

import datetime as dt

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


def sha(n: int) -> str:
    return f"{n:064x}"


def evidence(n: int, name: str | None = None) -> EvidenceRef:
    return EvidenceRef(sha256=sha(n), filename=name or f"evidence-{n:03d}.pdf", size=1000 + n,
                       added=dt.date(2026, 11, 1))


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
    return its
