"""Recording an auditor's verdict per answer key (requirement id, or ``id@site`` for site-level).

A verdict is written to ``doc.review.verdicts`` only; the answer it judges is never touched. It
records the digest of the item it judged (``review.changes.verdict_is_stale``), which takes the
review part to schema 3.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import ValidationError

from veu_assess.bugs import InputError
from veu_assess.catalog.loader import Catalog
from veu_assess.model.assessment import MAX_SHORT, AnswerState, split_key
from veu_assess.model.review import REVIEW_SCHEMA_ITEMS, Verdict, VerdictState, migrate_review
from veu_assess.storage.digest import item_digest
from veu_assess.storage.document import Document

# The same shapes the model and the catalog accept; checked here so a bad key fails with a
# sentence rather than deep inside pydantic.
_KEY = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*(@[a-z0-9][a-z0-9-]{0,39})?$")


class ReviewError(InputError):
    """A review operation was asked something impossible; the message says what, in one line."""


COMMENT_REQUIRED = frozenset({VerdictState.REJECTED, VerdictState.NEEDS_INFO})
"""Verdicts that must say why: the operator has to know what is wrong or what to send."""

def comment_required(state: VerdictState | str | None) -> bool:
    return state is not None and VerdictState(state) in COMMENT_REQUIRED


def reviewer_text(name: str, organisation: str = "") -> str:
    """What a verdict records as its reviewer: "Name (Organisation)", or the name alone."""
    name, organisation = " ".join(name.split()), " ".join(organisation.split())
    text = f"{name} ({organisation})" if name and organisation else name
    return text[:MAX_SHORT]


def _check_key(doc: Document, key: str, catalog: Catalog | None) -> None:
    if len(key) > 200 or not _KEY.match(key):
        raise ReviewError(f"not a requirement key: {key!r} (expected an id, or id@site)")
    rid, site = split_key(key)
    if site is not None and site not in {s.id for s in doc.assessment.profile.sites}:
        raise ReviewError(f"{key}: the assessment has no site {site!r}")
    if catalog is not None and rid not in {r.id for _, r in catalog.iter_requirements()}:
        raise ReviewError(f"{key}: the questionnaire has no requirement {rid!r}")


def record_verdict(
    doc: Document,
    key: str,
    state: VerdictState | str,
    comment: str = "",
    adjusted_state: AnswerState | str | None = None,
    reviewer: str = "",
    date: dt.date | None = None,
    catalog: Catalog | None = None,
) -> Verdict:
    """Record (or replace) the verdict on one answer key and return it.

    Pass ``catalog`` to refuse keys of requirements the questionnaire does not have.
    """
    _check_key(doc, key, catalog)
    try:
        verdict = Verdict(
            state=VerdictState(state),
            comment=comment,
            adjusted_state=None if adjusted_state in (None, "") else AnswerState(adjusted_state),
            reviewer=reviewer,
            date=date,
        )
    except (ValueError, ValidationError) as exc:
        raise ReviewError(f"{key}: {_first_error(exc)}") from exc
    if comment_required(verdict.state) and not verdict.comment.strip():
        raise ReviewError(f"{key}: a {verdict.state.value} verdict needs a comment saying what is wrong or missing")
    _store(doc, key, verdict)
    return verdict


def _store(doc: Document, key: str, verdict: Verdict) -> None:
    """Keep ``verdict`` for ``key``, stamped with the digest of the item as it is now.

    A verdict that already carries a digest keeps it (redoing an old verdict brings back what it
    judged). The stamp is set on the object itself, so the one the caller holds (the review panel,
    the undo stack) stays equal to the one stored.
    """
    if verdict.item_digest is None:
        verdict.item_digest = item_digest(doc.assessment.answers.get(key))
    doc.review = migrate_review(doc.review, REVIEW_SCHEMA_ITEMS)
    doc.review.verdicts[key] = verdict


def clear_verdict(doc: Document, key: str) -> bool:
    """Remove the verdict on ``key``; True when there was one."""
    return doc.review.verdicts.pop(key, None) is not None


def apply_verdict(doc: Document, key: str, verdict: Verdict | None, catalog: Catalog | None = None) -> None:
    """Set ``key``'s verdict to a ready-made one, or clear it with None (what the review panel emits)."""
    if verdict is None:
        clear_verdict(doc, key)
        return
    _check_key(doc, key, catalog)
    _store(doc, key, verdict)


def verdict_for(doc: Document, key: str) -> Verdict | None:
    return doc.review.verdicts.get(key)


def _first_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        return f"{where}: {err['msg']}" if where else str(err["msg"])
    return str(exc)
