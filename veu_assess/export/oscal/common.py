"""Small helpers shared by the OSCAL builders: stable UUIDs, timestamps, tokens, props, text.

Why these exist:
- UUIDs are UUIDv5 derived from the assessment id and an element path, so exporting the same
  assessment twice gives the same document, and the same answer keeps the same observation UUID
  in the assessment results and in the POA&M (OSCAL asks for UUIDs assigned "per subject").
- Timestamps come from the document's own dates (assessment, verdicts, sign-offs; midnight UTC),
  never from the clock.
- Several OSCAL fields are "StringDatatype" (one line, no leading/trailing blanks, non-empty) or
  "TokenDatatype"; user text is normalised here so that any answer the model admits exports
  to a valid document.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import TYPE_CHECKING, Any

from veu_assess.bugs import InputError
from veu_assess.languages import LANGUAGES

if TYPE_CHECKING:
    from veu_assess.storage.document import Document

OSCAL_VERSION = "1.0.6"
NS = "urn:veu-assess:oscal"
"""Namespace of every prop this tool defines (OSCAL requires an ns for non-OSCAL prop names)."""


_ROOT = uuid.uuid5(uuid.NAMESPACE_URL, NS)
_NOT_TOKEN = re.compile(r"[^a-z0-9._-]+")


def stable_uuid(assessment_id: str, *path: str) -> str:
    """A UUIDv5 for an element of the export of one assessment; same inputs, same UUID.

    Paths start with fixed words ("finding", "resource", "citation", ...) and end with at most
    one free text (a name, a citation), so two different elements never join to the same string.
    """
    return str(uuid.uuid5(_ROOT, "/".join((assessment_id, *path))))


def stamp(day: dt.date, where: str = "") -> str:
    """Midnight UTC of a date, in the RFC 3339 form OSCAL's date-time pattern accepts.

    ``where``: which date this is (``due date of APP-01``), for the message when it cannot be.
    """
    # NIST's pattern only admits years 1900-2999; say so plainly instead of exporting junk.
    if not 1900 <= day.year <= 2999:
        what = f"the {where} " if where else "the date "
        raise InputError(f"OSCAL cannot express {what}{day.isoformat()} (years 1900-2999 only)")
    return f"{day.isoformat()}T00:00:00Z"


def export_lang(lang: str) -> str:
    """The language the texts are really in: the catalog falls back to English for any other code."""
    return lang if lang in LANGUAGES else "en"


def last_modified(doc: Document) -> dt.date:
    """The latest date the document carries: its creation and assessment dates, every verdict
    date and every sign-off date. Read from the document, never from the clock, so the same
    file always exports the same bytes."""
    review = doc.review
    dates = [doc.assessment.created, doc.assessment.assessment_date]
    dates += [v.date for v in review.verdicts.values() if v.date is not None]
    dates += [s.date for s in review.signoffs]
    return max(dates)


def token(text: str) -> str:
    """An OSCAL token (XML NCName) from an id: lower case, other characters become '-'."""
    tok = _NOT_TOKEN.sub("-", text.strip().lower()).strip("-") or "id"
    # A token must start with a letter or '_'; a requirement id always does, a site id may not.
    return tok if tok[0].isalpha() or tok[0] == "_" else f"_{tok}"


def line(text: str | None) -> str | None:
    """One line of text for a StringDatatype field, or None when nothing is left."""
    if text is None:
        return None
    collapsed = " ".join(text.split())
    return collapsed or None


def prop(name: str, value: object, cls: str | None = None) -> dict[str, Any] | None:
    """A prop in this tool's namespace; None when the value is empty (OSCAL forbids empty values)."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = line(None if value is None else str(value)) or ""
    if not text:
        return None
    out: dict[str, Any] = {"name": name, "ns": NS, "value": text}
    if cls:
        out["class"] = cls
    return out


def props(*items: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The props that are not None."""
    return [p for p in items if p is not None]


def compact(obj: dict[str, Any]) -> dict[str, Any]:
    """Drop absent values and empty lists: OSCAL arrays have minItems 1, so [] is invalid."""
    return {k: v for k, v in obj.items() if v is not None and v != [] and v != {}}


def paragraphs(*parts: str | None) -> str:
    """Join non-empty blocks of (markup-multiline) text with blank lines."""
    return "\n\n".join(p.strip() for p in parts if p and p.strip())
