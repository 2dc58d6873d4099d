"""Two corrections to reportlab, installed once when the report's fonts are registered.

1. **ToUnicode for characters beyond the BMP.** reportlab writes each subset character's code
   point as four hex digits (``<%04X>``): U+20B9F (𠮟, a jōyō kanji IPAexGothic has) becomes
   ``<20B9F>``, which a reader takes as U+20B9 and a stray digit, so copied or extracted text
   shows "₹". The CMap must give UTF-16BE, that is a surrogate pair for such a character.
2. **Kinsoku (Japanese line breaking).** reportlab's CJK line breaking keeps a character that
   may not start a line (a closing bracket, 。, a small kana) on the line before, but does
   nothing for a character that may not end one: an opening bracket 「（ was left at a line end;
   and only one closing character hangs, so in 」。 the 。 started the next line.
   ``cjk_frag_split`` is reportlab's routine with that rule added: an opening bracket moves to
   the next line with the text it opens. ``dumb_split`` does the same for reportlab's
   ``textsplit.dumbSplit``, which wraps a Japanese paragraph of one style.

Both replace module-level functions that reportlab looks up at call time; they are pure, so the
replacement is safe from any thread and changes nothing but the two behaviours above.
"""

from __future__ import annotations

import threading
from typing import Any

from reportlab.lib import textsplit
from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase import ttfonts
from reportlab.platypus import paragraph
from reportlab.rl_config import _FUZZ

_lock = threading.Lock()
_installed = False
# Opening brackets and quotes only: currency signs and "#" (also in reportlab's list) may end a line.
_CANNOT_END = "".join(ch for ch in ALL_CANNOT_END if ch not in "$£@#￥＄￡＠〒§")


def _utf16_hex(cp: int) -> str:
    return "".join(f"{unit:04X}" for unit in _units(cp))


def _units(cp: int) -> tuple[int, ...]:
    if cp <= 0xFFFF:
        return (cp,)
    v = cp - 0x10000
    return (0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF))


def make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ``makeToUnicodeCMap`` with UTF-16BE destinations (surrogate pairs above U+FFFF)."""
    head = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
    ]
    body = [f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)]
    tail = ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(head + body + tail)


def cjk_frag_split(frags: Any, maxWidths: Any, calcBounds: Any, encoding: str = "utf8") -> Any:
    """reportlab's ``cjkFragSplit`` (4.x/5.x) plus: a line never ends with an opening bracket."""
    cjkU, makeCJKParaLine, ParaLines = paragraph.cjkU, paragraph.makeCJKParaLine, paragraph.ParaLines
    from unicodedata import category

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
                if ord(u) < 0x3000:  # inside a Latin run: go back to a space or a kanji
                    limitCheck = (lineStartPos + i) >> 1
                    for j in range(i - 1, limitCheck, -1):
                        uj = U[j]
                        if (uj and category(uj) == "Zs") or ord(uj) >= 0x3000:
                            k = j + 1
                            if k < i:
                                j = k + 1
                                extraSpace += sum(U[ii].width for ii in range(j, i))
                                w = U[k].width
                                u = U[k]
                                i = j
                                break
                if u not in ALL_CANNOT_START and i > lineStartPos + 1:
                    i -= 1  # the character goes to the next line (one that may start a line)
                    extraSpace += w
                # Kinsoku: an opening bracket never ends a line; it moves down with its text.
                while i > lineStartPos + 2 and U[i - 1] in _CANNOT_END:
                    i -= 1
                    extraSpace += U[i].width
                # ... and what may not start a line (」 then 。) hangs too, up to two characters.
                for _ in range(2):
                    if i < nU and U[i] in ALL_CANNOT_START:
                        extraSpace -= U[i].width
                        i += 1
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


def dumb_split(word: str, widths: list[float], maxWidths: Any) -> list[list[Any]]:
    """reportlab's ``textsplit.dumbSplit`` (used for a one-style Japanese paragraph) plus the same
    rule: a line never ends with an opening bracket."""
    from unicodedata import category

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
            extraSpace = maxWidth - widthUsed
            if ord(c) < 0x3000:
                limitCheck = (lineStartPos + i) >> 1
                for j in range(i - 1, limitCheck, -1):
                    cj = word[j]
                    if category(cj) == "Zs" or ord(cj) >= 0x3000:
                        k = j + 1
                        if k < i:
                            j = k + 1
                            extraSpace += sum(widths[j:i])
                            w = widths[k]
                            c = word[k]
                            i = j
                            break
            if c not in ALL_CANNOT_START and i > lineStartPos + 1:
                i -= 1
                extraSpace += w
            while i > lineStartPos + 2 and word[i - 1] in _CANNOT_END:  # kinsoku: no opening bracket at the end
                i -= 1
                extraSpace += widths[i]
            for _ in range(2):  # ... and what may not start a line (」 then 。) hangs, up to two characters
                if i < nW and word[i] in ALL_CANNOT_START:
                    extraSpace -= widths[i]
                    i += 1
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


def install() -> None:
    """Install both corrections (idempotent, thread-safe)."""
    global _installed
    if _installed:
        return
    with _lock:
        if not _installed:
            ttfonts.makeToUnicodeCMap = make_to_unicode_cmap
            paragraph.cjkFragSplit = cjk_frag_split
            textsplit.dumbSplit = dumb_split
            _installed = True
