"""report.paraparse gives the fragments reportlab's ParaParser gives, for the report's markup.

Compared on every paragraph of the sample report in both languages and on generated markup
(escaped arbitrary text with the tags the report uses); markup outside the subset must be
left to reportlab (None), and the report's own paragraphs must nearly all take the fast path.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaParser

from veu_assess.catalog.loader import default_catalog
from veu_assess.report import paraparse
from veu_assess.report.context import build_context
from veu_assess.report.messages import labels
from veu_assess.report.pdf import report_story
from veu_assess.report.styles import ReportParagraph, stylesheet
from veu_assess.report.text import markup
from veu_assess.resources import sample_path
from veu_assess.storage.veua import open_document

from .test_kinsoku_fast import _paragraphs


def _plain(result: Any) -> tuple[Any, ...]:
    style, frags, bullet = result
    return (style, [vars(f) for f in frags or []], [vars(f) for f in bullet or []])


def _reportlab(text: str, style: Any) -> tuple[Any, ...]:
    parser = ParaParser()
    parser.caseSensitive = 1  # as Paragraph sets it
    return _plain(parser.parse(text, style))


def _same(text: str, style: Any) -> bool:
    """True when the fast parser took ``text``; then its result must be reportlab's."""
    fast = paraparse.parse(text, style)
    if fast is None:
        return False
    assert _plain(fast) == _reportlab(text, style), text
    return True


def test_the_sample_reports_paragraphs_parse_as_reportlab_parses_them() -> None:
    catalog = default_catalog()
    doc = open_document(sample_path())
    for lang in ("en", "ja"):
        ctx = build_context(doc, catalog, lang)
        paras = _paragraphs(report_story(ctx, labels(lang), stylesheet(lang)))
        texts = [(p.text, p.style) for p in paras if isinstance(p, ReportParagraph)]
        fast = sum(_same(text, style) for text, style in texts)
        assert len(texts) > 1000
        assert fast >= 0.97 * len(texts)  # the report's own markup is the subset


_TAGS = ["<b>", "</b>", "<br/>", '<font color="#b3261e">', '<font name="VeuIPAexGothic">',
         '<font color="#5b6673" size="6.5">', "</font>"]


@st.composite
def _report_markup(draw: st.DrawFn) -> str:
    out, closers = [], []
    for _ in range(draw(st.integers(0, 12))):
        choice = draw(st.integers(0, 3))
        if choice == 0:
            out.append(markup(draw(st.text(max_size=40))))
        elif choice == 1:
            tag = draw(st.sampled_from([*_TAGS[3:6], "<b>"]))
            out.append(tag)
            closers.append("</b>" if tag == "<b>" else "</font>")
        elif choice == 2 and closers:
            out.append(closers.pop())
        else:
            out.append("<br/>")
    return cleanBlockQuotedText("".join(out + closers[::-1]))


@settings(max_examples=400, deadline=None)
@given(_report_markup())
def test_generated_markup_parses_as_reportlab_parses_it(text: str) -> None:
    style = stylesheet("en")["small"]
    assert _same(text, style) or text == ""  # all of the report's subset but the empty text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from('<>&;"\'=/abfont #1234'), max_size=40))
def test_other_markup_is_left_to_reportlab_or_parsed_alike(text: str) -> None:
    style = stylesheet("en")["body"]
    try:
        _reportlab(text, style)
    except Exception:  # reportlab rejects it: the fast parser must not accept it
        assert paraparse.parse(text, style) is None
        return
    _same(text, style)


def test_a_report_paragraph_is_the_plain_paragraph() -> None:
    style = stylesheet("en")["small"]
    text = "<b>ELIG-01</b> — It&#39;s <font color=\"#b3261e\">[GATE]</font><br/>a &amp; b"
    fast, plain = ReportParagraph(text, style), Paragraph(text, style)
    assert fast.text == plain.text
    assert [vars(f) for f in fast.frags] == [vars(f) for f in plain.frags]
