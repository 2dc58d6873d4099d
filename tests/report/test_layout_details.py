"""Layout details: headings never end a page, the rank column fits three digits, the PDF opens
with its bookmarks shown, and unanswered stretch (rescinded) items do not make the report a draft."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import itertools
import re

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.tableofcontents import TableOfContents

from tests.report.helpers import answer_all, items, profile_doc
from veu_assess.catalog.loader import Catalog
from veu_assess.model.assessment import Answer
from veu_assess.model.review import SignOff, Verdict, VerdictState
from veu_assess.report import back, pdf
from veu_assess.report.api import render_report
from veu_assess.report.blocks import heading, headings_in, keep_with_next
from veu_assess.report.context import ReportContext, build_context
from veu_assess.report.front import RANK_WIDTH, plan_widths
from veu_assess.report.messages import labels
from veu_assess.report.styles import stylesheet
from veu_assess.storage.document import Document

HEADING_STYLES = ("h1", "h2", "h3", "label")
SIGNER = "Signer One"


def _text(data: bytes) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


def _is_heading(f: Flowable) -> bool:
    return isinstance(f, Paragraph) and f.style.name.split("-")[0] in HEADING_STYLES


def _content(log: list[tuple[int, Flowable]]) -> list[tuple[int, Flowable]]:
    """The drawn flowables that put ink on the page (no spacers, breaks or actions)."""
    return [(page, f) for page, f in log if isinstance(f, Paragraph | Table | Drawing | TableOfContents)]


def _orphans(log: list[tuple[int, Flowable]]) -> list[str]:
    """Headings that are the last thing drawn on their page (the document's last page aside)."""
    content = _content(log)
    out = []
    for (page, f), (next_page, _) in itertools.pairwise(content):
        if next_page != page and _is_heading(f):
            out.append(f"page {page}: {f.getPlainText()!r}")
    return out


@pytest.fixture
def layout_log(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, Flowable]]:
    """(page, flowable) for every flowable the report's doc template draws."""
    log: list[tuple[int, Flowable]] = []
    original = pdf._DocTemplate.afterFlowable

    def spy(self: pdf._DocTemplate, flowable: Flowable) -> None:
        log.append((self.page, flowable))
        original(self, flowable)

    monkeypatch.setattr(pdf._DocTemplate, "afterFlowable", spy)
    return log


def _reviewed(catalog: Catalog, document: Document, verdicts: int) -> Document:
    doc = profile_doc(document)
    its = items(catalog, doc)
    doc.review.verdicts = {it.key: Verdict(state=VerdictState.NEEDS_INFO, comment="Attach the policy.",
                                           reviewer="R. Viewer", date=dt.date(2026, 11, 27)) for it in its[:verdicts]}
    doc.review.signoffs = [SignOff(name=SIGNER, date=dt.date(2026, 11, 28), statement="Reviewed.", digest="0" * 64)]
    return doc


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_signoff_heading_stays_with_its_first_signoff(catalog: Catalog, document: Document,
                                                      layout_log: list[tuple[int, Flowable]], lang: str) -> None:
    """The verdict table grows until "Sign-offs" meets the page end (a page holds about 28 rows,
    and the heading reaches the end for 5 counts in a row): it moves on with the sign-off."""
    title = labels(lang).text("signoffs")
    moved = 0
    for n in range(10, 40, 3):
        layout_log.clear()
        reader = PdfReader(io.BytesIO(render_report(_reviewed(catalog, document, n), lang, catalog)))
        assert _orphans(layout_log) == [], n
        content = _content(layout_log)
        at = next(i for i, (_, f) in enumerate(content) if _is_heading(f) and f.getPlainText() == title)
        page = content[at][0]
        moved += content[at - 1][0] != page  # the heading opens its page
        text = re.sub(r"\s+", "", reader.pages[page - 1].extract_text())
        assert re.sub(r"\s+", "", title) in text and SIGNER.replace(" ", "") in text, n
    assert moved, "no count put the heading at a page end: the sweep no longer tests anything"


def _build(story: list[Flowable]) -> list[tuple[int, Flowable]]:
    """Lay ``story`` out in the report's frame; (page, flowable) for each drawn flowable."""
    log: list[tuple[int, Flowable]] = []

    class Doc(BaseDocTemplate):
        def afterFlowable(self, flowable: Flowable) -> None:
            log.append((self.page, flowable))

    doc = Doc(io.BytesIO(), pagesize=A4)
    frame = Frame(pdf.MARGIN_X, pdf.MARGIN_BOTTOM, pdf.FRAME_W, pdf.PAGE_H - pdf.MARGIN_TOP - pdf.MARGIN_BOTTOM,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(frames=[frame])])
    doc.build(keep_with_next(story))
    return log


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_no_heading_ends_a_page_wherever_the_parts_start(catalog: Catalog, document: Document, lang: str) -> None:
    """The answers, Statement of Applicability and review parts, pushed down 9 pt at a time."""
    doc = _reviewed(catalog, document, 3)
    answer_all(catalog, doc, leave_unanswered=1)
    ctx = build_context(doc, catalog, lang)
    ctx = dataclasses.replace(ctx, not_applicable=ctx.not_applicable[:2])
    t, s = labels(lang), stylesheet(lang)

    def parts() -> list[Flowable]:  # fresh each time: a build changes its flowables (keepWithNext)
        return [*back._section(ctx.sections[0], t, s, pdf.FRAME_W),
                *back.applicability(ctx, t, s, pdf.FRAME_W)[1:],
                *back.review(ctx, t, s, pdf.FRAME_W)[1:]]

    frame_h = pdf.PAGE_H - pdf.MARGIN_TOP - pdf.MARGIN_BOTTOM
    for push in range(0, int(frame_h), 9):
        log = _build([Spacer(1, push), *parts()])
        assert _orphans(log) == [], push


def test_keep_with_next_joins_headings_to_groups() -> None:
    s = stylesheet("en")
    h1, h3 = heading(s, "Part", 0, "part"), s.para("Sign-offs", "h3")
    block = KeepTogether([s.para("Hanako"), s.para("matches")])
    brk = CondPageBreak(120)
    story = keep_with_next([s.para("before"), h1, h3, brk, block, s.para("after")])
    assert len(story) == 4 and story[1] is brk and isinstance(story[2], KeepTogether)
    assert story[2]._content[:2] == [h1, h3] and len(story[2]._content) == 4
    assert headings_in(story) == [h1]  # the contents and outline still find it


def test_rank_column_fits_three_digits(catalog: Catalog, document: Document) -> None:
    assert RANK_WIDTH == 28
    assert sum(plan_widths(pdf.FRAME_W)) == pytest.approx(pdf.FRAME_W)  # the table keeps its width
    doc = profile_doc(document)
    answer_all(catalog, doc)
    ctx = build_context(doc, catalog, "en")
    gaps = tuple(dataclasses.replace(ctx.gaps[i % len(ctx.gaps)], rank=i + 1) for i in range(120))
    reader = PdfReader(io.BytesIO(pdf.render_pdf(dataclasses.replace(ctx, gaps=gaps))))
    in_column: list[str] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        if text.strip() and pdf.MARGIN_X <= x < pdf.MARGIN_X + RANK_WIDTH and re.fullmatch(r"\d+", text.strip()):
            in_column.append(text.strip())

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    assert [str(n) for n in range(100, 121)] == [r for r in in_column if len(r) == 3]  # one line each


def test_pdf_opens_with_the_outline_panel(rendered: dict[str, tuple[bytes, ReportContext]]) -> None:
    for data, _ctx in rendered.values():
        root = PdfReader(io.BytesIO(data)).trailer["/Root"].get_object()
        assert isinstance(root, DictionaryObject)
        assert root["/PageMode"] == "/UseOutlines" and "/Outlines" in root


def test_unanswered_stretch_items_alone_are_no_draft(catalog: Catalog, document: Document) -> None:
    """Rescinded stretch requirements are scored apart: leaving them open keeps the report final."""
    doc = profile_doc(document)
    doc.assessment.profile.modules = [m.id for m in catalog.header.modules if m.id == "stretch-2025"]
    assert doc.assessment.profile.modules
    stretch = [it for it in answer_all(catalog, doc) if it.requirement.status.value == "codified_not_enforced"]
    assert stretch
    for it in stretch:
        doc.assessment.set_answer(it.requirement.id, Answer(), it.site_id)
    for lang, draft in (("en", "DRAFT"), ("ja", "ドラフト")):
        ctx = build_context(doc, catalog, lang)
        sec = next(x for x in ctx.sections if x.rescinded)
        assert not ctx.provisional and ctx.answered == ctx.total and sec.visible and sec.answered == 0
        text = _text(render_report(doc, lang, catalog))
        assert "DRAFT" not in text and draft not in text and "(provisional)" not in text
    in_force = next(it for it in items(catalog, doc) if it.requirement.status.value != "codified_not_enforced")
    doc.assessment.set_answer(in_force.requirement.id, Answer(), in_force.site_id)
    assert build_context(doc, catalog, "en").provisional  # an open in-force item still makes a draft
    assert "DRAFT" in _text(render_report(doc, "en", catalog))
