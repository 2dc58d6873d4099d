"""The assessment data model: answers, evidence references, review, sign-off (no Qt)."""

from veu_assess.model.assessment import (
    SCHEMA_VERSION,
    Accelerator,
    Answer,
    AnswerState,
    Assessment,
    EvidenceRef,
    Profile,
    Site,
    answer_key,
    split_key,
)
from veu_assess.model.review import Review, SignOff, SignOffRole, Verdict, VerdictState

__all__ = [
    "SCHEMA_VERSION",
    "Accelerator",
    "Answer",
    "AnswerState",
    "Assessment",
    "EvidenceRef",
    "Profile",
    "Review",
    "SignOff",
    "SignOffRole",
    "Site",
    "Verdict",
    "VerdictState",
    "answer_key",
    "split_key",
]
