"""Right-to-left text for reportlab: Arabic shaped, Hebrew and Arabic in visual order.

reportlab draws characters left to right, one glyph each, as they come. Arabic letters take a
different form at the start, middle or end of a word (and ligatures such as lam-alef), and
Arabic and Hebrew run right to left; an address in Dubai typed in Arabic came out as isolated
letters in reverse order. ``visual()`` turns one line of logical text into what reportlab must
draw: ``arabic_reshaper`` picks the contextual forms (Arabic Presentation Forms, which DejaVu
Sans has), then ``python-bidi`` (the Unicode Bidirectional Algorithm) reorders the line.
Text without a right-to-left character is returned unchanged, at the cost of one regex search.

Shaping happens where text becomes something reportlab draws (``text.markup``, the header's
``Decor.draw``, plain table cells), never in the context: the CSV and OSCAL exports keep the
logical order. A paragraph is reordered line by line as the user typed it, before reportlab
wraps it; a right-to-left line too long for its width wraps with its visual start first (the
usual limit of shaping before layout; addresses and names are short).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import arabic_reshaper

# arabic_reshaper and python-bidi (with configparser, which arabic_reshaper reads its settings
# with) are imported on the first right-to-left line, not here: most files have none, and their
# import cost ~23 M instructions (callgrind), 2 % of `veu-assess score`, when it still came here.
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
# Bidi controls (embeddings, overrides, isolates, marks): the algorithm has used them once the
# line is in visual order; drawn, they would be empty boxes or U+FFFD.
_BIDI_CONTROLS = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")


@functools.cache
def _reshaper() -> arabic_reshaper.ArabicReshaper:
    import arabic_reshaper

    # Keep harakat (vowel marks): DejaVu Sans has them as combining marks.
    return arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def visual(text: str) -> str:
    """``text`` in the order and forms to draw it left to right, line by line."""
    if not has_rtl(text):
        return text
    from bidi import get_display

    out = []
    for line in text.split("\n"):
        if has_rtl(line):
            line = _BIDI_CONTROLS.sub("", get_display(_reshaper().reshape(line)))
        out.append(line)
    return "\n".join(out)
