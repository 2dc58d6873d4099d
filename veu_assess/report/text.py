"""Make untrusted text safe for reportlab: clean it, then escape it as Paragraph markup.

reportlab's Paragraph text is markup: an unescaped ``<img src=...>`` embeds a local file and
``<a href=...>`` makes a link, so user text is only ever passed through ``markup()`` (or through
an autoescaping jinja template, which escapes the same characters). ``clean()`` additionally
turns control characters into visible code points such as ``[U+001B]`` and lone surrogates and
non-characters into U+FFFD, so that nothing a user typed can break the PDF writer or vanish
silently. (Characters no embedded font has, such as Hangul or emoji, are replaced when the markup
is set: see ``report.glyphs``.) ``chunks()`` cuts long texts into
pieces that reportlab lays out quickly, at paragraph, sentence or word boundaries.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from markupsafe import escape

from veu_assess.i18n_format import format_date
from veu_assess.report.shaping import visual

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_C1_RE = re.compile(r"[\x80-\x9f]")
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
# Non-characters (U+FFFE, U+FFFF, U+xFFFE/U+xFFFF of every plane) are shown as the replacement
# character. Other characters beyond the BMP stay: they are drawn where an embedded font has
# them (𠮟 U+20B9F) and become U+FFFD only where none does (see ``report.glyphs``).
_NONCHAR_RE = re.compile("[" + "".join(chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF)
                                        for plane in range(17)) + "]")


# A quick test for all four: one class of ranges, with every character beyond the BMP in place
# of the 32 non-characters there (a class of 32 single astral characters costs 45 ns a character
# to scan, 20 times a class of ranges: 4 % of a report's time went to this check). Clean text
# (no control, no character beyond the BMP) passes in one fast scan; anything it matches takes
# the exact substitutions below, which leave a supplementary character such as 𠮟 as it is.
_ANY_RE = re.compile("[" + "".join(p.pattern[1:-1] for p in (_CONTROL_RE, _C1_RE, _SURROGATE_RE))
                     + "\ufffe\uffff\U00010000-\U0010ffff]")


def _picture(match: re.Match[str]) -> str:
    # Written out as a code point: the embedded fonts have no "control picture" glyphs.
    return f"[U+{ord(match.group(0)):04X}]"


def clean(text: str, keep_newlines: bool = True) -> str:
    """Visible, encodable text: C0 controls -> ``[U+00XX]``; C1, surrogates, non-characters -> U+FFFD."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    if not keep_newlines:
        text = text.replace("\n", " ")
    if _ANY_RE.search(text) is None:  # one fast pass for the usual clean text (see _ANY_RE)
        return text
    text = _CONTROL_RE.sub(_picture, text)
    text = _C1_RE.sub("\ufffd", text)
    text = _SURROGATE_RE.sub("\ufffd", text)
    return _NONCHAR_RE.sub("\ufffd", text)


def markup(text: str) -> str:
    """Escaped Paragraph markup for untrusted text; newlines become line breaks. Right-to-left
    text (Arabic, Hebrew) is shaped and put in visual order first (see ``report.shaping``)."""
    return str(escape(visual(clean(text)))).replace("\n", "<br/>")


HASH_GROUP = 8


def hash_text(digest: str) -> str:
    """A hex digest in groups of eight (``3f2a9c1e 77b0…``): a line breaks only between groups,
    never inside one, and a reader compares it group by group. Extracted text without spaces
    is the digest again."""
    return " ".join(digest[i : i + HASH_GROUP] for i in range(0, len(digest), HASH_GROUP))


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

# Where a long text may be cut, strongest first; a cut goes after the match (the whitespace, the
# newline or the Japanese full stop stays with the piece before it, so no character is lost).
_PARAGRAPH_END = re.compile(r"\n\s*")
_SENTENCE_END = re.compile(r"(?:[.!?…][)\]\"'”’」』）]*\s+|[。！？][」』）)]*\s*)")
_SPACE = re.compile(r"\s+")


def _last_end(pattern: re.Pattern[str], window: str) -> int:
    """The end of the last match of ``pattern`` in ``window`` that leaves text before it, or 0."""
    end = 0
    for m in pattern.finditer(window):
        if m.start() > 0:
            end = m.end()
    return end


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece of ``text`` starting at ``start`` ends: at most ``limit`` characters on, at
    the last paragraph end, else sentence end, else whitespace in reach; a hard cut otherwise."""
    window = text[start : start + limit]
    for pattern in (_PARAGRAPH_END, _SENTENCE_END, _SPACE):
        end = _last_end(pattern, window)
        if end:
            return start + end
    cut = start + limit
    # A hard cut keeps a combining mark (an accent, a dakuten) with the character it belongs to.
    while cut > start + 1 and unicodedata.combining(text[cut]):
        cut -= 1
    return cut


def chunks(text: str, limit: int = CHUNK) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters that join back into ``text``.

    Pieces end at a paragraph end where there is one in reach, else at the end of a sentence
    (``. `` or Japanese ``。``), else after whitespace; only a run of ``limit`` characters with
    none of these (a hash, a URL) is cut in the middle. reportlab's line breaking slows down
    sharply with paragraph length (a 75 000-character word full of escaped ``<`` took a minute);
    pieces of 1500 characters keep any text fast.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    out: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, limit)
        out.append(text[start:end])
        start = end
    if start < len(text):
        out.append(text[start:])
    return out


def paragraphs(text: str) -> list[str]:
    """Split user text into paragraphs at newlines (dropping empty ones), long ones into pieces."""
    return [piece.strip() for part in clean(text).split("\n") if part.strip()
            for piece in chunks(part.strip()) if piece.strip()]
