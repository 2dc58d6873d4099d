"""Tamper evidence: the content digest, evidence verification and a file's integrity state.

Three states, checked in this order:
- "modified by another program": the hashes the manifest recorded (entries, content digest,
  evidence list) or the evidence blobs' SHA-256 no longer match the content;
- "changed after sign-off on DATE": the content digest differs from the one the latest sign-off saw;
- "intact".
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from enum import StrEnum

from veu_assess.storage.archive import ZIP_ERRORS
from veu_assess.storage.digest import CHUNK
from veu_assess.storage.document import ArchivePool, Document


class IntegrityKind(StrEnum):
    INTACT = "intact"
    MODIFIED = "modified by another program"
    CHANGED_AFTER_SIGNOFF = "changed after sign-off"


@dataclass(frozen=True)
class EvidenceProblem:
    """One evidence blob that does not match its reference, with the answers that cite it."""

    sha256: str
    requirements: tuple[str, ...]
    problem: str

    def __str__(self) -> str:
        where = ", ".join(self.requirements) or "no answer"
        return f"evidence {self.sha256[:12]}… ({where}): {self.problem}"


@dataclass(frozen=True)
class IntegrityState:
    kind: IntegrityKind
    detail: str = ""
    signoff_date: dt.date | None = None

    def __str__(self) -> str:
        if self.kind is IntegrityKind.CHANGED_AFTER_SIGNOFF and self.signoff_date is not None:
            return f"changed after sign-off on {self.signoff_date.isoformat()}"
        return self.kind.value + (f" ({self.detail})" if self.detail else "")


def changed_since(doc: Document, digest: str, current: str | None = None) -> bool:
    """True when the content is no longer what a sign-off that recorded ``digest`` saw.
    ``current`` is ``doc.digest()`` when the caller has it (hashing a large file takes a second:
    a hundred sign-offs must not hash it a hundred times)."""
    current = doc.digest() if current is None else current
    if current == digest:
        return False
    src = doc.source
    # A file migrated from an older version: its recorded digest was computed by that version's
    # rules. If the entries were intact and nothing was edited since opening, the content is the
    # one the old digest describes.
    return not (src is not None and src.migrated_from is not None and not src.problems
                and src.manifest_digest == digest and current == src.opened_digest)


def _requirements_citing(doc: Document) -> dict[str, list[str]]:
    citing: dict[str, list[str]] = {}
    for key, answer in sorted(doc.assessment.answers.items()):
        for ev in answer.evidence:
            citing.setdefault(ev.sha256, []).append(key)
    return citing


def _sizes(doc: Document) -> dict[str, set[int]]:
    sizes: dict[str, set[int]] = {}
    for answer in doc.assessment.answers.values():
        for ev in answer.evidence:
            sizes.setdefault(ev.sha256, set()).add(ev.size)
    return sizes


def verify_evidence(doc: Document) -> list[EvidenceProblem]:
    """Hash every evidence blob (streamed, one chunk in memory at a time) against its reference.

    Reading stops once a blob is longer than any size recorded for it: a blob that grew cannot
    match, and an entry that inflates without end must not be hashed to the end.
    """
    problems = []
    citing, sizes = _requirements_citing(doc), _sizes(doc)
    with ArchivePool() as pool:  # each .veua opened once for the whole pass
        for sha in sorted(citing):
            reqs = tuple(citing[sha])
            problem = _check_blob(doc, sha, sizes[sha], pool)
            if problem:
                problems.append(EvidenceProblem(sha, reqs, problem))
    return problems


def _check_blob(doc: Document, sha: str, sizes: set[int], pool: ArchivePool) -> str:
    """Why the blob ``sha`` does not match its reference ("" when it does)."""
    if sha not in doc.evidence:
        return "the file is missing"
    h, size, cap = hashlib.sha256(), 0, max(sizes)
    try:
        with doc.open_evidence(sha, pool) as fh:
            while chunk := fh.read(CHUNK):
                h.update(chunk)
                size += len(chunk)
                if size > cap:
                    return f"it is longer than the {cap:,} bytes recorded for it"
    except (OSError, *ZIP_ERRORS) as exc:
        return f"cannot be read ({str(exc)[:120] or type(exc).__name__})"
    if h.hexdigest() != sha:
        return "its content does not match its SHA-256"
    if size not in sizes:
        return f"its size {size:,} differs from the size recorded"
    return ""


def integrity_state(doc: Document, evidence_problems: list[EvidenceProblem] | None = None) -> IntegrityState:
    """The file's integrity; pass ``verify_evidence(doc)`` to include the (slow) evidence check."""
    src = doc.source
    if src is not None and src.problems:
        return IntegrityState(IntegrityKind.MODIFIED, src.problems[0])
    if evidence_problems:
        return IntegrityState(IntegrityKind.MODIFIED, str(evidence_problems[0]))
    signoffs = doc.review.signoffs
    if signoffs:
        latest = max(reversed(signoffs), key=lambda s: s.date)  # ties: the last one added
        if changed_since(doc, latest.digest):
            return IntegrityState(IntegrityKind.CHANGED_AFTER_SIGNOFF, signoff_date=latest.date)
    return IntegrityState(IntegrityKind.INTACT)


__all__ = ["EvidenceProblem", "IntegrityKind", "IntegrityState", "changed_since", "integrity_state",
           "verify_evidence"]
