"""TPP / performance density classification and the report calendar."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.calculators import (
    EXCLUDED,
    NONE,
    UNDETERMINED,
    A,
    B,
    classify,
    report_calendar,
    site_inventory,
)
from veu_assess.model.assessment import Accelerator


def test_h100_worked_example(catalog: Catalog) -> None:
    # The brief: 1,979 dense FP8 TFLOPS x 8 bits = 15,832 TPP; 15,832 / 814 mm² ≈ 19.4.
    c = classify(1979, 8, catalog.header.thresholds, 814)
    assert c.tpp == 15832
    assert c.density is not None and round(float(c.density), 1) == 19.4
    assert c.eccn == A


@pytest.mark.parametrize(
    ("tops", "bits", "area", "expected"),
    [
        (600, 8, None, A),  # TPP exactly 4800
        ("599.9", 8, None, UNDETERMINED),  # 4799.2 needs the density
        (370, 8, 500, A),  # TPP 2960, PD exactly 5.92
        (370, 8, "500.1", B),  # PD just below 5.92, 2400 <= TPP < 4800, PD >= 1.6
        (300, 8, 1500, B),  # TPP 2400, PD exactly 1.6
        (300, 8, "1500.1", NONE),  # PD just below 1.6 (and below 3.2)
        ("299.9", 8, "749.75", B),  # TPP 2399.2 >= 1600 and PD exactly 3.2
        (200, 8, 500, B),  # TPP 1600, PD exactly 3.2
        (200, 8, "500.001", NONE),  # PD just below 3.2, TPP below 2400
        ("199.9", 8, 100, NONE),  # TPP 1599.2 < 1600 whatever the density
        (200, 8, "270.2702", A),  # TPP 1600, PD just above 5.92
    ],
)
def test_threshold_edges(catalog: Catalog, tops: object, bits: int, area: object, expected: str) -> None:
    assert classify(tops, bits, catalog.header.thresholds, area).eccn == expected  # type: ignore[arg-type]


def test_note_2_excludes_non_datacenter_parts_below_4800(catalog: Catalog) -> None:
    th = catalog.header.thresholds
    assert classify(400, 8, th, 100, datacenter_part=False).eccn == EXCLUDED
    assert classify(600, 8, th, 100, datacenter_part=False).eccn == A


def test_bad_inputs_raise(catalog: Catalog) -> None:
    th = catalog.header.thresholds
    with pytest.raises(ValueError):
        classify(100, 0, th)
    with pytest.raises(ValueError):
        classify(100, 8, th, 0)


def test_site_inventory_totals(catalog: Catalog) -> None:
    inv = site_inventory(
        "tokyo",
        [
            Accelerator(model="H100 SXM", count=8, tops=1979, bits=8, die_area_mm2=814),
            Accelerator(model="Small card", count=4, tops=100, bits=8, die_area_mm2=200),
        ],
        catalog.header.thresholds,
    )
    assert inv.accelerator_count == 12
    assert inv.controlled_count == 8
    assert inv.total_tpp == Fraction(8 * 15832 + 4 * 800)
    assert inv.system_eccn == "4A090"


def test_report_calendar(catalog: Catalog) -> None:
    cal = report_calendar(dt.date(2026, 11, 28), catalog.header.thresholds, count=3)
    assert [d.due for d in cal] == [dt.date(2027, 1, 15), dt.date(2027, 7, 15), dt.date(2028, 1, 15)]
    assert (cal[0].period_start, cal[0].period_end) == (dt.date(2026, 7, 1), dt.date(2026, 12, 31))
    assert (cal[1].period_start, cal[1].period_end) == (dt.date(2027, 1, 1), dt.date(2027, 6, 30))
    assert cal[0].retain_until == dt.date(2032, 1, 15)
    assert report_calendar(dt.date(2027, 1, 15), catalog.header.thresholds, 1)[0].due == dt.date(2027, 1, 15)
