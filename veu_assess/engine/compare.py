"""Compare two assessments: which answers changed and how the scores moved.

Answers are compared on every field the content digest covers: state, notes, justification,
evidence (file name and SHA-256), the remediation owner and due date, and the mark for review.
Everything else in the assessment (title, dates, profile, sites, inventory) is listed as "other
changes" by field path, so any change that breaks a sign-off is shown somewhere. The score movement
comes from ``evaluate()`` run on each assessment with the same catalog, so there is no second
scoring path.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import LevelId
from veu_assess.engine.scoring import Result, evaluate
from veu_assess.i18n_format import shown_value
from veu_assess.model.assessment import Answer, AnswerState, Assessment, split_key

COMPARED_FIELDS = ("state", "notes", "justification", "evidence", "owner", "due", "marked_for_review")


class ChangeKind(StrEnum):
    ADDED = "added"  # nothing (state, notes, justification, evidence) before, something now
    REMOVED = "removed"  # something before, nothing now
    CHANGED = "changed"


@dataclass(frozen=True)
class AnswerChange:
    key: str
    kind: ChangeKind
    old_state: AnswerState
    new_state: AnswerState
    fields: tuple[str, ...]  # which of COMPARED_FIELDS differ

    @property
    def requirement_id(self) -> str:
        return split_key(self.key)[0]

    @property
    def site_id(self) -> str | None:
        return split_key(self.key)[1]


@dataclass(frozen=True)
class ScoreMove:
    """A score before and after; ``None`` when nothing applicable was answered."""

    id: str  # section id, or "overall"
    title: str
    old: float | None
    new: float | None

    @property
    def delta(self) -> float | None:
        return None if self.old is None or self.new is None else self.new - self.old

    @property
    def moved(self) -> bool:
        if self.old is None or self.new is None:
            return self.old != self.new
        return shown_value(self.old) != shown_value(self.new)  # what the views print is what counts


@dataclass(frozen=True)
class Comparison:
    changes: list[AnswerChange]
    overall: ScoreMove
    sections: list[ScoreMove]  # every section of the catalog, in catalog order
    old_level: LevelId
    new_level: LevelId
    old_result: Result
    new_result: Result
    same_assessment: bool  # both carry the same assessment id
    other: tuple[str, ...] = ()  # field paths outside the answers that differ (see other_changes)

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for c in self.changes if c.kind is kind)


def _content(answer: Answer) -> dict[str, object]:
    # Every field of the reference: the content digest covers them all, so the diff must too.
    evidence = sorted((ev.sha256, ev.filename, ev.size, str(ev.added)) for ev in answer.evidence)
    return {"state": answer.state, "notes": answer.notes, "justification": answer.justification,
            "evidence": evidence, "owner": answer.owner, "due": answer.due,
            "marked_for_review": answer.marked_for_review}


def other_changes(old: Assessment, new: Assessment) -> list[str]:
    """Paths of everything but the answers that differs: ``title``, ``profile.sites``,
    ``inventory.tokyo-1`` … (profile fields and inventory sites one by one, the rest whole)."""
    a, b = old.model_dump(mode="json"), new.model_dump(mode="json")
    paths: list[str] = []
    for name in sorted(set(a) | set(b)):
        if name in ("answers", "id"):  # answers are compared above; a different id is said apart
            continue
        va, vb = a.get(name), b.get(name)
        if name in ("profile", "inventory") and isinstance(va, dict) and isinstance(vb, dict):
            paths += [f"{name}.{k}" for k in sorted(set(va) | set(vb)) if va.get(k) != vb.get(k)]
        elif va != vb:
            paths.append(name)
    return paths


def _is_empty(content: dict[str, object]) -> bool:
    return content == _content(Answer())


def answer_changes(catalog: Catalog, old: Assessment, new: Assessment) -> list[AnswerChange]:
    """Changed answers, in catalog order (keys the catalog does not know come last, sorted)."""
    position = {r.id: i for i, (_, r) in enumerate(catalog.iter_requirements())}
    site_order = {s.id: i for i, s in enumerate([*new.profile.sites, *old.profile.sites]) if s.id}

    def order(key: str) -> tuple[int, int, str]:
        rid, site = split_key(key)
        return (position.get(rid, len(position)), -1 if site is None else site_order.get(site, 10**6), key)

    changes: list[AnswerChange] = []
    for key in sorted(set(old.answers) | set(new.answers), key=order):
        a, b = old.answers.get(key, Answer()), new.answers.get(key, Answer())
        ca, cb = _content(a), _content(b)
        fields = tuple(f for f in COMPARED_FIELDS if ca[f] != cb[f])
        if not fields:
            continue
        kind = ChangeKind.ADDED if _is_empty(ca) else ChangeKind.REMOVED if _is_empty(cb) else ChangeKind.CHANGED
        changes.append(AnswerChange(key, kind, a.state, b.state, fields))
    return changes


def compare(catalog: Catalog, old: Assessment, new: Assessment, lang: str = "en") -> Comparison:
    """Answer changes and score movement from ``old`` to ``new``, both scored with ``catalog``."""
    r_old, r_new = evaluate(catalog, old), evaluate(catalog, new)
    sections = [
        ScoreMove(so.section.id, so.section.title.get(lang), so.score, sn.score)
        for so, sn in zip(r_old.sections, r_new.sections, strict=True)
    ]
    return Comparison(
        changes=answer_changes(catalog, old, new),
        overall=ScoreMove("overall", "overall", r_old.score, r_new.score),
        sections=sections,
        old_level=r_old.level,
        new_level=r_new.level,
        old_result=r_old,
        new_result=r_new,
        same_assessment=old.id == new.id,
        other=tuple(other_changes(old, new)),
    )
