"""Change since sign-off, item by item, and stale verdicts (one path for the app, CLI and report).

A sign-off made by this version records what it covered: the item digest of every answer that
was not blank and the digest of the rest of the content (``storage.digest``). Comparing those with
the content now says which items changed since; a sign-off made by an earlier version recorded
only the whole-content digest, so for it the answer is "changed, which items cannot be
determined", never a guess. Whether anything changed at all stays the rule of
``storage.integrity.changed_since``: when it says unchanged, no item is listed.

A verdict records the digest of the item it judged; when the item changes afterwards the verdict
is stale. A verdict recorded by an earlier version has no digest and is never called stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from veu_assess.model.review import MAX_ITEM_DIGESTS, MAX_REVIEW_ITEM_DIGESTS, SignOff
from veu_assess.storage.digest import item_digest, item_digests, other_digest
from veu_assess.storage.document import Document
from veu_assess.storage.integrity import changed_since


class ChangeKind(StrEnum):
    CHANGED = "changed"  # answered at sign-off, answered differently now
    ANSWERED = "answered"  # blank at sign-off, answered now
    CLEARED = "cleared"  # answered at sign-off, blank now


@dataclass(frozen=True)
class ItemChange:
    key: str  # the answer key: requirement id, or id@site
    kind: ChangeKind


@dataclass(frozen=True)
class SignOffChanges:
    """What changed since one sign-off."""

    index: int  # position in the sign-offs of the file that holds the sign-off
    signoff: SignOff
    content_changed: bool  # storage.integrity.changed_since
    items_known: bool  # False: the sign-off did not record its items (an earlier app made it)
    items: tuple[ItemChange, ...] = ()  # in key order; empty when unchanged or not known
    other_changed: bool = False  # title, dates, profile, sites, inventory or BOM changed

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.items]

    @property
    def undetermined(self) -> bool:
        """The content changed and the sign-off cannot say which items."""
        return self.content_changed and not self.items_known


def covered_items(doc: Document) -> dict[str, object]:
    """What a new sign-off records about the items it covers (the SignOff fields).

    Raises ReviewError, in one sentence, when the file has no room left for them.
    """
    from veu_assess.review.verdicts import ReviewError

    digests = item_digests(doc.assessment)
    recorded = sum(len(so.item_digests or ()) for so in doc.review.signoffs)
    if len(digests) > MAX_ITEM_DIGESTS or recorded + len(digests) > MAX_REVIEW_ITEM_DIGESTS:
        raise ReviewError(f"this sign-off would record {len(digests):,} answers beside the {recorded:,} the "
                          f"earlier sign-offs record, more than a file holds ({MAX_REVIEW_ITEM_DIGESTS:,} in all, "
                          f"{MAX_ITEM_DIGESTS:,} per sign-off)")
    return {"item_digests": digests, "other_digest": other_digest(doc.assessment)}


def latest_signoff_index(doc: Document) -> int | None:
    """The latest sign-off: latest date, ties to the one added last (integrity_state's rule)."""
    signoffs = doc.review.signoffs
    if not signoffs:
        return None
    return max(range(len(signoffs)), key=lambda i: (signoffs[i].date, i))


def changes_against(signoff: SignOff, doc: Document, index: int = 0, current: str | None = None) -> SignOffChanges:
    """What in ``doc`` differs from what ``signoff`` covered (it may come from another file);
    ``current`` is ``doc.digest()`` when the caller has it (a hash of a large file per sign-off
    made a report of a hundred sign-offs take minutes)."""
    changed = changed_since(doc, signoff.digest, current)
    if signoff.item_digests is None or signoff.other_digest is None:
        return SignOffChanges(index, signoff, changed, items_known=False)
    if not changed:
        return SignOffChanges(index, signoff, False, items_known=True)
    then, now = signoff.item_digests, item_digests(doc.assessment)
    items = []
    for key in sorted(set(then) | set(now)):
        before, after = then.get(key), now.get(key)
        if before == after:
            continue
        kind = ChangeKind.ANSWERED if before is None else ChangeKind.CLEARED if after is None else ChangeKind.CHANGED
        items.append(ItemChange(key, kind))
    return SignOffChanges(index, signoff, True, True, tuple(items),
                          other_changed=signoff.other_digest != other_digest(doc.assessment))


def changes_since_signoff(doc: Document, index: int | None = None) -> SignOffChanges | None:
    """What changed since the sign-off at ``index`` (default: the latest); None without sign-offs."""
    if index is None:
        index = latest_signoff_index(doc)
        if index is None:
            return None
    return changes_against(doc.review.signoffs[index], doc, index)


def changed_keys(doc: Document) -> list[str]:
    """The answer keys changed since the latest sign-off (empty when none, or when not known)."""
    changes = changes_since_signoff(doc)
    return changes.keys if changes is not None else []


def current_item_digest(doc: Document, key: str) -> str:
    return item_digest(doc.assessment.answers.get(key))


def verdict_is_stale(doc: Document, key: str) -> bool:
    """The item changed after its verdict was recorded (False without a verdict or its digest)."""
    verdict = doc.review.verdicts.get(key)
    if verdict is None or verdict.item_digest is None:
        return False
    return verdict.item_digest != current_item_digest(doc, key)


def stale_keys(doc: Document) -> list[str]:
    """Every answer key whose verdict is stale, in key order."""
    return [key for key in sorted(doc.review.verdicts) if verdict_is_stale(doc, key)]
