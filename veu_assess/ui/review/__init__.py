"""Auditor views (PySide6): the review panel beside an answer, the sign-off dialog and status list,
the comparison view and the review-filter chooser. Each is standalone; the main window plugs them in.

Each name is imported on first use (``veu_assess._lazy``): a section page needs the review panel
only, and the sign-off dialog brings the signing code with it (issue 22: a faster first window).
"""

from typing import TYPE_CHECKING

from veu_assess._lazy import lazy_exports

if TYPE_CHECKING:
    from veu_assess.ui.review.compare_view import CompareView
    from veu_assess.ui.review.filter_combo import ReviewFilterCombo
    from veu_assess.ui.review.panel import ReviewPanel
    from veu_assess.ui.review.signoff_dialog import SignOffDialog, SignOffStatusList

__all__ = ["CompareView", "ReviewFilterCombo", "ReviewPanel", "SignOffDialog", "SignOffStatusList"]

__getattr__ = lazy_exports(__name__, {
    "CompareView": "veu_assess.ui.review.compare_view",
    "ReviewFilterCombo": "veu_assess.ui.review.filter_combo",
    "ReviewPanel": "veu_assess.ui.review.panel",
    "SignOffDialog": "veu_assess.ui.review.signoff_dialog",
    "SignOffStatusList": "veu_assess.ui.review.signoff_dialog",
})
