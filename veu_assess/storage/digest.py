"""Canonical JSON and the content digest that sign-offs record (tamper evidence).

The digest covers the operator's content: the canonical assessment JSON and the sorted SHA-256
hashes of every evidence file it references. The review part is not covered, so an auditor's
verdicts and sign-offs never change the digest they sign.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import IO, Any

from veu_assess.model.assessment import Answer, Assessment

CHUNK = 1 << 20


def canonical_json(data: Any) -> bytes:
    """Deterministic JSON: sorted keys, no insignificant whitespace, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def assessment_json(assessment: Assessment) -> Any:
    return assessment.model_dump(mode="json")


def content_digest(assessment: Assessment, evidence_hashes: Iterable[str] | None = None) -> str:
    """SHA-256 over the canonical assessment and its evidence hashes."""
    hashes = sorted(set(evidence_hashes if evidence_hashes is not None else assessment.evidence_hashes()))
    payload = {"assessment": assessment_json(assessment), "evidence": hashes}
    return hashlib.sha256(b"veua-content-v1\n" + canonical_json(payload)).hexdigest()


ITEM_DIGEST_FORMAT = "veua-item-v1"
OTHER_DIGEST_FORMAT = "veua-other-v1"


def item_digest(answer: Answer | None) -> str:
    """SHA-256 of everything the operator recorded for one item (a requirement, or one site of it).

    It covers the answer state, justification, notes, the evidence files (SHA-256, name, size, date
    added, in order), the remediation owner and due date, and the operator's "mark for review"
    flag: every field of the answer, so a change of the content digest is always a change of an
    item or of the rest (``other_digest``). Fields at their default are left out, so a field a
    later version adds with a default does not make every item look changed; no answer and a blank
    one have the same digest.
    """
    data = answer.model_dump(mode="json", exclude_defaults=True) if answer is not None else {}
    return hashlib.sha256(f"{ITEM_DIGEST_FORMAT}\n".encode() + canonical_json(data)).hexdigest()


def item_digests(assessment: Assessment) -> dict[str, str]:
    """The item digest of every answer that is not blank, keyed by answer key (what a sign-off stores)."""
    return {key: item_digest(answer) for key, answer in sorted(assessment.answers.items()) if not answer.is_blank()}


def other_digest(assessment: Assessment) -> str:
    """SHA-256 of the content outside the answers: title, dates, profile and sites, inventory, BOM."""
    data = assessment.model_dump(mode="json", exclude_defaults=True, exclude={"answers", "schema_version"})
    return hashlib.sha256(f"{OTHER_DIGEST_FORMAT}\n".encode() + canonical_json(data)).hexdigest()


def sha256_stream(stream: IO[bytes]) -> tuple[str, int]:
    """Hash a binary stream in chunks; return (hex digest, size). Never holds the whole file."""
    h = hashlib.sha256()
    size = 0
    while chunk := stream.read(CHUNK):
        h.update(chunk)
        size += len(chunk)
    return h.hexdigest(), size
