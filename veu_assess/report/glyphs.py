"""Per-character font fallback: every character is drawn in an embedded font that has a glyph for it.

A TrueType font draws a character it has no glyph for as an empty box ("tofu"), and says nothing.
The report's fonts cover different scripts: DejaVu Sans has Latin, Greek, Cyrillic, Hebrew,
Arabic and U+FFFD but no kana or kanji; IPAexGothic has Japanese (and Latin) but no Hebrew and
no U+FFFD; neither has Korean Hangul. So text is split into runs by the first font, in the
report's order of preference, whose cmap has the character; a character that no bundled font
has is replaced by U+FFFD, set in a font that has it, so it stays visible and searchable.

Coverage is read from each font's cmap (reportlab's ``face.charToGlyph``); a family's coverage
is what all its faces (regular and bold) share, because ``<b>`` may switch the face. Characters
beyond the Basic Multilingual Plane count like any other (U+20B9F 𠮟 is in IPAexGothic):
``report.pdfpatch`` makes reportlab write their ToUnicode entries correctly.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

from reportlab.pdfbase import pdfmetrics

from veu_assess.report.fonts import CJK, CJK_BOLD, LATIN, LATIN_BOLD, register_fonts

REPLACEMENT = "\ufffd"

# The faces a family may switch between inside one paragraph (<b> picks the bold face).
# The Japanese bold (another family) lacks a few hundred rare kanji IPAexGothic has: coverage is
# the regular face's, so such a kanji in a bold run keeps its place rather than becoming U+FFFD.
_FAMILIES: dict[str, tuple[str, ...]] = {LATIN: (LATIN, LATIN_BOLD), LATIN_BOLD: (LATIN, LATIN_BOLD), CJK: (CJK,),
                                         CJK_BOLD: (CJK_BOLD,)}
_TAG = re.compile(r"(<[^>]*>)")


@functools.cache
def coverage(font: str) -> frozenset[int]:
    """Code points every face of ``font``'s family has a real glyph for (ASCII always counts)."""
    register_fonts()
    shared: set[int] | None = None
    for face in _FAMILIES.get(font, (font,)):
        cmap = pdfmetrics.getFont(face).face.charToGlyph
        points = {cp for cp, glyph in cmap.items() if glyph}
        shared = points if shared is None else shared & points
    return frozenset((shared or set()) | set(range(0x80)))


@functools.cache
def _missing(font: str) -> re.Pattern[str]:
    """A pattern matching any one character ``font`` cannot show."""
    points = sorted(coverage(font))
    ranges: list[str] = []
    start = prev = points[0]
    for cp in [*points[1:], -1]:
        if cp != prev + 1:
            ranges.append(f"\\U{start:08x}-\\U{prev:08x}" if prev > start else f"\\U{start:08x}")
            start = cp
        prev = cp
    return re.compile(f"[^{''.join(ranges)}]")


def covers(font: str, text: str) -> bool:
    """True when ``font`` (its whole family) has a glyph for every character of ``text``."""
    return _missing(font).search(text) is None


def _family(font: str) -> str:
    return LATIN if font == LATIN_BOLD else CJK if font == CJK_BOLD else font


def font_runs(text: str, primary: str, order: Sequence[str]) -> list[tuple[str, str]]:
    """``text`` as (font, text) runs: ``primary`` where it has the glyphs, else the first of
    ``order`` that has them; characters no font has become U+FFFD in a font that has it."""
    if covers(primary, text):
        return [(primary, text)] if text else []
    fonts = [primary, *(f for f in order if _family(f) != _family(primary))]
    spare = next((f for f in fonts if covers(f, REPLACEMENT)), primary)
    runs: list[tuple[str, str]] = []
    for ch in text:
        cp = ord(ch)
        # A combining mark (an accent) stays in the font of the character it sits on, if it can.
        prefer = [runs[-1][0]] if runs and unicodedata.combining(ch) else []
        font = next((f for f in [*prefer, *fonts] if cp in coverage(f)), None)
        if font is None:
            font, ch = spare, REPLACEMENT
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs


def fallback_markup(markup: str, primary: str, order: Sequence[str]) -> str:
    """Paragraph markup whose characters ``primary`` lacks are wrapped in ``<font name=...>``.

    Only text between tags is touched; tags and entities are ASCII, which every font covers.
    Inside ``<b>`` reportlab maps the fallback family to its bold face where it has one.
    """
    if covers(primary, markup):
        return markup
    out: list[str] = []
    for part in _TAG.split(markup):
        if part.startswith("<") or covers(primary, part):
            out.append(part)
            continue
        for font, run in font_runs(part, primary, order):
            out.append(run if font == primary else f'<font name="{font}">{run}</font>')
    return "".join(out)
