"""The assessment data model: answers, evidence references, review, sign-off (no Qt)."""

from typing import TYPE_CHECKING

from veu_assess._lazy import lazy_exports

if TYPE_CHECKING:
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

# Imported on first use: importing one module of the package must not load them all.
__getattr__ = lazy_exports(
    __name__,
    {
        "SCHEMA_VERSION": "veu_assess.model.assessment",
        "Accelerator": "veu_assess.model.assessment",
        "Answer": "veu_assess.model.assessment",
        "AnswerState": "veu_assess.model.assessment",
        "Assessment": "veu_assess.model.assessment",
        "EvidenceRef": "veu_assess.model.assessment",
        "Profile": "veu_assess.model.assessment",
        "Site": "veu_assess.model.assessment",
        "answer_key": "veu_assess.model.assessment",
        "split_key": "veu_assess.model.assessment",
        "Review": "veu_assess.model.review",
        "SignOff": "veu_assess.model.review",
        "SignOffRole": "veu_assess.model.review",
        "Verdict": "veu_assess.model.review",
        "VerdictState": "veu_assess.model.review",
    },
)
