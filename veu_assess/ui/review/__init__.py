"""Auditor views (PySide6): the review panel beside an answer, the sign-off dialog and status list,
the comparison view and the review-filter chooser. Each is standalone; the main window plugs them in.
"""

from veu_assess.ui.review.compare_view import CompareView
from veu_assess.ui.review.filter_combo import ReviewFilterCombo
from veu_assess.ui.review.panel import ReviewPanel
from veu_assess.ui.review.signoff_dialog import SignOffDialog, SignOffStatusList

__all__ = ["CompareView", "ReviewFilterCombo", "ReviewPanel", "SignOffDialog", "SignOffStatusList"]
