"""The hardware layer's US-origin share by value, from a bill of materials (AI Exports Program).

The 2026 Call for Proposals presumes US content when the hardware layer is at least 51 % US-origin
by value (as reported; forms/sources.yaml MONDAQ-AIEP-CFP). This module computes the share from BOM
lines (value and origin per line) and names the lines that decide it; it is Qt-free and exact: the
sums run on Decimal, so a BOM at exactly 51 % meets the presumption and 50.99 % does not.

- A line without an origin is not counted as US: the share is then a range (lowest: unknown lines
  are not US; highest: they are), and the outcome is "undetermined" when the range straddles 51 %.
- Deciding lines: when the presumption is met, the fewest largest US lines whose re-sourcing would
  drop the share below 51 %; when it is not, the fewest largest non-US or unknown lines whose
  US-sourcing would reach it. They are what the report shows next to the share.
- ``parse_bom_csv`` reads "description,value,origin" text and refuses the whole file on any bad
  row, naming the line and the column; nothing is imported then.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from veu_assess.model.assessment import MAX_BOM_VALUE, BomLine

PRESUMPTION_PERCENT = Decimal(51)
US = "US"
_NUMBER = re.compile(r"^\d+(\.\d+)?$")
_ORIGIN = re.compile(r"^[A-Za-z]{2}$")
COLUMNS = ("description", "value", "origin")


@dataclass(frozen=True)
class BomShare:
    total: Decimal
    us_value: Decimal
    unknown_value: Decimal
    low: Decimal | None  # percent, unknown-origin lines counted as not US; None for an empty BOM
    high: Decimal | None  # percent, unknown-origin lines counted as US
    outcome: str  # "met", "not_met", "undetermined" (unknown lines decide), "empty"
    deciding: tuple[int, ...]  # indexes into the lines, largest first


def _value(line: BomLine) -> Decimal:
    return Decimal(str(line.value))


def us_share(lines: list[BomLine]) -> BomShare:
    """The US-origin share by value and whether it meets the 51 % presumption."""
    total = sum((_value(ln) for ln in lines), Decimal(0))
    us = sum((_value(ln) for ln in lines if ln.origin == US), Decimal(0))
    unknown = sum((_value(ln) for ln in lines if not ln.origin), Decimal(0))
    if total <= 0:
        return BomShare(total, us, unknown, None, None, "empty", ())
    low, high = us * 100 / total, (us + unknown) * 100 / total
    threshold = PRESUMPTION_PERCENT * total / 100
    if us >= threshold:
        outcome = "met"
        # US lines whose loss would drop the share below 51 %: margin = us - threshold (>= 0).
        pool = [i for i, ln in enumerate(lines) if ln.origin == US]
        margin, strict = us - threshold, True
    elif us + unknown >= threshold:
        outcome = "undetermined"
        pool = [i for i, ln in enumerate(lines) if not ln.origin]
        margin, strict = threshold - us, False
    else:
        outcome = "not_met"
        pool = [i for i, ln in enumerate(lines) if ln.origin != US]
        margin, strict = threshold - us, False
    deciding: list[int] = []
    covered = Decimal(0)
    for i in sorted(pool, key=lambda i: (-_value(lines[i]), i)):
        if (covered > margin) if strict else (covered >= margin):
            break
        deciding.append(i)
        covered += _value(lines[i])
    return BomShare(total, us, unknown, low, high, outcome, tuple(deciding))


class BomCsvError(ValueError):
    """A bill of materials in CSV that cannot be imported; ``problems`` name line and column."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


def parse_value(text: str) -> Decimal:
    """A line's value: a plain non-negative decimal number (no currency sign, no separators)."""
    cleaned = text.strip()
    if not _NUMBER.match(cleaned):
        raise ValueError(f"'{cleaned[:40]}' is not a plain number: write digits with an optional decimal "
                         "point, without currency signs or thousands separators (e.g. 1250000.50)")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only valid decimals
        raise ValueError(f"'{cleaned[:40]}' is not a number") from exc
    if value > MAX_BOM_VALUE:
        raise ValueError(f"{cleaned[:40]} is larger than {MAX_BOM_VALUE:,}")
    return value


def parse_origin(text: str) -> str:
    """A country of origin: a two-letter ISO 3166 code, or empty for 'not known'."""
    cleaned = text.strip()
    if cleaned and not _ORIGIN.match(cleaned):
        raise ValueError(f"'{cleaned[:40]}' is not a two-letter country code (e.g. US, JP, TW); leave it "
                         "empty when the origin is not known")
    return cleaned.upper()


def parse_bom_csv(text: str) -> list[BomLine]:
    """BOM lines from CSV with the header 'description,value,origin' (any order, any case).

    Every bad row is reported as 'line N, column C: ...'; if any is bad, nothing is returned."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows:
        raise BomCsvError(["line 1: the file is empty; expected the header description,value,origin"])
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise BomCsvError([f"line 1: missing column(s) {', '.join(missing)}; expected the header "
                           "description,value,origin"])
    where = {c: header.index(c) for c in COLUMNS}
    lines: list[BomLine] = []
    problems: list[str] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(f"line {number}: {len(row)} fields, expected {len(header)}")
            continue
        cells = {c: row[where[c]] for c in COLUMNS}
        description = cells["description"].strip()
        row_ok = True
        if not description:
            problems.append(f"line {number}, column description: empty; say what the line is")
            row_ok = False
        elif len(description) > 1000:
            problems.append(f"line {number}, column description: longer than 1000 characters")
            row_ok = False
        try:
            value = parse_value(cells["value"])
        except ValueError as exc:
            problems.append(f"line {number}, column value: {exc}")
            row_ok = False
        try:
            origin = parse_origin(cells["origin"])
        except ValueError as exc:
            problems.append(f"line {number}, column origin: {exc}")
            row_ok = False
        if row_ok:
            lines.append(BomLine(description=description, value=float(value), origin=origin))
    if problems:
        raise BomCsvError(problems[:50] + ([f"... and {len(problems) - 50} more"] if len(problems) > 50 else []))
    return lines


def share_text(percent: Decimal | None) -> str:
    """A share as '51.00' (two decimals, rounded half-even) for the report and the JSON."""
    return "" if percent is None else f"{percent.quantize(Decimal('0.01'))}"
