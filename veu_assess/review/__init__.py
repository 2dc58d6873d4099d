"""Auditor review (no Qt): verdicts apart from the answers, sign-offs, their status, filters.

Everything here writes only to ``doc.review``; the operator's ``doc.assessment`` is read, never
changed, so a review can never alter an answer or the content digest a sign-off records.
"""

from typing import TYPE_CHECKING

from veu_assess._lazy import lazy_exports

if TYPE_CHECKING:
    from veu_assess.review.filters import ReviewFilter, filter_items, filter_keys
    from veu_assess.review.signoff import SignOffStatus, sign_off, signoff_status
    from veu_assess.review.verdicts import ReviewError, apply_verdict, clear_verdict, record_verdict, verdict_for

__all__ = [
    "ReviewError",
    "ReviewFilter",
    "SignOffStatus",
    "apply_verdict",
    "clear_verdict",
    "filter_items",
    "filter_keys",
    "record_verdict",
    "sign_off",
    "signoff_status",
    "verdict_for",
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
    },
)
