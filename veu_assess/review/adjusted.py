"""The auditor-adjusted readiness: the operator's assessment with every auditor-adjusted state in
place of the operator's answer, scored by the one engine. Shown beside the operator's, never
instead of it: the operator's answers stay as they are in the file.

Only the state changes (justification, evidence and the rest stay the operator's); an adjusted
"not applicable" without the operator's justification gets the auditor's comment as its reason,
since the model requires one.
"""

from __future__ import annotations

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.scoring import Result, evaluate
from veu_assess.model.assessment import Answer, AnswerState, Assessment
from veu_assess.storage.document import Document


def adjusted_assessment(doc: Document) -> Assessment | None:
    """A copy of the assessment with the adjusted states applied; None when no verdict adjusts one."""
    adjusted = {k: v for k, v in doc.review.verdicts.items() if v.adjusted_state is not None}
    if not adjusted:
        return None
    assessment = doc.assessment.model_copy(deep=True)
    answers = dict(assessment.answers)
    for key, verdict in adjusted.items():
        state = verdict.adjusted_state
        assert state is not None
        old = answers.get(key, Answer())
        justification = old.justification
        if state is AnswerState.NOT_APPLICABLE and not justification.strip():
            justification = verdict.comment.strip() or "Adjusted by the auditor"
        answers[key] = old.model_copy(update={"state": state, "justification": justification})
    assessment.answers = answers
    return assessment


def adjusted_result(catalog: Catalog, doc: Document) -> Result | None:
    """The engine's result on the auditor-adjusted answers; None when nothing is adjusted."""
    assessment = adjusted_assessment(doc)
    return None if assessment is None else evaluate(catalog, assessment)
