"""Sign-offs: who signed what content, and whether that content changed since.

A sign-off records the content digest (``storage.digest.content_digest``: the canonical answers
plus the evidence hashes) at the moment of signing, and what it covered item by item
(``review.changes``: which items changed since). The review part is outside the digest, so
later verdicts or further sign-offs never make an earlier sign-off look broken.
Whether content changed is decided by ``storage.integrity.changed_since`` (one rule for the app,
the CLI and the report).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pydantic import ValidationError

from veu_assess.model.review import REVIEW_SCHEMA_ITEMS, SignOff, SignOffRole, migrate_review
from veu_assess.review.changes import covered_items
from veu_assess.review.texts import signoff_status_text
from veu_assess.review.verdicts import ReviewError, _first_error
from veu_assess.storage.document import Document
from veu_assess.storage.integrity import changed_since


@dataclass(frozen=True)
class SignOffStatus:
    """One sign-off and whether the content it saw is still the content of the document."""

    index: int  # position in doc.review.signoffs
    signoff: SignOff
    changed: bool

    @property
    def intact(self) -> bool:
        return not self.changed

    def text(self, lang: str = "en") -> str:
        """'intact' or 'changed after sign-off on DATE' (Japanese with lang='ja')."""
        return signoff_status_text(self.changed, self.signoff.date, lang)

    def __str__(self) -> str:
        return self.text("en")


def sign_off(
    doc: Document,
    name: str,
    organisation: str = "",
    role: str = "",
    kind: SignOffRole | str = SignOffRole.AUDITOR,
    date: dt.date | None = None,
    statement: str = "",
) -> SignOff:
    """Append a sign-off that records the content digest the signer saw, and return it."""
    if not name.strip():
        raise ReviewError("a sign-off needs the signer's name")
    try:
        signoff = SignOff(
            name=name.strip(),
            organisation=organisation.strip(),
            role=role.strip(),
            kind=SignOffRole(kind),
            date=date or dt.date.today(),
            statement=statement,
            digest=doc.digest(),
            **covered_items(doc),
        )
    except (ValueError, ValidationError) as exc:
        raise ReviewError(f"sign-off: {_first_error(exc)}") from exc
    if len(doc.review.signoffs) >= 100:  # the model's bound; say so before pydantic does
        raise ReviewError("this assessment already has 100 sign-offs")
    doc.review = migrate_review(doc.review, REVIEW_SCHEMA_ITEMS)
    doc.review.signoffs = [*doc.review.signoffs, signoff]  # assignment: the model validates it
    return signoff


def signoff_status(doc: Document, current: str | None = None) -> list[SignOffStatus]:
    """Every sign-off in the order they were made, each intact or changed since. The content is
    hashed once for all of them (``current``: ``doc.digest()`` when the caller has it), not once
    per sign-off: the Review page redraws this list after every verdict."""
    signoffs = doc.review.signoffs
    if not signoffs:
        return []
    current = doc.digest() if current is None else current
    return [SignOffStatus(i, so, changed_since(doc, so.digest, current)) for i, so in enumerate(signoffs)]
