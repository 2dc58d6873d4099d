"""Make untrusted text safe for reportlab: clean it, then escape it as Paragraph markup.

reportlab's Paragraph text is markup: an unescaped ``<img src=...>`` embeds a local file and
``<a href=...>`` makes a link, so user text is only ever passed through ``markup()`` (or through
an autoescaping jinja template, which escapes the same characters). ``clean()`` additionally
turns control characters into visible code points such as ``[U+001B]`` and lone surrogates into U+FFFD,
and characters the embedded fonts cannot show (emoji) into U+FFFD, so that nothing a user typed
can break the PDF writer or vanish silently.
"""

from __future__ import annotations

import datetime as dt
import re

from markupsafe import escape

from veu_assess.i18n_format import format_date

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_C1_RE = re.compile(r"[\x80-\x9f]")
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
# Non-characters (U+FFFE, U+FFFF) and characters beyond the Basic Multilingual Plane (emoji):
# the embedded fonts have no glyphs for the latter and reportlab writes an invalid ToUnicode
# entry for them, so both are shown as the replacement character.
_NONCHAR_RE = re.compile(r"[\ufffe\uffff\U00010000-\U0010ffff]")


def _picture(match: re.Match[str]) -> str:
    # Written out as a code point: the embedded fonts have no "control picture" glyphs.
    return f"[U+{ord(match.group(0)):04X}]"


def clean(text: str, keep_newlines: bool = True) -> str:
    """Visible, encodable text: C0 controls -> ``[U+00XX]``; C1, surrogates, emoji -> U+FFFD."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    if not keep_newlines:
        text = text.replace("\n", " ")
    text = _CONTROL_RE.sub(_picture, text)
    text = _C1_RE.sub("\ufffd", text)
    text = _SURROGATE_RE.sub("\ufffd", text)
    return _NONCHAR_RE.sub("\ufffd", text)


def markup(text: str) -> str:
    """Escaped Paragraph markup for untrusted text; newlines become line breaks."""
    return str(escape(clean(text))).replace("\n", "<br/>")


def date_text(value: dt.date | str | None, lang: str) -> str:
    """A date as the report's language writes it (``2026年11月28日``, ``November 28, 2026``).

    The context keeps ISO strings (the CSV writes them as they are); '' stays ''.
    """
    if not value:
        return ""
    return format_date(dt.date.fromisoformat(value) if isinstance(value, str) else value, lang)


def clip(text: str, limit: int) -> str:
    """Shorten text for a table cell (the full text appears in the section detail)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


CHUNK = 1500


def _chunks(line: str) -> list[str]:
    """Cut a very long line into pieces of at most CHUNK characters, at a space when there is one.

    reportlab's line breaking slows down sharply with paragraph length (a 75 000-character
    word full of escaped ``<`` took a minute); pieces of 1500 characters keep any text fast.
    """
    out: list[str] = []
    while len(line) > CHUNK:
        cut = line.rfind(" ", CHUNK // 2, CHUNK)
        cut = cut if cut > 0 else CHUNK
        out.append(line[:cut])
        line = line[cut:].lstrip(" ")
    if line:
        out.append(line)
    return out


def paragraphs(text: str) -> list[str]:
    """Split user text into paragraphs at newlines (dropping empty ones), long ones into pieces."""
    return [piece for part in clean(text).split("\n") if part.strip() for piece in _chunks(part.strip())]
