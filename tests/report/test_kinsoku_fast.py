"""The fast Japanese line breaking (report.kinsoku) gives reportlab's lines, word for word.

``cjk_frag_split`` avoids reportlab's per-character objects; these tests compare it with the
per-character routine it replaces (``_cjk_frag_split_units``: reportlab's ``cjkFragSplit`` with
the same kinsoku rule) on every multi-style Japanese paragraph of the sample report and on
generated markup, and ``get_char_widths`` with reportlab's per-character ``stringWidth``.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from veu_assess.catalog.loader import default_catalog
from veu_assess.report import kinsoku
from veu_assess.report.context import build_context
from veu_assess.report.fonts import CJK, LATIN
from veu_assess.report.layout import Bounded
from veu_assess.report.messages import labels
from veu_assess.report.pdf import report_story
from veu_assess.report.styles import stylesheet
from veu_assess.resources import sample_path
from veu_assess.storage.veua import open_document


def _frag(f: Any) -> dict[str, Any]:
    return {k: v for k, v in vars(f).items() if k != "words"}


def _lines(result: Any) -> list[tuple[Any, ...]]:
    """A ParaLines as plain data: each line's measures and its words' text and attributes."""
    out = []
    for line in result.lines:
        words = [(w.text, _frag(w)) for w in line.words]
        out.append((line.extraSpace, line.wordCount, line.fontSize, line.ascent, line.descent, line.maxWidth,
                    line.currentWidth, line.lineBreak, words))
    return out


def _same(frags: list[Any], width: float) -> None:
    fast = kinsoku.cjk_frag_split(frags, [width], False)
    slow = kinsoku._cjk_frag_split_units(frags, [width], False)
    assert fast.kind == slow.kind == 1
    assert _lines(fast) == _lines(slow)


def _paragraphs(flowables: list[Any]) -> list[Paragraph]:
    found: list[Paragraph] = []
    for f in flowables:
        if isinstance(f, Bounded):
            f = f.content
        if isinstance(f, Paragraph):
            found.append(f)
        for attr in ("_content",):
            found += _paragraphs(getattr(f, attr, []) or [])
        for row in getattr(f, "_cellvalues", []):
            found += _paragraphs([v for v in row if hasattr(v, "wrap")])
    return found


def test_sample_report_paragraphs_break_as_reportlab_does() -> None:
    catalog = default_catalog()
    doc = open_document(sample_path())
    ctx = build_context(doc, catalog, "ja")
    paras = [p for p in _paragraphs(report_story(ctx, labels("ja"), stylesheet("ja")))
             if p.style.wordWrap == "CJK" and len(p.frags) > 1]
    assert len(paras) > 300
    for p in paras:
        for width in (60.0, 137.5, 300.0, 495.0):
            _same(p.frags, width)


_PIECES = st.sampled_from([
    "輸出", "管理", "「", "」", "（", "）", "。", "、", "ゃ", "ー", "ABC", "data center", " ", "　",
    "𠮟", "<b>", "</b>", "<br/>", '<font color="#b3261e">', "</font>", "&amp;", "&#39;", "x" * 30, "1234567890",
])


@st.composite
def _markup(draw: st.DrawFn) -> str:
    out, open_tags = [], []
    for piece in draw(st.lists(_PIECES, min_size=1, max_size=60)):
        if piece in ("<b>", '<font color="#b3261e">'):
            open_tags.append("</b>" if piece == "<b>" else "</font>")
        elif piece in ("</b>", "</font>"):
            if piece not in open_tags:
                continue
            while open_tags and open_tags[-1] != piece:  # close what is inside first
                out.append(open_tags.pop())
            open_tags.pop()
        out.append(piece)
    return "".join(out + open_tags[::-1])


@settings(max_examples=300, deadline=None)
@given(_markup(), st.floats(min_value=5, max_value=500))
def test_generated_markup_breaks_as_reportlab_does(text: str, width: float) -> None:
    style = stylesheet("ja")["body"]
    frags = Paragraph(text, style).frags
    _same(frags, width)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.sampled_from([LATIN, CJK]), st.sampled_from([7.5, 8, 9.5, 12.0]))
def test_char_widths_are_reportlabs(text: str, font: str, size: float) -> None:
    stylesheet("ja")  # registers the fonts
    assert kinsoku.get_char_widths(text, font, size) == [stringWidth(ch, font, size) for ch in text]
