"""The auditor's part of a .veua file: verdicts per answer and sign-offs, kept apart from answers.

The operator's answers are never changed by a review; a verdict may carry an auditor-adjusted
state, which the engine can show beside the operator's own.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints, field_validator, model_validator

from veu_assess.model.assessment import MAX_SHORT, MAX_TEXT, AnswerState, Day, Strict

ShortText = Annotated[str, StringConstraints(max_length=MAX_SHORT)]
LongText = Annotated[str, StringConstraints(max_length=MAX_TEXT)]


class VerdictState(StrEnum):
    ACCEPTED = "accepted"
    NEEDS_INFO = "needs_info"
    REJECTED = "rejected"


class Verdict(Strict):
    state: VerdictState
    comment: LongText = ""
    adjusted_state: AnswerState | None = None
    reviewer: ShortText = ""
    date: Day | None = None


class SignOffRole(StrEnum):
    OPERATOR_OFFICER = "operator_officer"
    AUDITOR = "auditor"


MAX_SIGNATURE_CHARS = 65_536
"""Base64 of a CMS signature with its certificates; a signer certificate and a chain of a few
certificates take 2 to 10 kB, so 48 kB of DER is ample and a huge blob is refused when the file opens."""
SignatureText = Annotated[str, StringConstraints(max_length=MAX_SIGNATURE_CHARS, pattern=r"^[A-Za-z0-9+/]+={0,2}$")]

REVIEW_SCHEMA_UNSIGNED = 1
REVIEW_SCHEMA_SIGNED = 2
"""review.json's own schema: 1 has sign-offs without signatures (what every earlier app wrote and
still what an unsigned review is written as, so earlier apps keep reading it); 2 adds a sign-off's
CMS signature and the questionnaire version it covered. Signing migrates a review from 1 to 2."""


class SignOff(Strict):
    """A sign-off records the content digest it saw, so later changes can be detected; a signed
    one also carries the signer's CMS signature over its canonical statement (signing/statement.py)."""

    name: ShortText = Field(min_length=1)
    organisation: ShortText = ""
    role: ShortText = ""
    kind: SignOffRole = SignOffRole.AUDITOR
    date: Day
    statement: LongText = ""
    digest: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    catalog_version: ShortText = ""  # the questionnaire version signed for (signed sign-offs)
    signature: SignatureText | None = None  # base64 DER CMS SignedData, detached, certificate embedded

    @property
    def signed(self) -> bool:
        return self.signature is not None


class Review(Strict):
    schema_version: int = REVIEW_SCHEMA_UNSIGNED
    verdicts: dict[Annotated[str, StringConstraints(max_length=200)], Verdict] = Field(default_factory=dict)
    signoffs: list[SignOff] = Field(default_factory=list, max_length=100)

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, v: int) -> int:
        if v not in (REVIEW_SCHEMA_UNSIGNED, REVIEW_SCHEMA_SIGNED):
            raise ValueError(f"review schema version {v} is not one this app reads "
                             f"({REVIEW_SCHEMA_UNSIGNED} or {REVIEW_SCHEMA_SIGNED}); a newer app may read it")
        return v

    @model_validator(mode="after")
    def _signatures_need_version_2(self) -> Review:
        if self.schema_version == REVIEW_SCHEMA_UNSIGNED and any(
                so.signed or so.catalog_version for so in self.signoffs):
            raise ValueError(f"signed sign-offs need review schema version {REVIEW_SCHEMA_SIGNED}")
        return self


def migrate_review_to_signed(review: Review) -> Review:
    """The one schema step signing takes: a version 1 review as version 2 (nothing else changes:
    every verdict and every earlier, unsigned sign-off is kept as it was)."""
    if review.schema_version >= REVIEW_SCHEMA_SIGNED:
        return review
    return review.model_copy(update={"schema_version": REVIEW_SCHEMA_SIGNED})
