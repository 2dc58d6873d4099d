"""The languages of the app, its reports and exports: the one list, and the one check of a code."""

from __future__ import annotations

LANGUAGES = ("en", "ja")  # English first: the fallback wherever a text is missing


def check_language(lang: str, what: str = "") -> str:
    """``lang`` if it is one of LANGUAGES, else a ValueError naming ``what`` (e.g. "report")."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown {what + ' ' if what else ''}language {lang!r} (use {' or '.join(LANGUAGES)})")
    return lang
