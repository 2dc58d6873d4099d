"""Dates and numbers written the way each interface language writes them (no Qt needed).

Japanese: 2026年11月28日, 1,234.5. English (US readers: counsel, BIS): November 28, 2026, 1,234.5.
Kept Qt-free so the report, the CSV export and the CLI can word dates like the GUI does; the GUI's
own date and number widgets follow ``QLocale.setDefault`` set by ``veu_assess.ui.i18n``.
Python's ``strftime``/``locale`` are not used: they depend on the machine's installed locales.

Scores and percentages are written by ``format_percent`` alone (app, CLI, report, exports). They
are cut, not rounded, to the shown decimals: a level is decided on the exact score against a
threshold such as 85, and 84.96 shown as "85.0%" next to "Ready with conditions" would claim a
level the score did not reach. Cutting never shows a figure above the exact one.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_FLOOR, Decimal

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


def format_number(value: float | int | Decimal, lang: str, decimals: int = 0) -> str:
    """Grouped with commas and a decimal point (the same in both languages); e.g. ``4,800.0``.

    ``lang`` is accepted so that callers stay correct if another language with other separators
    (e.g. German) is added; '-0' is shown as '0'.
    """
    del lang  # en and ja share separators; see the docstring
    text = f"{value:,.{decimals}f}"
    if text.lstrip("-").strip("0.,") == "":
        text = text.lstrip("-")
    return text


SCORE_DECIMALS = 1  # every score and percentage shown anywhere: 84.5%


def shown_value(value: float, decimals: int = SCORE_DECIMALS) -> Decimal:
    """``value`` cut (towards minus infinity) to ``decimals`` places: what the user is shown.

    ``repr`` gives the shortest decimal that reads back as the same float, so a score that is not
    below a threshold (85.0) is not shown below it either, and one below it (84.999) is shown
    below it (84.9)."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_FLOOR)


def format_figure(value: float, lang: str = "en", decimals: int = SCORE_DECIMALS) -> str:
    """A score as a bare figure (``84.5``), cut like ``format_percent``."""
    return format_number(shown_value(value, decimals), lang, decimals)


def format_percent(value: float | None, lang: str = "en", decimals: int = SCORE_DECIMALS) -> str:
    """``84.5%`` in both languages (no space, as in Japanese business documents); '—' if None."""
    return "—" if value is None else f"{format_figure(value, lang, decimals)}%"


def format_delta(old: float | None, new: float | None, decimals: int = SCORE_DECIMALS) -> str:
    """How far a shown score moved (``+1.2``): the difference of the two figures as shown, so
    the three numbers on screen add up; '—' if either is None."""
    if old is None or new is None:
        return "—"
    delta = shown_value(new, decimals) - shown_value(old, decimals)
    return f"{delta:+.{decimals}f}"
