"""Embedded TrueType fonts for the report: registered once, thread-safe, never the standard 14.

Every font in the PDF must be embedded, so the report never uses reportlab's built-in
Helvetica/Times (not embedded) nor its CID fonts (not embedded either). The English report sets
text in DejaVu Sans; the Japanese report, and any English paragraph that contains CJK user
text, in IPAexGothic (kana, kanji, Latin), with BIZ UDPGothic Bold as its bold. Characters a paragraph's font lacks
are set in the other font where it has them (see ``report.glyphs``).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from veu_assess.report import pdfpatch
from veu_assess.resources import fonts_dir

LATIN = "VeuDejaVuSans"
LATIN_BOLD = "VeuDejaVuSans-Bold"
CJK = "VeuIPAexGothic"
CJK_BOLD = "VeuBIZUDPGothic-Bold"

_FILES = {LATIN: "DejaVuSans.ttf", LATIN_BOLD: "DejaVuSans-Bold.ttf", CJK: "ipaexg.ttf",
          CJK_BOLD: "BIZUDPGothic-Bold.ttf"}
_lock = threading.Lock()
_registered = False

# Kana, CJK ideographs and symbols, half/full-width forms: text that DejaVu Sans cannot show.
_CJK_RE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


class FontError(RuntimeError):
    """A font file the report needs is missing or unreadable (a broken installation)."""


@dataclass(frozen=True)
class FontSet:
    """The fonts one report language uses: body, bold, the one for CJK paragraphs, and the order
    in which fonts are tried for a character the paragraph's font lacks."""

    body: str
    bold: str
    cjk: str
    cjk_wrap: bool  # wrap every paragraph the Japanese way (ja report)
    order: tuple[str, ...] = (LATIN, CJK)  # regular faces, most preferred first


def has_cjk(text: str) -> bool:
    return _CJK_RE.search(text) is not None


def register_fonts() -> None:
    """Register the shipped fonts with reportlab; safe to call from any thread, any number of times."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        folder = fonts_dir()
        for name, filename in _FILES.items():
            path = folder / filename
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except Exception as exc:  # reportlab raises several types for a bad or missing file
                raise FontError(f"the report font {filename} cannot be loaded ({exc}); reinstall the app") from exc
        pdfpatch.install()  # ToUnicode beyond the BMP, kinsoku line breaking (see report.pdfpatch)
        # <b> inside Paragraph markup picks the bold face; IPAexGothic has none of its own, so its
        # bold is BIZ UDPGothic Bold (OFL), a Japanese gothic of the same build and proportions.
        addMapping(LATIN, 0, 0, LATIN)
        addMapping(LATIN, 1, 0, LATIN_BOLD)
        addMapping(LATIN, 0, 1, LATIN)
        addMapping(LATIN, 1, 1, LATIN_BOLD)
        addMapping(LATIN_BOLD, 0, 0, LATIN_BOLD)
        addMapping(LATIN_BOLD, 1, 0, LATIN_BOLD)
        addMapping(LATIN_BOLD, 0, 1, LATIN_BOLD)
        addMapping(LATIN_BOLD, 1, 1, LATIN_BOLD)
        for italic in (0, 1):
            addMapping(CJK, 0, italic, CJK)
            addMapping(CJK, 1, italic, CJK_BOLD)
            addMapping(CJK_BOLD, 0, italic, CJK_BOLD)
            addMapping(CJK_BOLD, 1, italic, CJK_BOLD)
        _registered = True


def font_set(lang: str) -> FontSet:
    """The fonts of the report in ``lang`` (registered on first use)."""
    register_fonts()
    if lang == "ja":
        return FontSet(body=CJK, bold=CJK_BOLD, cjk=CJK, cjk_wrap=True, order=(CJK, LATIN))
    return FontSet(body=LATIN, bold=LATIN_BOLD, cjk=CJK, cjk_wrap=False, order=(LATIN, CJK))
