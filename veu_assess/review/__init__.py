"""Auditor review (no Qt): verdicts apart from the answers, sign-offs, their status, filters.

Everything here writes only to ``doc.review``; the operator's ``doc.assessment`` is read, never
changed, so a review can never alter an answer or the content digest a sign-off records.
"""

from typing import TYPE_CHECKING

from veu_assess._lazy import lazy_exports

if TYPE_CHECKING:
    from veu_assess.review.adjusted import adjusted_assessment, adjusted_result
    from veu_assess.review.changes import (
        ChangeKind,
        ItemChange,
        SignOffChanges,
        changed_keys,
        changes_against,
        changes_since_signoff,
        stale_keys,
        verdict_is_stale,
    )
    from veu_assess.review.coverage import Coverage, SectionCoverage, verdict_coverage
    from veu_assess.review.filters import ReviewFilter, filter_items, filter_keys
    from veu_assess.review.signoff import SignOffStatus, sign_off, signoff_status
    from veu_assess.review.verdicts import (
        ReviewError,
        apply_verdict,
        clear_verdict,
        comment_required,
        record_verdict,
        reviewer_text,
        verdict_for,
    )

__all__ = [
    "ChangeKind",
    "Coverage",
    "ItemChange",
    "ReviewError",
    "ReviewFilter",
    "SectionCoverage",
    "SignOffChanges",
    "SignOffStatus",
    "adjusted_assessment",
    "adjusted_result",
    "apply_verdict",
    "changed_keys",
    "changes_against",
    "changes_since_signoff",
    "clear_verdict",
    "comment_required",
    "filter_items",
    "filter_keys",
    "record_verdict",
    "reviewer_text",
    "sign_off",
    "signoff_status",
    "stale_keys",
    "verdict_coverage",
    "verdict_for",
    "verdict_is_stale",
]

# Imported on first use: importing one module of the package must not load them all.
__getattr__ = lazy_exports(
    __name__,
    {
        "ReviewFilter": "veu_assess.review.filters",
        "filter_items": "veu_assess.review.filters",
        "filter_keys": "veu_assess.review.filters",
        "SignOffStatus": "veu_assess.review.signoff",
        "sign_off": "veu_assess.review.signoff",
        "signoff_status": "veu_assess.review.signoff",
        "ReviewError": "veu_assess.review.verdicts",
        "apply_verdict": "veu_assess.review.verdicts",
        "clear_verdict": "veu_assess.review.verdicts",
        "record_verdict": "veu_assess.review.verdicts",
        "verdict_for": "veu_assess.review.verdicts",
        "comment_required": "veu_assess.review.verdicts",
        "reviewer_text": "veu_assess.review.verdicts",
        "adjusted_assessment": "veu_assess.review.adjusted",
        "adjusted_result": "veu_assess.review.adjusted",
        "ChangeKind": "veu_assess.review.changes",
        "ItemChange": "veu_assess.review.changes",
        "SignOffChanges": "veu_assess.review.changes",
        "changed_keys": "veu_assess.review.changes",
        "changes_against": "veu_assess.review.changes",
        "changes_since_signoff": "veu_assess.review.changes",
        "stale_keys": "veu_assess.review.changes",
        "verdict_is_stale": "veu_assess.review.changes",
        "Coverage": "veu_assess.review.coverage",
        "SectionCoverage": "veu_assess.review.coverage",
        "verdict_coverage": "veu_assess.review.coverage",
    },
)
