"""Calculators: accelerator classification (TPP, performance density, 3A090/4A090) and the
semi-annual report calendar. Thresholds and deadlines come from forms/catalog.yaml.

Arithmetic uses exact fractions of the decimal inputs, so threshold edges (TPP 4800, PD 5.92)
classify exactly as the rule reads, with no binary floating-point surprises.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from veu_assess.catalog.schema import Thresholds
from veu_assess.model.assessment import Accelerator

A, B, NONE, UNDETERMINED, EXCLUDED = "3A090.a", "3A090.b", "not 3A090", "undetermined", "excluded (Note 2)"


# The rules ``classify`` decides by, in its order; ``Classification.rule`` names one of them.
RULES = ("excluded", "a_tpp", "below_min", "density_needed", "a_density", "b", "b_alt", "below")


def rule_figures(th: Thresholds) -> dict[str, str]:
    """The catalog's figures by the names the worded rules use ("TPP ≥ {a_tpp}"): the interface
    and the report word ``Classification.rule`` in their language with these."""
    return {
        "a_tpp": f"{th.a_tpp:g}", "a_tpp_pd": f"{th.a_tpp_with_density:g}", "a_pd": f"{th.a_density:g}",
        "b_low": f"{th.b_tpp_low:g}", "b_high": f"{th.b_tpp_high:g}", "b_pd_low": f"{th.b_density_low:g}",
        "b_pd_high": f"{th.b_density_high:g}", "b_alt": f"{th.b_alt_tpp:g}",
        "b_alt_pd": f"{th.b_alt_density_low:g}", "min": f"{min(th.a_tpp_with_density, th.b_alt_tpp):g}",
    }


def _exact(x: float | int | str) -> Fraction:
    return Fraction(str(x))


@dataclass(frozen=True)
class Classification:
    tpp: Fraction
    density: Fraction | None
    eccn: str  # 3A090.a / 3A090.b / not 3A090 / undetermined / excluded (Note 2)
    reason: str
    # Which rule decided (one of RULES): the interface words the reason in its own language.
    rule: str = ""

    @property
    def controlled(self) -> bool:
        return self.eccn in (A, B)


def classify(
    tops: float | str,
    bits: int,
    th: Thresholds,
    die_area_mm2: float | str | None = None,
    datacenter_part: bool = True,
) -> Classification:
    """TPP = TOPS (dense, = 2 x MacTOPS) x bit length; PD = TPP / applicable die area in mm^2."""
    if bits < 1:
        raise ValueError("bit length must be at least 1")
    tpp = _exact(tops) * bits
    if tpp < 0:
        raise ValueError("TOPS must not be negative")
    pd = None
    if die_area_mm2 is not None:
        area = _exact(die_area_mm2)
        if area <= 0:
            raise ValueError("die area must be greater than 0 mm²")
        pd = tpp / area
    a_tpp, b_high = _exact(th.a_tpp), _exact(th.b_tpp_high)
    if not datacenter_part and tpp < a_tpp:
        return Classification(tpp, pd, EXCLUDED,
                              f"not designed or marketed for data centers and TPP < {th.a_tpp:g}", "excluded")
    if tpp >= a_tpp:
        return Classification(tpp, pd, A, f"TPP ≥ {th.a_tpp:g}", "a_tpp")
    if tpp < min(_exact(th.a_tpp_with_density), _exact(th.b_alt_tpp), _exact(th.b_tpp_low)):
        return Classification(tpp, pd, NONE, f"TPP < {min(th.a_tpp_with_density, th.b_alt_tpp):g}", "below_min")
    if pd is None:
        return Classification(tpp, pd, UNDETERMINED, "performance density needed: give the die area",
                              "density_needed")
    if tpp >= _exact(th.a_tpp_with_density) and pd >= _exact(th.a_density):
        return Classification(tpp, pd, A, f"TPP ≥ {th.a_tpp_with_density:g} and PD ≥ {th.a_density:g}",
                              "a_density")
    b_low, b_pd_low, b_pd_high = _exact(th.b_tpp_low), _exact(th.b_density_low), _exact(th.b_density_high)
    if b_low <= tpp < b_high and b_pd_low <= pd < b_pd_high:
        return Classification(
            tpp,
            pd,
            B,
            f"{th.b_tpp_low:g} ≤ TPP < {th.b_tpp_high:g} and {th.b_density_low:g} ≤ PD < {th.b_density_high:g}",
            "b",
        )
    if tpp >= _exact(th.b_alt_tpp) and _exact(th.b_alt_density_low) <= pd < b_pd_high:
        return Classification(
            tpp, pd, B, f"TPP ≥ {th.b_alt_tpp:g} and {th.b_alt_density_low:g} ≤ PD < {th.b_density_high:g}", "b_alt"
        )
    return Classification(tpp, pd, NONE, "below the 3A090.a and 3A090.b thresholds", "below")


@dataclass(frozen=True)
class InventoryLine:
    accelerator: Accelerator
    classification: Classification

    @property
    def total_tpp(self) -> Fraction:
        return self.classification.tpp * self.accelerator.count


@dataclass(frozen=True)
class SiteInventory:
    site_id: str
    lines: list[InventoryLine]

    @property
    def accelerator_count(self) -> int:
        return sum(line.accelerator.count for line in self.lines)

    @property
    def controlled_count(self) -> int:
        return sum(line.accelerator.count for line in self.lines if line.classification.controlled)

    @property
    def total_tpp(self) -> Fraction:
        return sum((line.total_tpp for line in self.lines), Fraction(0))

    @property
    def system_eccn(self) -> str:
        """Computers containing 3A090 items fall under 4A090."""
        return "4A090" if self.controlled_count else "—"


def site_inventory(site_id: str, accelerators: list[Accelerator], th: Thresholds) -> SiteInventory:
    lines = [
        InventoryLine(a, classify(a.tops, a.bits, th, a.die_area_mm2, a.datacenter_part))
        for a in accelerators
    ]
    return SiteInventory(site_id, lines)


@dataclass(frozen=True)
class ReportDeadline:
    due: dt.date
    period_start: dt.date
    period_end: dt.date
    retain_until: dt.date  # records kept this long (part 762: five years)


def _add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    return dt.date(d.year + y, m + 1, 1)


def report_calendar(today: dt.date, th: Thresholds, count: int = 4) -> list[ReportDeadline]:
    """The next ``count`` semi-annual report deadlines on or after ``today``.

    Each report covers the six months that end with the month before its deadline
    (15 January: July-December; 15 July: January-June).
    """
    out: list[ReportDeadline] = []
    year = today.year
    while len(out) < count:
        for month, day in sorted(th.report_deadlines):
            due = dt.date(year, month, day)
            if due < today or len(out) >= count:
                continue
            first_of_due_month = dt.date(year, month, 1)
            start = _add_months(first_of_due_month, -6)
            end = first_of_due_month - dt.timedelta(days=1)
            try:
                retain = due.replace(year=due.year + th.record_retention_years)
            except ValueError:  # 29 February
                retain = due.replace(year=due.year + th.record_retention_years, day=28)
            out.append(ReportDeadline(due, start, end, retain))
        year += 1
    return out
