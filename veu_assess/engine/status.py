"""Legal status on a given date: scoring policy per status, staleness notes, changes for old files.

Scoring per status (documented in docs/legal-status.md; the sets live in catalog/status.py):
- in force: scored; may be a gate, and only an in-force gate fails eligibility;
- guidance, practice, announced expectation, suspended: scored (labelled with their status), never
  a gate — an announced expectation or a suspended rule cannot make an applicant ineligible;
- codified, not enforced: only in the stretch module, which is scored apart (never in the score);
- proposed, proposed-stalled, withdrawn: context only, never in the score, progress or gates.

Staleness: the statuses were researched up to the catalog's ``as_of``. On a later day the app
says so plainly when a status has passed its end date (a suspension's ``until``) or when the day
is more than STALE_AFTER_DAYS past ``as_of``. ``staleness`` is pure: the caller passes the day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import Requirement, RevisionChange
from veu_assess.catalog.status import CONTEXT_ONLY, GATE_STATUSES, StatusChange, day_text, status_on

STALE_AFTER_DAYS = 90


def counts_in_score(req: Requirement) -> bool:
    """Whether the requirement's status lets it enter the readiness score, progress and gates."""
    return req.status not in CONTEXT_ONLY


def gate_applies(req: Requirement) -> bool:
    """Whether a gate may fail eligibility: only a rule in force can."""
    return req.gate and req.status in GATE_STATUSES


def current_change(req: Requirement, day: dt.date) -> StatusChange | None:
    return status_on(req.timeline, day)


@dataclass(frozen=True)
class StaleNote:
    """A plain statement that part of the catalog may be out of date on ``day``."""

    kind: str  # "status_ended" or "catalog_old"
    since: dt.date  # the first day on which the note applies
    requirement_ids: tuple[str, ...]
    detail_en: str
    detail_ja: str

    def text(self, lang: str) -> str:
        ids = ", ".join(self.requirement_ids)
        if lang == "ja":
            if self.kind == "catalog_old":
                return (f"質問票の基準日から {STALE_AFTER_DAYS} 日を超えています（{day_text(self.since, 'ja')}以降）。"
                        f"法的状態が変わっている可能性があります。{self.detail_ja}")
            return f"{day_text(self.since, 'ja')}以降、{ids} の法的状態が変わっている可能性があります：{self.detail_ja}"
        if self.kind == "catalog_old":
            return (f"The questionnaire's research date is more than {STALE_AFTER_DAYS} days old (since "
                    f"{day_text(self.since, 'en')}); any status may have changed. {self.detail_en}")
        return f"Since {day_text(self.since, 'en')} the status of {ids} may have changed: {self.detail_en}"


def staleness(catalog: Catalog, day: dt.date) -> list[StaleNote]:
    """What may be out of date on ``day``: statuses past their end date, an old research date."""
    notes: list[StaleNote] = []
    ended: dict[tuple[dt.date, str, str], list[str]] = {}
    for _sec, req in catalog.iter_requirements():
        change = current_change(req, day)
        if change is None or change.until is None or day <= change.until:
            continue
        after = change.after_until
        key = (change.until + dt.timedelta(days=1), after.en if after else "", after.ja if after else "")
        ended.setdefault(key, []).append(req.id)
    for (since, en, ja), ids in sorted(ended.items()):
        notes.append(StaleNote("status_ended", since, tuple(ids), en, ja))
    as_of = catalog.header.as_of
    old_since = as_of + dt.timedelta(days=STALE_AFTER_DAYS + 1)
    if day >= old_since:
        notes.append(StaleNote(
            "catalog_old", old_since, (),
            f"Statuses were checked up to {day_text(as_of, 'en')}; check the items marked VERIFY first "
            "and look for a newer questionnaire.",
            f"法的状態は{day_text(as_of, 'ja')}までに確認したものです。"
            "まず「要確認（VERIFY）」の項目を確認し、新しい版の質問票がないか確認してください。",
        ))
    return notes


def _version_key(version: str) -> tuple[int | str, ...]:
    return tuple(int(p) if p.isdigit() else p for p in version.split("."))


def changed_since(catalog: Catalog, file_version: str, answered: set[str] | None = None) -> list[RevisionChange]:
    """What changed for requirements between the catalog version a file was saved with and now.

    Empty when the file is current; revisions newer than the file's version are collected, so a
    file two versions old sees both. An unknown (e.g. newer) version yields nothing. With
    ``answered`` (requirement ids the file answers) only the file's own requirements and new ones
    are kept."""
    if file_version == catalog.version:
        return []
    try:
        older = _version_key(file_version) < _version_key(catalog.version)
    except TypeError:
        older = False
    if not older:
        return []
    out: list[RevisionChange] = []
    for rev in catalog.header.revisions:
        try:
            newer_than_file = _version_key(rev.version) > _version_key(file_version)
        except TypeError:
            newer_than_file = False
        if newer_than_file:
            out += [c for c in rev.changes if answered is None or c.id in answered or c.kind == "new"]
    return out


def changes_text(changes: list[RevisionChange], lang: str) -> list[str]:
    return [f"{c.id}: {c.what.get(lang)}" for c in changes]


# --- the honest framing, shared by the report's first page and the app's first page -----------

FRAMING_HEADING = ("Read this first: what this assessment can and cannot tell you",
                   "最初にお読みください：この評価で分かること・分からないこと")
FRAMING_TITLES = {
    "score": ("What the score means", "スコアの意味"),
    "text": ("Codified is not enforced", "条文上の存続と執行の違い"),
    "route": ("The route used so far", "これまで使われてきた手段"),
    "date": ("Research date", "調査基準日"),
}


def framing_paragraphs(catalog: Catalog, lang: str) -> list[tuple[str, str]]:
    """(title, text) of each framing paragraph of forms/catalog.yaml, in ``lang``."""
    out = []
    for key, text in catalog.header.framing.items():
        en, ja = FRAMING_TITLES.get(key, (key, key))
        out.append((ja if lang == "ja" else en, text.get(lang)))
    return out
