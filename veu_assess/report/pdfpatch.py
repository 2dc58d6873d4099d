"""Two corrections to reportlab, installed once when the report's fonts are registered.

1. **ToUnicode for characters beyond the BMP.** reportlab writes each subset character's code
   point as four hex digits (``<%04X>``): U+20B9F (𠮟, a jōyō kanji IPAexGothic has) becomes
   ``<20B9F>``, which a reader takes as U+20B9 and a stray digit, so copied or extracted text
   shows "₹". The CMap must give UTF-16BE, that is a surrogate pair for such a character.
2. **Kinsoku (Japanese line breaking).** reportlab's CJK line breaking keeps a character that
   may not start a line (a closing bracket, 。, a small kana) on the line before, but does
   nothing for a character that may not end one: an opening bracket 「（ was left at a line end;
   and only one closing character hangs, so in 」。 the 。 started the next line.
   ``report.kinsoku`` has reportlab's routines with that rule added (an opening bracket moves
   to the next line with the text it opens), and measures each character once per font and
   size rather than once per use (reportlab's per-character objects and width calls were
   about a sixth of the Japanese report's time).

Both replace module-level functions that reportlab looks up at call time; they are pure, so the
replacement is safe from any thread and changes nothing but the behaviours above.
"""

from __future__ import annotations

import threading

from reportlab.lib import textsplit
from reportlab.pdfbase import ttfonts
from reportlab.platypus import paragraph

from veu_assess.report import kinsoku

_lock = threading.Lock()
_installed = False


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


def install() -> None:
    """Install both corrections (idempotent, thread-safe)."""
    global _installed
    if _installed:
        return
    with _lock:
        if not _installed:
            ttfonts.makeToUnicodeCMap = make_to_unicode_cmap
            paragraph.cjkFragSplit = kinsoku.cjk_frag_split
            textsplit.dumbSplit = kinsoku.dumb_split
            textsplit.getCharWidths = kinsoku.get_char_widths
            _installed = True
