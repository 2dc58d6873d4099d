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

from veu_assess.model.assessment import Assessment

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


def sha256_stream(stream: IO[bytes]) -> tuple[str, int]:
    """Hash a binary stream in chunks; return (hex digest, size). Never holds the whole file."""
    h = hashlib.sha256()
    size = 0
    while chunk := stream.read(CHUNK):
        h.update(chunk)
        size += len(chunk)
    return h.hexdigest(), size
