"""The report's one named stylesheet (per language) and its colours.

Every paragraph style names an embedded font from ``report.fonts``; nothing falls back to
reportlab's default Helvetica. Japanese styles wrap the CJK way. ``Styles.para()`` picks the
CJK variant of a style for an English-report paragraph that contains Japanese user text, and
the Latin-wrapping variant for a Japanese-report paragraph that contains no Japanese at all;
characters the chosen font lacks are set in another embedded font (``report.glyphs``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import textTransformFrags

from veu_assess.report import paraparse
from veu_assess.report.fonts import FontSet, font_set, has_cjk
from veu_assess.report.glyphs import fallback_markup

INK = colors.HexColor("#1d2733")
MUTED = colors.HexColor("#5b6673")
RULE = colors.HexColor("#c9d1da")
BAND = colors.HexColor("#eef2f6")
ACCENT = colors.HexColor("#1f4e79")
WARN = colors.HexColor("#a15c00")
BAD = colors.HexColor("#b3261e")
GOOD = colors.HexColor("#1e7b34")
WATERMARK = colors.Color(0.85, 0.2, 0.2, alpha=0.12)

LEVEL_COLOURS = {
    "ready": GOOD,
    "ready_with_conditions": WARN,
    "not_ready": BAD,
    "incomplete": MUTED,  # no verdict yet: neutral grey, never a hopeful colour
    "ineligible": BAD,
}
STATE_COLOURS = {
    "met": GOOD,
    "partially_met": WARN,
    "uncertain": WARN,
    "not_met": BAD,
    "not_applicable": MUTED,
    "unanswered": MUTED,
}


class ReportParagraph(Paragraph):
    """A Paragraph that does not break its lines again for a width it was just wrapped at.

    Platypus asks the same paragraph for its size at the same width several times (a keep-with-
    next group, then the frame; a table's row heights, then its split at a page end), and line
    breaking is most of the report's rendering time. The result is reused only while the
    paragraph still holds the lines it computed (``split`` drops them when it gives up).
    """

    _memo: tuple[float, object, tuple[float, float]] | None = None

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:
        # The report's markup is parsed by report.paraparse (reportlab's handlers without
        # html.parser); anything outside its subset, and split pieces (frags given), as before.
        if frags is None and isinstance(text, str):
            cleaned = cleaner(text)
            parsed = paraparse.parse(cleaned, style, self.caseSensitive)
            if parsed is not None and parsed[1] is not None:
                style, frags, bullet_frags = parsed
                textTransformFrags(frags, style)
                super()._setup(cleaned, style, bullet_frags or bulletText, frags, cleaner)
                return
        super()._setup(text, style, bulletText, frags, cleaner)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        memo = self._memo
        if memo is not None and memo[0] == availWidth and self.__dict__.get("blPara") is memo[1]:
            self.width, self.height = memo[2]
            return memo[2]
        size = super().wrap(availWidth, availHeight)
        self._memo = (availWidth, self.__dict__.get("blPara"), size)
        return size


@dataclass
class Styles:
    fonts: FontSet
    lang: str = "en"
    # Characters and lines one long user text may fill (``layout.field_budget``); set per report.
    text_budget: tuple[int, int] = (4000, 60)
    styles: dict[str, ParagraphStyle] = field(default_factory=dict)
    _variants: dict[str, ParagraphStyle] = field(default_factory=dict)

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self.styles[name]

    def style_for(self, name: str, text: str) -> ParagraphStyle:
        """The named style, or the variant that wraps ``text`` the right way.

        In the English report a mostly-Japanese paragraph gets the CJK variant. In the Japanese
        report a paragraph without any Japanese character (an English note, a file name, a hash)
        wraps at spaces like Latin text: reportlab's CJK wrapping measures every character
        separately, which makes such paragraphs three times slower to lay out and gains nothing.
        """
        base = self.styles[name]
        if self.fonts.cjk_wrap:
            return base if has_cjk(text) else self._variant(name, "latin", wordWrap=None)
        if not _mostly_cjk(text):
            return base
        return self._variant(name, "cjk", fontName=self.fonts.cjk, wordWrap="CJK")

    def _variant(self, name: str, suffix: str, **changes: object) -> ParagraphStyle:
        key = f"{name}-{suffix}"
        if key not in self._variants:
            self._variants[key] = ParagraphStyle(key, parent=self.styles[name], **changes)
        return self._variants[key]

    def para(self, markup_text: str, name: str = "body") -> Paragraph:
        """A Paragraph of already-escaped markup in the named style.

        In the English report, Japanese runs inside Latin text are set in IPAexGothic (DejaVu has
        no kana or kanji) while the rest keeps DejaVu and its bold; a paragraph that is mostly
        Japanese is set wholly in IPAexGothic with Japanese line wrapping. Likewise Hebrew or
        U+FFFD in the Japanese report are set in DejaVu (IPAexGothic has neither).
        """
        return ReportParagraph(*self.prepare(markup_text, name))

    def prepare(self, markup_text: str, name: str) -> tuple[str, ParagraphStyle]:
        """The markup and the style to set it in; runs of characters the style's font lacks
        (kana in DejaVu, Hebrew in IPAexGothic) are wrapped in a font that has them, and
        characters no embedded font has become a visible U+FFFD (see ``report.glyphs``)."""
        style = self.style_for(name, markup_text)
        return fallback_markup(markup_text, style.fontName, self.fonts.order), style


_CJK_RUN = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+")


def _mostly_cjk(text: str) -> bool:
    """At least 30% CJK characters: such a paragraph reads better wrapped the Japanese way."""
    cjk = sum(len(m) for m in _CJK_RUN.findall(text))
    return cjk > 0 and cjk >= 0.3 * len(text)


def stylesheet(lang: str) -> Styles:
    """A fresh stylesheet: styles are cheap and keeping them per report avoids shared state."""
    fonts = font_set(lang)
    wrap = "CJK" if fonts.cjk_wrap else None
    body = ParagraphStyle(
        "body", fontName=fonts.body, fontSize=9.5, leading=13.5 if fonts.cjk_wrap else 12.5,
        textColor=INK, spaceAfter=4, wordWrap=wrap, splitLongWords=True, bulletFontName=fonts.body,
    )

    def derive(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **kw)

    s = Styles(fonts, lang)
    s.styles = {
        "body": body,
        "small": derive("small", fontSize=8, leading=10.5, spaceAfter=2),
        "muted": derive("muted", fontSize=8, leading=10.5, textColor=MUTED, spaceAfter=2),
        "cell": derive("cell", fontSize=7.5, leading=9.5, spaceAfter=0),
        "cell_head": derive("cell_head", fontName=fonts.bold, fontSize=7.5, leading=9.5, spaceAfter=0,
                            textColor=colors.white),
        "bullet": derive("bullet", leftIndent=12, bulletIndent=2, spaceAfter=2),
        "h1": derive("h1", fontName=fonts.bold, fontSize=16, leading=21, textColor=ACCENT,
                     spaceBefore=4, spaceAfter=10, keepWithNext=True),
        "h2": derive("h2", fontName=fonts.bold, fontSize=12, leading=16, textColor=ACCENT,
                     spaceBefore=10, spaceAfter=6, keepWithNext=True),
        "h3": derive("h3", fontName=fonts.bold, fontSize=9.5, leading=13, spaceBefore=8, spaceAfter=2,
                     keepWithNext=True),
        "label": derive("label", fontName=fonts.bold, fontSize=8, leading=10.5, textColor=MUTED,
                        spaceAfter=0, keepWithNext=True),
        "banner": derive("banner", fontName=fonts.bold, fontSize=9, leading=12.5, textColor=colors.white,
                         backColor=BAD, borderPadding=(4, 6, 4, 6), spaceBefore=4, spaceAfter=10),
        "cover_title": derive("cover_title", fontName=fonts.bold, fontSize=24, leading=31, textColor=ACCENT,
                              spaceAfter=6),
        "cover_sub": derive("cover_sub", fontSize=12, leading=17, textColor=MUTED, spaceAfter=18),
        "cover_level": derive("cover_level", fontName=fonts.bold, fontSize=22, leading=28,
                              textColor=colors.white, alignment=TA_CENTER),
        "cover_level_note": derive("cover_level_note", fontName=fonts.bold, fontSize=11, leading=15,
                                   textColor=colors.white, alignment=TA_CENTER, spaceBefore=2),
        "cover_marking": derive("cover_marking", fontName=fonts.bold, fontSize=9.5, leading=13, textColor=BAD),
        "cover_draft": derive("cover_draft", fontName=fonts.bold, fontSize=10, leading=14, textColor=BAD,
                              spaceBefore=8),
        "toc1": derive("toc1", fontSize=10.5, leading=16, leftIndent=0, firstLineIndent=0),
        "toc2": derive("toc2", fontSize=9, leading=13, leftIndent=14, firstLineIndent=0, textColor=MUTED),
    }
    return s
