"""Dates and numbers written the way each interface language writes them (no Qt needed).

Japanese: 2026年11月28日, 1,234.5. English (US readers: counsel, BIS): November 28, 2026, 1,234.5.
Kept Qt-free so the report, the CSV export and the CLI can word dates like the GUI does; the GUI's
own date and number widgets follow ``QLocale.setDefault`` set by ``veu_assess.ui.i18n``.
Python's ``strftime``/``locale`` are not used: they depend on the machine's installed locales.
"""

from __future__ import annotations

import datetime as dt
import math

_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_date(value: dt.date | None, lang: str) -> str:
    """``2026年11月28日`` for 'ja', ``November 28, 2026`` otherwise; '' for no date."""
    if value is None:
        return ""
    if lang == "ja":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{_MONTHS_EN[value.month - 1]} {value.day}, {value.year}"


def format_number(value: float | int, lang: str, decimals: int = 0) -> str:
    """Grouped with commas and a decimal point (the same in both languages); e.g. ``4,800.0``.

    ``lang`` is accepted so that callers stay correct if another language with other separators
    (e.g. German) is added; '-0' is shown as '0'.
    """
    del lang  # en and ja share separators; see the docstring
    text = f"{value:,.{decimals}f}"
    if text.lstrip("-").strip("0.,") == "":
        text = text.lstrip("-")
    return text


def format_percent(value: float | None, lang: str) -> str:
    """``85%`` in both languages (no space, as in Japanese business documents); '—' if None.

    Whole percent, rounded down: a figure never shows a threshold it has not reached (89.6 %
    answered is "89%", not the "90%" a verdict needs; 84.9 % readiness is not "85%").
    """
    if value is None:
        return "—"
    return f"{format_number(math.floor(value + 1e-9), lang)}%"  # 1e-9: 100*57/57 style float noise
