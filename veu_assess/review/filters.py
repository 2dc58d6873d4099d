"""Review filters: which requirements an auditor wants to look at next.

They select among the items the profile makes visible (``engine.visible_items``), in catalog
order; "gaps" uses the engine's own gap rule (``engine.scoring.rank_gaps``), not a copy of it; "changed"
lists the items in scope changed since the latest sign-off (``review.changes.changed_keys``: none
when that sign-off did not record its items, which the Review page says in words).
"""

from __future__ import annotations

from enum import StrEnum

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.scoring import rank_gaps
from veu_assess.engine.visibility import Item, visible_items
from veu_assess.model.assessment import Answer
from veu_assess.model.review import VerdictState
from veu_assess.review.changes import changed_keys
from veu_assess.storage.document import Document


class ReviewFilter(StrEnum):
    ALL = "all"
    UNREVIEWED = "unreviewed"  # no verdict yet
    MARKED = "marked"  # the operator ticked "mark for review"
    REJECTED = "rejected"
    NEEDS_INFO = "needs_info"
    GAPS = "gaps"  # not met, uncertain, partially met (the engine's gaps)
    CHANGED = "changed"  # changed since the latest sign-off (review.changes)


def filter_items(catalog: Catalog, doc: Document, which: ReviewFilter | str) -> list[Item]:
    """The visible items that pass the filter, in catalog order."""
    which = ReviewFilter(which)
    items = visible_items(catalog, doc.assessment)
    verdicts = doc.review.verdicts
    answers = doc.assessment.answers
    if which is ReviewFilter.ALL:
        return items
    if which is ReviewFilter.UNREVIEWED:
        return [it for it in items if it.key not in verdicts]
    if which is ReviewFilter.MARKED:
        return [it for it in items if answers.get(it.key, Answer()).marked_for_review]
    if which is ReviewFilter.CHANGED:
        changed = set(changed_keys(doc))
        return [it for it in items if it.key in changed]
    if which in (ReviewFilter.REJECTED, ReviewFilter.NEEDS_INFO):
        wanted = VerdictState(which.value)
        return [it for it in items if it.key in verdicts and verdicts[it.key].state is wanted]
    gap_keys = {g.item.key for g in rank_gaps(items, doc.assessment)}
    return [it for it in items if it.key in gap_keys]


def filter_keys(catalog: Catalog, doc: Document, which: ReviewFilter | str) -> list[str]:
    """The answer keys of ``filter_items``."""
    return [it.key for it in filter_items(catalog, doc, which)]
