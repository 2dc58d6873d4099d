"""The canonical sign-off statement: the exact bytes a signature covers.

The bytes are canonical JSON (sorted keys, no spaces, UTF-8) of what the signer vouches for: the
content digest of the answers and evidence, what that digest covers, who signs (name,
organisation, role, kind), when, the statement text and the questionnaire version. They are
rebuilt from the sign-off itself, so the .veua stores no second copy that could disagree; anyone
can write them out (``veu-assess signoff export``) and check them with ``openssl cms -verify``.

A sign-off that records what it covered item by item (review schema 3) has a version 2 statement:
the same fields plus every item digest and the digest of the rest of the content, so the per-item
record is signed too. Removing the item digests from a signed sign-off, or adding some to an
earlier one, changes the statement bytes and its signature no longer verifies.
"""

from __future__ import annotations

import json
from typing import Any

from veu_assess.model.review import SignOff

STATEMENT_FORMAT = "veua-signoff-statement-v1"
STATEMENT_FORMAT_ITEMS = "veua-signoff-statement-v2"
COVERS = ("the assessment content: every answer, the applicant profile, sites and inventory, and every "
          "evidence file by its SHA-256 (content digest veua-content-v1)")
COVERS_ITEMS = (COVERS + "; and item by item: each answer's digest (veua-item-v1) and the digest of the "
                "content outside the answers (veua-other-v1)")


def statement_data(signoff: SignOff) -> dict[str, Any]:
    items = signoff.item_digests is not None or signoff.other_digest is not None
    data: dict[str, Any] = {
        "format": STATEMENT_FORMAT_ITEMS if items else STATEMENT_FORMAT,
        "content_digest": f"sha256:{signoff.digest}",
        "covers": COVERS_ITEMS if items else COVERS,
        "signer_name": signoff.name,
        "organisation": signoff.organisation,
        "role": signoff.role,
        "kind": signoff.kind.value,
        "date": signoff.date.isoformat(),
        "statement": signoff.statement,
        "catalog_version": signoff.catalog_version,
    }
    if items:
        data["item_digests"] = {k: f"sha256:{v}" for k, v in sorted((signoff.item_digests or {}).items())}
        data["other_digest"] = f"sha256:{signoff.other_digest}"
    return data


def statement_bytes(signoff: SignOff) -> bytes:
    """What the signature of ``signoff`` is over (the same bytes for the same sign-off, always)."""
    return json.dumps(statement_data(signoff), sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8") + b"\n"
