"""Dates and numbers as each interface language writes them."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from veu_assess.i18n_format import format_date, format_delta, format_number, format_percent, shown_value

DAY = dt.date(2026, 11, 28)


def test_dates() -> None:
    assert format_date(DAY, "ja") == "2026年11月28日"
    assert format_date(DAY, "en") == "November 28, 2026"
    assert format_date(dt.date(2027, 1, 5), "ja") == "2027年1月5日"
    assert format_date(None, "ja") == ""


def test_numbers() -> None:
    assert format_number(1234567, "ja") == "1,234,567"
    assert format_number(4800.04, "en", decimals=1) == "4,800.0"
    assert format_number(-0.01, "en", decimals=1) == "0.0"
    assert format_percent(85.4, "ja") == "85.4%"
    assert format_percent(84.96, "en") == "84.9%"  # cut, not rounded: 85.0% would pass a threshold
    assert format_percent(99.6, "en", decimals=0) == "99%"
    assert format_delta(84.549, 85.0) == "+0.5" and format_delta(None, 1.0) == "—"
    assert format_percent(None, "en") == "—"


@given(st.floats(min_value=0, max_value=100), st.integers(min_value=0, max_value=1000))
def test_a_shown_score_never_crosses_a_threshold(score: float, tenths: int) -> None:
    """Whatever the score, the figure shown is on the same side of any threshold with at most
    one decimal (60, 85, 72.5) as the score itself, and never above the score."""
    threshold = tenths / 10
    shown = float(shown_value(score))
    assert shown <= score
    assert (shown >= threshold) == (score >= threshold)
    assert float(format_percent(score).rstrip("%").replace(",", "")) == shown
