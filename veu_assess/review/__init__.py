"""Auditor review (no Qt): verdicts apart from the answers, sign-offs, their status, filters.

Everything here writes only to ``doc.review``; the operator's ``doc.assessment`` is read, never
changed, so a review can never alter an answer or the content digest a sign-off records.
"""

from veu_assess.review.adjusted import adjusted_assessment, adjusted_result
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
    "Coverage",
    "ReviewError",
    "ReviewFilter",
    "SectionCoverage",
    "SignOffStatus",
    "adjusted_assessment",
    "adjusted_result",
    "apply_verdict",
    "clear_verdict",
    "comment_required",
    "filter_items",
    "filter_keys",
    "record_verdict",
    "reviewer_text",
    "sign_off",
    "signoff_status",
    "verdict_coverage",
    "verdict_for",
]
