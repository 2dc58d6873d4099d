"""The report's row budget: how many rows each repeating part shows before it summarises.

A file at the storage limits has 200 sites, so about 3,700 answers (one per requirement and
site), as many verdicts, 2,000 gaps, 100 sign-offs and any number of evidence files; drawn in
full that is thousands of pages and minutes. What grows with the number of sites is
repetition: the same requirement, title, citation and remediation hint at each site, with the
user's texts beside it. So each repeating part shows its first rows in full and then either
a compact one-line row per entry (where each entry is a result: an answer's state, a gap, a
verdict state, a sign-off's verdict) or a summary line that says how many more there are and
where they are (the assessment file, the OSCAL export, the CSV export of gaps):

- Answers by section: per requirement, the first ``DETAIL_SITES`` sites in full, every
  further site as one row (site, answer, evidence count, verdict) -- no answer is left out.
- Statement of Applicability: likewise ``DETAIL_SITES`` full justifications per requirement,
  then one row per further site with its justification's first line.
- Remediation plan: the first ``PLAN_FULL`` gaps in full (they are ranked, most urgent
  first), then one row per further gap (rank, requirement and site, state, priority).
- Gates: every gate, always (a gate decides the level); the executive summary names the
  first ``SUMMARY_GATES`` and refers to the Gates part for the rest.
- Verdicts table: the first ``VERDICT_ROWS``, then a line with the count of the rest by
  verdict (each is also on its answer in Answers by section).
- Sign-offs: the first ``SIGNOFF_FULL`` in full, then one row per further sign-off (name,
  role, date, content matches, signature verdict).
- Evidence index: the first ``EVIDENCE_ROWS`` files, then a line with the count of the rest.
- Unanswered items: the first ``UNANSWERED_ROWS``, then a line with the count of the rest
  (each is also marked unanswered in Answers by section).

``report_page_budget`` in ``layout`` turns these into the bound on the report's pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

DETAIL_SITES = 3  # full entries per requirement in Answers by section and the SoA
PLAN_FULL = 100  # gaps with their full row (title, citation, remediation, owner)
SUMMARY_GATES = 12  # gates named in the executive summary (the Gates part lists all)
VERDICT_ROWS = 200  # rows of the verdicts table
SIGNOFF_FULL = 10  # sign-offs shown as a block with their statement
EVIDENCE_ROWS = 1000  # files in the evidence index
UNANSWERED_ROWS = 300  # rows of the unanswered appendix

T = TypeVar("T")


def runs(entries: Iterable[T], key: Callable[[T], str]) -> list[list[T]]:
    """The entries in runs of equal ``key`` (a requirement's sites), in their order."""
    out: list[list[T]] = []
    last = None
    for e in entries:
        k = key(e)
        if out and k == last:
            out[-1].append(e)
        else:
            out.append([e])
        last = k
    return out


def split_by_group(entries: Iterable[T], group: Callable[[T], str], full: int) -> tuple[list[T], list[T]]:
    """The entries shown in full (the first ``full`` of each group, in order) and the rest."""
    seen: dict[str, int] = {}
    shown: list[T] = []
    rest: list[T] = []
    for e in entries:
        k = group(e)
        seen[k] = seen.get(k, 0) + 1
        (shown if seen[k] <= full else rest).append(e)
    return shown, rest


def counts(values: Sequence[str]) -> list[tuple[str, int]]:
    """How many times each value occurs, in order of first occurrence."""
    found: dict[str, int] = {}
    for v in values:
        found[v] = found.get(v, 0) + 1
    return list(found.items())
