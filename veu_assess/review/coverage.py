"""How much of an assessment has a verdict: reviewed / total items, overall and by section.

A sign-off says "I reviewed this"; the signer should see, before signing, how many of the items
in scope actually carry a verdict. The items are the engine's visible items (``Result.items``:
one per requirement, or one per site for site-level requirements), so the count is the same
one the app, the report and the CLI use for answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.scoring import evaluate
from veu_assess.storage.document import Document


@dataclass(frozen=True)
class SectionCoverage:
    section_id: str
    title: str  # in the language asked for
    reviewed: int
    total: int


@dataclass(frozen=True)
class Coverage:
    reviewed: int
    total: int
    sections: tuple[SectionCoverage, ...]  # sections with at least one item in scope, in catalog order

    @property
    def complete(self) -> bool:
        return self.reviewed >= self.total

    @property
    def unreviewed(self) -> int:
        return self.total - self.reviewed


def verdict_coverage(catalog: Catalog, doc: Document, lang: str = "en") -> Coverage:
    """Items in scope with a verdict (any verdict: accepted, needs information, rejected)."""
    result = evaluate(catalog, doc.assessment)
    verdicts = doc.review.verdicts
    sections: list[SectionCoverage] = []
    for score in result.sections:
        if not score.visible:
            continue
        keys = [it.key for it in result.items if it.section.id == score.section.id]
        if keys:
            reviewed = sum(1 for k in keys if k in verdicts)
            sections.append(SectionCoverage(score.section.id, score.section.title.get(lang), reviewed, len(keys)))
    return Coverage(sum(s.reviewed for s in sections), sum(s.total for s in sections), tuple(sections))
