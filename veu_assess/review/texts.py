"""The review's words shared by the app, the CLI and the report (the ``review_*`` labels of
``veu_assess.text.labels``):

- ``signoff_status_text``: "intact" / "changed after sign-off on DATE" for one sign-off;
- ``protection_statement``: what the sign-off digest protects against, and what it does not;
- ``changes_text``: which items changed since one sign-off (or that it cannot be determined);
- ``stale_text``: the marker of a verdict whose item changed after it.

An unknown language falls back to English (the report and the app only pass en or ja).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from veu_assess.languages import LANGUAGES
from veu_assess.text.labels import labels

if TYPE_CHECKING:
    from veu_assess.review.changes import ChangeKind, SignOffChanges


def text(key: str, lang: str = "en", **values: object) -> str:
    """The label ``review_<key>`` in ``lang``; a missing key is a broken installation (LabelsError)."""
    return labels(lang if lang in LANGUAGES else "en").text(f"review_{key}", **values)


def signoff_status_text(changed: bool, signed_on: dt.date, lang: str = "en") -> str:
    if not changed:
        return text("signoff_intact", lang)
    return text("signoff_changed", lang, date=signed_on.isoformat())


def protection_statement(lang: str = "en") -> str:
    return text("protection_statement", lang)


def change_kind_text(kind: ChangeKind, lang: str = "en") -> str:
    return text(f"change_{kind.value}", lang)


def changes_text(changes: SignOffChanges, lang: str = "en", limit: int | None = None) -> str:
    """What changed since the sign-off, in one paragraph ("" when nothing changed).

    ``limit``: name at most that many items, then "and N more" (a report keeps its page budget).
    """
    if not changes.content_changed:
        return ""
    if not changes.items_known:
        return text("changes_unknown", lang)
    if not changes.items:
        return text("changes_other_only" if changes.other_changed else "changes_none_found", lang)
    shown = changes.items if limit is None else changes.items[:limit]
    sep = "、" if lang == "ja" else ", "
    paren = "（{}）" if lang == "ja" else " ({})"
    names = [c.key + paren.format(change_kind_text(c.kind, lang)) for c in shown]
    if len(shown) < len(changes.items):
        names.append(text("changes_more", lang, count=len(changes.items) - len(shown)))
    out = text("changes_items", lang, count=len(changes.items), items=sep.join(names))
    if changes.other_changed:
        out += (" " if lang != "ja" else "") + text("changes_other_too", lang)
    return out


def stale_text(lang: str = "en") -> str:
    return text("verdict_stale", lang)
