"""The US-content calculator: hand-computed bills of materials and the CSV import's refusals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from veu_assess.engine.bom import BomCsvError, parse_bom_csv, share_text, us_share
from veu_assess.model.assessment import BomLine


def _bom(*lines: tuple[str, float, str]) -> list[BomLine]:
    return [BomLine(description=d, value=v, origin=o) for d, v, o in lines]


def test_exactly_51_percent_meets_the_presumption() -> None:
    # 510 000 of 1 000 000 is US: 51.00 %, the presumption's floor.
    s = us_share(_bom(("GPU servers", 510_000, "US"), ("Racks and cooling", 490_000, "JP")))
    assert s.low == Decimal(51) and s.high == Decimal(51)
    assert s.outcome == "met"
    assert s.deciding == (0,)  # losing the one US line would drop the share below 51 %


def test_decimal_values_at_exactly_51_percent_are_not_lost_to_float_rounding() -> None:
    s = us_share(_bom(("a", 0.17, "US"), ("b", 0.34, "US"), ("c", 0.49, "TW")))
    assert s.low == Decimal(51) and s.outcome == "met"


def test_just_below_51_percent_does_not() -> None:
    # 509 900 of 1 000 000: 50.99 %.
    s = us_share(_bom(("GPU servers", 509_900, "US"), ("Switches", 300_000, "TW"), ("Power", 190_100, "JP")))
    assert share_text(s.low) == "50.99"
    assert s.outcome == "not_met"
    # the shortfall is 100: the largest non-US line alone would close it
    assert s.deciding == (1,)


def test_lines_without_origin_make_the_result_a_range() -> None:
    # US 400, JP 300, unknown 300 of 1 000: between 40 % and 70 % -> undetermined; the unknown line decides.
    s = us_share(_bom(("Servers", 400, "US"), ("Storage", 300, "JP"), ("Optics", 300, "")))
    assert (s.low, s.high) == (Decimal(40), Decimal(70))
    assert s.outcome == "undetermined"
    assert s.deciding == (2,)
    assert s.unknown_value == Decimal(300)


def test_unknown_lines_that_cannot_tip_it_leave_a_clear_result() -> None:
    s = us_share(_bom(("Servers", 800, "US"), ("Cables", 100, ""), ("Racks", 100, "JP")))
    assert (s.low, s.high, s.outcome) == (Decimal(80), Decimal(90), "met")
    # margin 800 - 510 = 290: the one US line is the deciding one
    assert s.deciding == (0,)
    s2 = us_share(_bom(("Servers", 100, "US"), ("Cables", 100, ""), ("Racks", 800, "JP")))
    assert (s2.high, s2.outcome) == (Decimal(20), "not_met")


def test_deciding_lines_are_the_fewest_largest_ones() -> None:
    # US 300 + 200 + 100 = 600 of 1000; margin 90: the 300 line alone decides.
    s = us_share(_bom(("a", 100, "US"), ("b", 300, "US"), ("c", 200, "US"), ("d", 400, "KR")))
    assert s.outcome == "met" and s.deciding == (1,)
    # US 100 of 1000; shortfall 410: the 400 and 300 lines (largest non-US first) close it.
    s = us_share(_bom(("a", 100, "US"), ("b", 300, "TW"), ("c", 200, "JP"), ("d", 400, "KR")))
    assert s.outcome == "not_met" and s.deciding == (3, 1)


def test_empty_or_zero_value_bom_has_no_share() -> None:
    assert us_share([]).outcome == "empty"
    assert us_share(_bom(("free sample", 0, "US"))).low is None


@pytest.mark.parametrize("value", [-1, float("nan"), float("inf"), 10**16])
def test_bad_values_are_refused_with_a_clear_message(value: float) -> None:
    with pytest.raises(ValidationError) as info:
        BomLine(description="x", value=value, origin="US")
    assert "value" in str(info.value)


def test_bad_origin_is_refused() -> None:
    with pytest.raises(ValidationError):
        BomLine(description="x", value=1, origin="usa")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**9), st.sampled_from(["US", "JP", "TW", ""])), max_size=30))
def test_share_matches_a_hand_formula(rows: list[tuple[int, str]]) -> None:
    lines = _bom(*((f"l{i}", v, o) for i, (v, o) in enumerate(rows)))
    s = us_share(lines)
    total = sum(v for v, _ in rows)
    us = sum(v for v, o in rows if o == "US")
    if total == 0:
        assert s.outcome == "empty"
        return
    assert (s.outcome == "met") == (100 * us >= 51 * total)
    assert s.low is not None and s.high is not None and s.low <= s.high


# --- CSV import ------------------------------------------------------------------------------------


def test_csv_import_reads_good_rows() -> None:
    text = "Description,Value,Origin\nGPU servers,510000,us\nRacks,490000.50,JP\nOptics,1000,\n\n"
    lines = parse_bom_csv(text)
    assert [(ln.description, ln.value, ln.origin) for ln in lines] == [
        ("GPU servers", 510000.0, "US"), ("Racks", 490000.5, "JP"), ("Optics", 1000.0, "")]


def test_csv_columns_in_any_order_and_a_bom_mark() -> None:
    lines = parse_bom_csv("\ufefforigin,description,value\nUS,Servers,10\n")
    assert lines[0].origin == "US" and lines[0].value == 10


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("description,value,origin\nServers,12abc,US\n", "line 2, column value: '12abc' is not a plain number"),
        ("description,value,origin\nServers,10,US\nRacks,-5,JP\n", "line 3, column value: '-5' is not a plain number"),
        ("description,value,origin\nServers,\"1,250\",US\n", "line 2, column value: '1,250'"),
        ("description,value,origin\nServers,10,USA\n", "line 2, column origin: 'USA' is not a two-letter"),
        ("description,value,origin\n,10,US\n", "line 2, column description: empty"),
        ("description,value,origin\nServers,10\n", "line 2: 2 fields, expected 3"),
        ("description,price,origin\nServers,10,US\n", "line 1: missing column(s) value"),
        ("", "line 1: the file is empty"),
        ("description,value,origin\nServers,1e20,US\n", "line 2, column value: '1e20' is not a plain number"),
    ],
)
def test_csv_errors_name_line_and_column(text: str, expected: str) -> None:
    with pytest.raises(BomCsvError) as info:
        parse_bom_csv(text)
    assert any(expected in p for p in info.value.problems), info.value.problems


def test_one_bad_row_imports_nothing_and_every_bad_row_is_named() -> None:
    text = "description,value,origin\nGood,10,US\nBad,x,US\nAlso good,5,JP\nWorse,1,ZZZ\n"
    with pytest.raises(BomCsvError) as info:
        parse_bom_csv(text)
    assert info.value.problems == [
        "line 3, column value: 'x' is not a plain number: write digits with an optional decimal point, "
        "without currency signs or thousands separators (e.g. 1250000.50)",
        "line 5, column origin: 'ZZZ' is not a two-letter country code (e.g. US, JP, TW); leave it empty "
        "when the origin is not known",
    ]
