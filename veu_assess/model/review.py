"""The auditor's part of a .veua file: verdicts per answer and sign-offs, kept apart from answers.

The operator's answers are never changed by a review; a verdict may carry an auditor-adjusted
state, which the engine can show beside the operator's own.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import (
    Field,
    SerializerFunctionWrapHandler,
    StringConstraints,
    field_validator,
    model_serializer,
    model_validator,
)

from veu_assess.model.assessment import MAX_SHORT, MAX_TEXT, AnswerState, Day, Sha256, Strict

ShortText = Annotated[str, StringConstraints(max_length=MAX_SHORT)]
LongText = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
AnswerKey = Annotated[str, StringConstraints(max_length=200)]
MAX_ITEM_DIGESTS = 20_000
"""Item digests one sign-off may record: every answer of a catalog of ~100 requirements at the
200 sites a profile may have; 85 to 130 bytes each in review.json."""
MAX_REVIEW_ITEM_DIGESTS = 200_000
"""Item digests all sign-offs of a file may record together: at most ~26 MB of review.json, below
the reader's 32 MiB per part (storage.limits), so a review the app writes always opens again."""


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
    # The digest of the item as it was judged (storage.digest.item_digest); when the item changes
    # afterwards the verdict is stale. None: recorded by an app that did not keep it (unknown).
    item_digest: Sha256 | None = None

    @model_serializer(mode="wrap")
    def _unrecorded_left_out(self, handler: SerializerFunctionWrapHandler) -> dict[str, object]:
        return _without_unrecorded(handler(self), ("item_digest",))


class SignOffRole(StrEnum):
    OPERATOR_OFFICER = "operator_officer"
    AUDITOR = "auditor"


MAX_SIGNATURE_CHARS = 65_536
"""Base64 of a CMS signature with its certificates; a signer certificate and a chain of a few
certificates take 2 to 10 kB, so 48 kB of DER is ample and a huge blob is refused when the file opens."""
SignatureText = Annotated[str, StringConstraints(max_length=MAX_SIGNATURE_CHARS, pattern=r"^[A-Za-z0-9+/]+={0,2}$")]

REVIEW_SCHEMA_UNSIGNED = 1
REVIEW_SCHEMA_SIGNED = 2
REVIEW_SCHEMA_ITEMS = 3
REVIEW_SCHEMAS = (REVIEW_SCHEMA_UNSIGNED, REVIEW_SCHEMA_SIGNED, REVIEW_SCHEMA_ITEMS)
"""review.json's own schema: 1 has sign-offs without signatures (what every earlier app wrote);
2 adds a sign-off's CMS signature and the questionnaire version it covered; 3 adds what each
sign-off covered item by item (``item_digests``, ``other_digest``) and, per verdict, the digest
of the item it judged. A review is migrated one way only, when something of a later version is
first recorded in it (docs/design.md, "review.json"); earlier records are kept as they were."""


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
    # What the sign-off covered item by item (schema 3): the item digest of every answer that was
    # not blank, and the digest of the rest of the content. None: an earlier app made the sign-off,
    # so which items changed since cannot be determined for it.
    item_digests: dict[AnswerKey, Sha256] | None = Field(default=None, max_length=MAX_ITEM_DIGESTS)
    other_digest: Sha256 | None = None

    @property
    def signed(self) -> bool:
        return self.signature is not None

    @property
    def records_items(self) -> bool:
        return self.item_digests is not None and self.other_digest is not None

    @model_serializer(mode="wrap")
    def _unrecorded_left_out(self, handler: SerializerFunctionWrapHandler) -> dict[str, object]:
        return _without_unrecorded(handler(self), ("item_digests", "other_digest"))


def _without_unrecorded(data: dict[str, object], fields: tuple[str, ...]) -> dict[str, object]:
    """Schema 3's fields are not written when not recorded, so a review without them is written
    exactly as the apps before schema 3 wrote it and they keep reading it."""
    for name in fields:
        if name in data and data[name] is None:
            del data[name]
    return data


class Review(Strict):
    schema_version: int = REVIEW_SCHEMA_UNSIGNED
    verdicts: dict[AnswerKey, Verdict] = Field(default_factory=dict)
    signoffs: list[SignOff] = Field(default_factory=list, max_length=100)

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, v: int) -> int:
        if v not in REVIEW_SCHEMAS:
            raise ValueError(f"review schema version {v} is not one this app reads "
                             f"({', '.join(map(str, REVIEW_SCHEMAS))}); a newer app may read it")
        return v

    @model_validator(mode="after")
    def _records_need_their_version(self) -> Review:
        if self.schema_version < REVIEW_SCHEMA_SIGNED and any(
                so.signed or so.catalog_version for so in self.signoffs):
            raise ValueError(f"signed sign-offs need review schema version {REVIEW_SCHEMA_SIGNED}")
        if self.schema_version < REVIEW_SCHEMA_ITEMS and (
                any(so.item_digests is not None or so.other_digest is not None for so in self.signoffs)
                or any(v.item_digest is not None for v in self.verdicts.values())):
            raise ValueError(f"item digests in sign-offs and verdicts need review schema version "
                             f"{REVIEW_SCHEMA_ITEMS}")
        if sum(len(so.item_digests or ()) for so in self.signoffs) > MAX_REVIEW_ITEM_DIGESTS:
            raise ValueError(f"the sign-offs record more than {MAX_REVIEW_ITEM_DIGESTS:,} item digests together")
        if any((so.item_digests is None) != (so.other_digest is None) for so in self.signoffs):
            raise ValueError("a sign-off records its item digests and its other_digest together, or neither")
        return self


def migrate_review(review: Review, version: int) -> Review:
    """The review at schema ``version`` at least (nothing else changes: every verdict and every
    earlier sign-off is kept as it was). Versions only go up."""
    if review.schema_version >= version:
        return review
    return review.model_copy(update={"schema_version": version})


def migrate_review_to_signed(review: Review) -> Review:
    """The schema step signing took before sign-offs recorded items: a version 1 review as version 2."""
    return migrate_review(review, REVIEW_SCHEMA_SIGNED)
