"""Japanese line breaking for reportlab: kinsoku rules, at the cost of the characters, not of objects.

reportlab wraps a Japanese paragraph character by character. For a paragraph of several styles
(``cjkFragSplit``) it makes one ``cjkU`` object per character, measured by its own
``stringWidth`` call, and builds each line again character by character (a font lookup and an
attribute-by-attribute style comparison per character); for a paragraph of one style
(``textsplit.wordSplit``) it measures each character with a ``stringWidth`` call ("the
performance is going to SUCK", says its source). That was about a sixth of the Japanese
report's time.

``cjk_frag_split`` is reportlab's ``cjkFragSplit`` (4.x/5.x) with the kinsoku rule reportlab lacks
(an opening bracket never ends a line; up to two characters that may not start one hang) and
without the per-character objects: characters, widths and styles are parallel lists, a line's
words are built per run of one style, and widths come from ``char_widths``, which asks
``stringWidth`` once per character, font and size and remembers the answer. Lines, widths and
words are the same as reportlab's (the tests compare both on the reports' paragraphs).
``dumb_split`` is ``textsplit.dumbSplit`` with the same rule; ``char_widths`` replaces
``textsplit.getCharWidths``. ``report.pdfpatch`` installs all three.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any
from unicodedata import category

from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus import paragraph
from reportlab.rl_config import _FUZZ

# Opening brackets and quotes only: currency signs and "#" (also in reportlab's list) may end a line.
CANNOT_END = "".join(ch for ch in ALL_CANNOT_END if ch not in "$£@#￥＄￡＠〒§")

WIDTHS_KEPT = 20_000  # characters remembered per font and size (a hostile text may use a million)
_widths: dict[tuple[str, float], dict[str, float]] = {}
_widths_lock = threading.Lock()


def char_widths(text: str, font: str, size: float) -> list[float]:
    """Each character's ``stringWidth`` in ``font`` at ``size``: reportlab's own figure, asked
    once per character, font and size in the process (a font has a few thousand glyphs)."""
    key = (font, size)
    table = _widths.get(key)
    if table is None:
        with _widths_lock:
            table = _widths.setdefault(key, {})
    out = []
    for ch in text:
        w = table.get(ch)
        if w is None:
            w = stringWidth(ch, font, size)
            if len(table) < WIDTHS_KEPT:
                table[ch] = w
        out.append(w)
    return out


def line_end(chars: Any, width: Callable[[int], float], i: int, start: int, last: Any, last_width: float,
             extra: float) -> tuple[int, float]:
    """Where a line that ran over with ``chars[i - 1]`` (``last``, ``last_width`` wide) ends, and the
    line's space left: reportlab's step (inside a Latin run, go back to a space or a kanji; the
    character that ran over moves down unless it may not start a line) plus kinsoku (an opening
    bracket never ends a line; up to two characters that may not start one hang). One step for the
    three line breakers below, whatever holds their characters (a str, a list, reportlab's cjkU)."""
    if ord(last) < 0x3000:
        for j in range(i - 1, (start + i) >> 1, -1):
            cj = chars[j]
            if (cj and category(cj) == "Zs") or ord(cj) >= 0x3000:
                k = j + 1
                if k < i:
                    extra += sum(width(n) for n in range(k + 1, i))
                    last, last_width, i = chars[k], width(k), k + 1
                    break
    if last not in ALL_CANNOT_START and i > start + 1:
        i -= 1  # the character goes to the next line (one that may start a line)
        extra += last_width
    while i > start + 2 and chars[i - 1] in CANNOT_END:  # kinsoku: it moves down with its text
        i -= 1
        extra += width(i)
    for _ in range(2):  # ... and what may not start a line (」 then 。) hangs
        if i < len(chars) and chars[i] in ALL_CANNOT_START:
            extra -= width(i)
            i += 1
    return i, extra


def get_char_widths(word: str, fontName: str, fontSize: float) -> list[float]:
    """``textsplit.getCharWidths`` (used by ``wordSplit`` for a one-style Japanese paragraph)."""
    return char_widths(word, fontName, fontSize)


def dumb_split(word: str, widths: list[float], maxWidths: Any) -> list[list[Any]]:
    """reportlab's ``textsplit.dumbSplit`` (used for a one-style Japanese paragraph) plus the same
    rule: a line never ends with an opening bracket."""
    if not isinstance(maxWidths, list | tuple):
        maxWidths = [maxWidths]
    lines: list[list[Any]] = []
    i = lineStartPos = 0
    widthUsed = 0.0
    maxWidth = maxWidths[0]
    nW = len(word)
    while i < nW:
        w = widths[i]
        c = word[i]
        widthUsed += w
        i += 1
        if widthUsed > maxWidth + _FUZZ and widthUsed > 0:
            i, extraSpace = line_end(word, widths.__getitem__, i, lineStartPos, c, w, maxWidth - widthUsed)
            lines.append([extraSpace, word[lineStartPos:i].strip()])
            try:
                maxWidth = maxWidths[len(lines)]
            except IndexError:
                maxWidth = maxWidths[-1]
            lineStartPos = i
            widthUsed = 0.0
    if widthUsed > 0:
        lines.append([maxWidth - widthUsed, word[lineStartPos:]])
    return lines


def _fast_ok(frags: Any) -> bool:
    # Inline images (cbDefn) have widths of their own and bytes need decoding: reportlab's way.
    return all(not hasattr(f, "cbDefn") and isinstance(f.text, str) for f in frags)


def cjk_frag_split(frags: Any, maxWidths: Any, calcBounds: Any, encoding: str = "utf8") -> Any:
    """reportlab's ``cjkFragSplit`` plus kinsoku, without an object per character."""
    if not _fast_ok(frags):
        return _cjk_frag_split_units(frags, maxWidths, calcBounds, encoding)
    chars: list[str] = []
    widths: list[float] = []
    owner: list[int] = []  # the frag each character comes from
    for n, f in enumerate(frags):
        text = f.text
        if text:
            chars.extend(text)
            widths += char_widths(text, f.fontName, f.fontSize)
            owner += [n] * len(text)
        else:  # an empty frag (a <br/>) is one empty unit, as in reportlab
            chars.append(text)
            widths.append(0.0)
            owner.append(n)
    breaks = [hasattr(f, "lineBreak") for f in frags]
    lines: list[Any] = []
    i = lineStartPos = 0
    widthUsed = 0.0
    maxWidth = maxWidths[0]
    nU = len(chars)
    while i < nU:
        u = chars[i]
        w = widths[i]
        lineBreak = breaks[owner[i]]
        i += 1
        widthUsed += w
        endLine = (widthUsed > maxWidth + _FUZZ and widthUsed > 0) or lineBreak
        if endLine:
            extraSpace = maxWidth - widthUsed
            if not lineBreak:
                i, extraSpace = line_end(chars, widths.__getitem__, i, lineStartPos, u, w, extraSpace)
            lines.append(_line(frags, chars, owner, lineStartPos, i, maxWidth, widthUsed, extraSpace, lineBreak))
            try:
                maxWidth = maxWidths[len(lines)]
            except IndexError:
                maxWidth = maxWidths[-1]
            lineStartPos = i
            widthUsed = 0.0
    if widthUsed > 0:
        lines.append(_line(frags, chars, owner, lineStartPos, nU, maxWidth, widthUsed, maxWidth - widthUsed, False))
    return paragraph.ParaLines(kind=1, lines=lines)


def _line(frags: Any, chars: list[str], owner: list[int], start: int, end: int, maxWidth: float,
          widthUsed: float, extraSpace: float, lineBreak: bool) -> Any:
    """reportlab's ``makeCJKParaLine`` for the characters ``start:end``, a run of one frag at a
    time: a word per run of frags that ``sameFrag`` finds alike, a clone of the run's first."""
    sameFrag, FragLine = paragraph.sameFrag, paragraph.FragLine
    words: list[Any] = []
    maxSize = maxAscent = minDescent = 0
    head: Any = None  # the frag of the current word
    text: list[str] = []
    p = start
    while p < end:
        n = owner[p]
        q = p + 1
        while q < end and owner[q] == n:
            q += 1
        f = frags[n]
        fontSize = f.fontSize
        ascent, descent = getAscentDescent(f.fontName, fontSize)
        maxSize = max(maxSize, fontSize)
        maxAscent = max(maxAscent, ascent)
        minDescent = min(minDescent, descent)
        # One unit at a time, as reportlab compares them: a frag is never "the same" as itself when
        # it is a line break, so each such unit is a word of its own.
        for unit in range(p, q):
            if head is None or not sameFrag(head, f):
                if head is not None:
                    word = head.clone()
                    word.text = "".join(text)
                    words.append(word)
                head, text = f, []
            text.append(chars[unit])
            if not breaks_like_self(f):
                text.extend(chars[unit + 1 : q])
                break
        p = q
    if head is not None:
        word = head.clone()
        word.text = "".join(text)
        words.append(word)
    return FragLine(kind=1, extraSpace=extraSpace, wordCount=1, words=words, fontSize=maxSize, ascent=maxAscent,
                    descent=minDescent, maxWidth=maxWidth, currentWidth=widthUsed, lineBreak=lineBreak)


def breaks_like_self(f: Any) -> bool:
    """True when ``sameFrag(f, f)`` is false (a line break or an inline image): each unit of such
    a frag starts a word of its own."""
    return hasattr(f, "lineBreak") or hasattr(f, "cbDefn")


def _cjk_frag_split_units(frags: Any, maxWidths: Any, calcBounds: Any, encoding: str = "utf8") -> Any:
    """reportlab's ``cjkFragSplit`` with kinsoku, one ``cjkU`` per character: for paragraphs with
    inline images or bytes, which the fast path leaves to reportlab's objects."""
    cjkU, makeCJKParaLine, ParaLines = paragraph.cjkU, paragraph.makeCJKParaLine, paragraph.ParaLines

    U: list[Any] = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            U.extend([cjkU(t, f, encoding) for t in text])
        else:
            U.append(cjkU(text, f, encoding))
    lines: list[Any] = []
    i = lineStartPos = 0
    widthUsed = 0.0
    maxWidth = maxWidths[0]
    nU = len(U)
    while i < nU:
        u = U[i]
        i += 1
        w = u.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = maxWidth
            w = w.normalizedValue(maxWidth)
        widthUsed += w
        lineBreak = hasattr(u.frag, "lineBreak")
        endLine = (widthUsed > maxWidth + _FUZZ and widthUsed > 0) or lineBreak
        if endLine:
            extraSpace = maxWidth - widthUsed
            if not lineBreak:
                i, extraSpace = line_end(U, lambda n: U[n].width, i, lineStartPos, u, w, extraSpace)
            lines.append(makeCJKParaLine(U[lineStartPos:i], maxWidth, widthUsed, extraSpace, lineBreak, calcBounds))
            try:
                maxWidth = maxWidths[len(lines)]
            except IndexError:
                maxWidth = maxWidths[-1]
            lineStartPos = i
            widthUsed = 0.0
    if widthUsed > 0:
        lines.append(makeCJKParaLine(U[lineStartPos:], maxWidth, widthUsed, maxWidth - widthUsed, False, calcBounds))
    return ParaLines(kind=1, lines=lines)
