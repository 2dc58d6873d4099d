"""The review's words shared by the app, the CLI and the report (the ``review_*`` labels of
``veu_assess.text.labels``):

- ``signoff_status_text``: "intact" / "changed after sign-off on DATE" for one sign-off;
- ``protection_statement``: what the sign-off digest protects against, and what it does not.

An unknown language falls back to English (the report and the app only pass en or ja).
"""

from __future__ import annotations

import datetime as dt

from veu_assess.languages import LANGUAGES
from veu_assess.text.labels import labels


def text(key: str, lang: str = "en", **values: object) -> str:
    """The label ``review_<key>`` in ``lang``; a missing key is a broken installation (LabelsError)."""
    return labels(lang if lang in LANGUAGES else "en").text(f"review_{key}", **values)


def signoff_status_text(changed: bool, signed_on: dt.date, lang: str = "en") -> str:
    if not changed:
        return text("signoff_intact", lang)
    return text("signoff_changed", lang, date=signed_on.isoformat())


def protection_statement(lang: str = "en") -> str:
    return text("protection_statement", lang)
