"""A signed sign-off: the same record as a typed-in one, plus the signer's CMS signature over its
canonical statement. The name and organisation come from the certificate, never from a text
field, so what the file shows is who the key belongs to.

The sign-off records what it covered item by item (``review.changes.covered_items``), inside the
signed statement. Signing migrates the review part to schema 3 (model.review.migrate_review);
every verdict and earlier sign-off is kept as it was.
"""

from __future__ import annotations

import base64
import datetime as dt

from pydantic import ValidationError

from veu_assess.model.review import REVIEW_SCHEMA_ITEMS, SignOff, SignOffRole, migrate_review
from veu_assess.review.changes import covered_items
from veu_assess.review.verdicts import ReviewError
from veu_assess.signing.cms import sign
from veu_assess.signing.errors import SigningError
from veu_assess.signing.keys import Identity
from veu_assess.signing.statement import statement_bytes
from veu_assess.storage.document import Document

MAX_SIGNOFFS = 100


def signed_sign_off(doc: Document, identity: Identity, kind: SignOffRole | str = SignOffRole.AUDITOR,
                    role: str = "", statement: str = "", date: dt.date | None = None) -> SignOff:
    """Append a signed sign-off over the document's current content digest and return it.

    Raises SigningError (the key cannot sign) or ReviewError (the sign-off itself is refused);
    in both cases the document is unchanged.
    """
    if not identity.name.strip():
        raise SigningError("the certificate has no common name (CN) to sign with")
    if len(doc.review.signoffs) >= MAX_SIGNOFFS:
        raise ReviewError(f"this assessment already has {MAX_SIGNOFFS} sign-offs")
    try:
        unsigned = SignOff(name=identity.name.strip(), organisation=identity.organisation.strip(),
                           role=role.strip(), kind=SignOffRole(kind), date=date or dt.date.today(),
                           statement=statement, digest=doc.digest(),
                           catalog_version=doc.assessment.catalog_version, **covered_items(doc))
    except (ValueError, ValidationError) as exc:
        raise ReviewError(f"sign-off: {str(exc).splitlines()[0][:200]}") from None
    blob = sign(identity, statement_bytes(unsigned))
    signed = unsigned.model_copy(update={"signature": base64.b64encode(blob).decode("ascii")})
    review = migrate_review(doc.review, REVIEW_SCHEMA_ITEMS)
    review.signoffs = [*review.signoffs, SignOff.model_validate(signed.model_dump())]  # validated
    doc.review = review
    return signed
