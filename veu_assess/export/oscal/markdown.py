"""Markdown escaping for text placed in OSCAL ``markup-line`` / ``markup-multiline`` fields.

OSCAL's JSON format carries titles, descriptions, remarks, prose and citation texts as
Markdown. The operator's and auditor's words (notes, justifications, comments, names, file
names) and the catalog's plain texts are not Markdown, so every character that Markdown would
read as formatting is backslash-escaped (CommonMark allows a backslash before any ASCII
punctuation): ``*a*`` stays two asterisks, ``[x](y)`` stays text, ``<b>`` is no HTML tag, a
leading ``#`` is no heading. Letters, digits, spaces and non-ASCII text (Japanese included)
are left exactly as they are.

- Everywhere: ``\\ ` * _ { } [ ] < > | ~`` (emphasis, code, links, HTML, tables,
  strike-through, OSCAL's ``{{ insert: ... }}`` parameters).
- ``&`` where it would start a character reference (``&amp;``, ``&#42;``): "R&D" stays as it is.
- At the start of a line: ``# + - =`` (headings, lists, thematic breaks, setext underlines)
  and the ``.`` or ``)`` of an ordered-list marker such as ``1.``.
- Leading and trailing spaces and tabs of a line are dropped: four leading blanks would start
  a code block, two trailing blanks force a line break.
"""

from __future__ import annotations

import re

ALWAYS = frozenset("\\`*_{}[]<>|~")
"""Characters escaped wherever they occur."""

LINE_START = frozenset("#+-=")
"""Characters escaped when they begin a line."""

_ALWAYS_RE = re.compile("([" + re.escape("".join(sorted(ALWAYS))) + "])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def _escape_line(text: str) -> str:
    text = _ENTITY.sub(r"\\&", _ALWAYS_RE.sub(r"\\\1", text.strip(" \t")))
    if text[:1] in LINE_START:
        return "\\" + text
    return _ORDERED.sub(r"\1\\\2", text)


def md_escape(text: str) -> str:
    """Text for a ``markup-multiline`` field: line breaks kept, every Markdown construct literal."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(_escape_line(ln) for ln in lines).strip("\n")


def md_line(text: str) -> str:
    """Text for a ``markup-line`` field: whitespace collapsed to single blanks, then escaped."""
    return _escape_line(" ".join(text.split()))


def md_unescape(text: str) -> str:
    """The inverse of the escaping (for tests and readers): drop the backslash before punctuation."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)
