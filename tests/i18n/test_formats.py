"""Dates and numbers as each interface language writes them."""

from __future__ import annotations

import datetime as dt

from veu_assess.i18n_format import format_date, format_number, format_percent

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
    assert format_percent(85.4, "ja") == "85%"
    # Rounded down: never shows a threshold the figure has not reached.
    assert format_percent(89.6, "en") == "89%" and format_percent(84.99, "ja") == "84%"
    assert format_percent(100 * 57 / 57, "en") == "100%" and format_percent(0.0, "en") == "0%"
    assert format_percent(None, "en") == "—"
