"""A requirement's legal status with dates: the status words, a timeline of dated changes, sources.

One status word cannot say "codified but not enforced since 13 May 2025" or "suspended from
10 Nov 2025 until 9 Nov 2026". A requirement therefore carries a short ``timeline`` of status
changes, each with the date it took effect, an optional end date (``until``, for a suspension
with a known end) and the ids of the sources that say so (forms/sources.yaml). ``status`` on the
requirement stays the status on the catalog's ``as_of`` date and is checked against the timeline
(veu_assess.catalog.sources), so the two can never disagree.

How each status enters the readiness score is decided in veu_assess.engine.status (POLICY) and
documented in docs/legal-status.md. The display texts of the statuses, in both languages, live
here so that the app, the CLI and the report word a status the same way.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

SOURCE_ID_PATTERN = r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$"


class Status(StrEnum):
    """Legal status of the rule or text a requirement rests on (domain brief, section 1-2)."""

    IN_FORCE = "in_force"  # codified and enforced
    CODIFIED_NOT_ENFORCED = "codified_not_enforced"  # in the CFR; non-enforcement announced
    SUSPENDED = "suspended"  # in the CFR; its application stayed from/until a date
    PROPOSED = "proposed"  # a proposed rule (NPRM), comment period open or under review
    PROPOSED_STALLED = "proposed_stalled"  # proposed, never finalised, basis gone or no activity
    WITHDRAWN = "withdrawn"  # a rule withdrawn before taking effect
    GUIDANCE = "guidance"  # an agency's interpretation of a rule (FAQ, guidance, policy statement)
    ANNOUNCED_EXPECTATION = "announced_expectation"  # stated by the agency, no rule text
    PRACTICE = "practice"  # good practice supporting the ERC's review factors; not an obligation


class _Frozen(BaseModel):
    # defer_build: validators are built on the first model_validate (a full load of forms/), not at
    # import; a start-up served from the catalog cache (catalog/cache.py) never builds them.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Text2(_Frozen):
    """A short text in both languages (kept here so status.py does not import schema.py)."""

    en: str = Field(min_length=1)
    ja: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


class StatusChange(_Frozen):
    """One entry of a requirement's timeline: from ``date`` on, the status is ``status``."""

    date: dt.date
    status: Status
    precision: str = Field(default="day", pattern=r"^(day|month|year)$")  # how exactly ``date`` is known
    until: dt.date | None = None  # last day of a status with a known end (a one-year suspension)
    sources: list[str] = []  # ids in forms/sources.yaml; the check refuses an empty list
    note: Text2 | None = None  # what happened on that date, in a few words
    after_until: Text2 | None = None  # what to VERIFY once ``until`` has passed


class Source(_Frozen):
    """Where a statement comes from: title, publisher, date, address and, where it applies, the
    CFR paragraph or Federal Register citation. ``read`` says whether the text itself was read
    (False: known only through a secondary source, and ``verify`` says what to check)."""

    id: str = Field(pattern=SOURCE_ID_PATTERN)
    title: str = Field(min_length=3)
    publisher: str = Field(min_length=2)
    date: dt.date | None  # None only where the page shows no date; ``verify`` must then say so
    url: str = Field(pattern=r"^https?://\S+$")
    cite: str | None = None  # e.g. "89 FR 80080" or "15 CFR 742.6(a)(6)(iii)(A)"
    kind: str = Field(default="primary", pattern=r"^(primary|secondary)$")
    read: bool = True
    verify: str | None = None  # what could not be read or confirmed


class SourcesFile(_Frozen):
    """forms/sources.yaml."""

    sources: list[Source] = Field(min_length=1)


def status_on(timeline: list[StatusChange], day: dt.date) -> StatusChange | None:
    """The timeline entry in effect on ``day`` (the latest one dated on or before it), or None."""
    current: StatusChange | None = None
    for change in sorted(timeline, key=lambda c: c.date):
        if change.date <= day:
            current = change
    return current


# --- display texts (en, ja) -------------------------------------------------------------------

STATUS_TEXT: dict[Status, tuple[str, str]] = {
    Status.IN_FORCE: ("In force", "施行中"),
    Status.CODIFIED_NOT_ENFORCED: ("Codified, not enforced", "法令上は存続・不執行"),
    Status.SUSPENDED: ("Suspended", "適用停止中"),
    Status.PROPOSED: ("Proposed", "規則案"),
    Status.PROPOSED_STALLED: ("Proposed, stalled", "規則案（停滞）"),
    Status.WITHDRAWN: ("Withdrawn", "撤回"),
    Status.GUIDANCE: ("Guidance", "ガイダンス"),
    Status.ANNOUNCED_EXPECTATION: ("Announced expectation", "表明された期待（規則文言なし）"),
    Status.PRACTICE: ("Practice", "推奨実務"),
}


def status_text(status: Status, lang: str) -> str:
    en, ja = STATUS_TEXT[status]
    return ja if lang == "ja" else en


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day(day: dt.date, lang: str, precision: str = "day") -> str:
    """A date as precisely as it is known (locale-independent month names)."""
    if lang == "ja":
        return {"year": f"{day.year}年", "month": f"{day.year}年{day.month}月"}.get(
            precision, f"{day.year}年{day.month}月{day.day}日")
    month = _MONTHS[day.month - 1]
    return {"year": str(day.year), "month": f"{month} {day.year}"}.get(precision, f"{day.day} {month} {day.year}")


def day_text(day: dt.date, lang: str) -> str:
    return _day(day, lang)


def dated_status_text(change: StatusChange | None, lang: str, fallback: Status | None = None) -> str:
    """'Suspended from 10 Nov 2025 until 9 Nov 2026' / '適用停止中（2025年11月10日から2026年11月9日まで）'."""
    if change is None:
        return status_text(fallback, lang) if fallback is not None else "—"
    word = status_text(change.status, lang)
    if lang == "ja":
        span = f"{_day(change.date, lang, change.precision)}から" + (
            f"{_day(change.until, lang)}まで" if change.until else "")
        return f"{word}（{span}）"
    since = _day(change.date, lang, change.precision)
    span = f"since {since}" if change.until is None else f"from {since} until {_day(change.until, lang)}"
    return f"{word} {span}"


# --- how a status may be used (scoring policy: veu_assess.engine.status, docs/legal-status.md) --

# Only a rule in force can fail a gate (make an applicant ineligible). Announced expectations,
# non-enforced, suspended and proposed rules never do; the check refuses such gates in forms/.
GATE_STATUSES: frozenset[Status] = frozenset({Status.IN_FORCE})
# Shown for context only: answered if the user likes, never in the readiness score.
CONTEXT_ONLY: frozenset[Status] = frozenset({Status.PROPOSED, Status.PROPOSED_STALLED, Status.WITHDRAWN})
