"""The reportlab renderer: page templates, header/footer, page X of Y, DRAFT mark, outline, metadata.

One document template with two page templates (cover, content), laid out in a single pass.
The footer of every page carries the integrity digest and "page X of Y"; Y is known only at the
end, so the canvas keeps each page's state and draws the footers when the document is saved,
and the table of contents' page numbers likewise (see ``toc``). Output is deterministic:
reportlab's invariant mode, a creation date that is the stated generation time (see
``report.metadata``), no random ids.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from veu_assess.report import back, framing, front, inventory, routes
from veu_assess.report.blocks import Heading, headings_in, keep_with_next
from veu_assess.report.context import ReportContext
from veu_assess.report.fonts import FontSet
from veu_assess.report.glyphs import font_runs
from veu_assess.report.layout import field_budget, fit
from veu_assess.report.messages import Labels, labels
from veu_assess.report.metadata import attach_xmp, pdf_date, xmp_packet
from veu_assess.report.module_chapters import module_chapters
from veu_assess.report.rows import DETAIL_SITES, SIGNOFF_FULL, split_by_group
from veu_assess.report.shaping import visual
from veu_assess.report.styles import BAD, MUTED, RULE, WATERMARK, Styles, stylesheet
from veu_assess.report.text import clean, date_text
from veu_assess.report.toc import Contents

PAGE_W, PAGE_H = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 50.0, 56.0, 52.0
FRAME_W = PAGE_W - 2 * MARGIN_X
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM


@dataclass(frozen=True)
class Decor:
    """What the page decorations need: texts (plain, cleaned), fonts, and the DRAFT switch."""

    header_left: str
    header_right: str
    digest_text: str
    page_of: Callable[[int, int], str]
    fonts: FontSet
    draft: str | None  # the watermark text while the assessment is incomplete
    date_stamp: str  # PDF date string of the generation time, e.g. D:20261128093000+00'00'
    confidentiality: str = ""  # the marking on every footer ("" = none)

    def draw(self, canv: Canvas, x: float, y: float, text: str, size: float, right: bool = False) -> None:
        """Draw one line of text from ``x`` (or ending at ``x`` when ``right``), each character
        in an embedded font that has it (an applicant's name may be Hebrew in the ja report)."""
        runs = font_runs(visual(text), self.fonts.body, self.fonts.order)
        if right:
            x -= sum(stringWidth(run, font, size) for font, run in runs)
        for font, run in runs:
            canv.setFont(font, size)
            canv.drawString(x, y, run)
            x += stringWidth(run, font, size)


class _Canvas(Canvas):
    """Defers footers (and TOC page numbers) to save time so each page can say "page X of Y"."""

    decor: Decor

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._deferred: list[Callable[[Canvas], None]] = []  # this page's, run at save time
        self.heading_pages: dict[str, int] = {}  # bookmark key -> page, filled by _DocTemplate
        stamp = self.decor.date_stamp
        self.setDateFormatter(lambda *_: stamp)
        self.showOutline()  # open with the bookmarks panel shown (/PageMode /UseOutlines)

    def at_save(self, draw: Callable[[Canvas], None]) -> None:
        """Run ``draw(canvas)`` on the current page when the document is saved."""
        self._deferred.append(draw)

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._deferred = []
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            for draw in self._deferred:
                draw(self)
            self._footer(total)
            super().showPage()
        super().save()

    def _footer(self, total: int) -> None:
        d = self.decor
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN_X, MARGIN_BOTTOM - 14, PAGE_W - MARGIN_X, MARGIN_BOTTOM - 14)
        self.setFillColor(MUTED)
        d.draw(self, MARGIN_X, MARGIN_BOTTOM - 26, d.digest_text, 6.5)
        d.draw(self, PAGE_W - MARGIN_X, MARGIN_BOTTOM - 26, d.page_of(self._pageNumber, total), 7.5, right=True)
        if d.confidentiality:
            self.setFillColor(BAD)
            d.draw(self, MARGIN_X, MARGIN_BOTTOM - 37, d.confidentiality, 7)
        self.restoreState()


def _canvas_class(decor: Decor) -> type[_Canvas]:
    # A subclass per report carries its decorations: no module-level state shared between threads.
    return type("ReportCanvas", (_Canvas,), {"decor": decor})


class _DocTemplate(BaseDocTemplate):
    """Turns Heading flowables into PDF outline entries and records their pages for the TOC."""

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading):
            key = flowable.bookmark
            # The PDF page object is made when the canvas saves (see _Canvas): a destination made
            # now would point at page 1, so it is made then, on this page.
            self.canv.at_save(lambda canv, key=key: canv.bookmarkPage(key))
            self.canv.addOutlineEntry(flowable.outline_text, key, level=flowable.outline_level, closed=True)
            self.canv.heading_pages[key] = self.page


def _draw_watermark(canv: Canvas, decor: Decor) -> None:
    if not decor.draft:
        return
    canv.saveState()
    canv.setFillColor(WATERMARK)
    canv.setFont(decor.fonts.bold, 110)
    canv.translate(PAGE_W / 2, PAGE_H / 2)
    canv.rotate(52)
    canv.drawCentredString(0, -35, decor.draft)
    canv.restoreState()


def _draw_header(canv: Canvas, decor: Decor) -> None:
    canv.saveState()
    canv.setFillColor(MUTED)
    y = PAGE_H - MARGIN_TOP + 22
    decor.draw(canv, MARGIN_X, y, decor.header_left, HEADER_SIZE)
    decor.draw(canv, PAGE_W - MARGIN_X, y, decor.header_right, HEADER_SIZE, right=True)
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    canv.line(MARGIN_X, y - 5, PAGE_W - MARGIN_X, y - 5)
    canv.restoreState()


HEADER_SIZE = 7.5
HEADER_GAP = 18.0  # points between the running title and the date


def header_texts(ctx: ReportContext, t: Labels, fonts: FontSet) -> tuple[str, str]:
    """The running header's title (clipped by its measured width, with an ellipsis, so it never
    reaches the date) and date."""
    who = ctx.applicant or t.text("unnamed_applicant")
    right = date_text(ctx.report_date, ctx.lang)
    right_w = sum(stringWidth(run, font, HEADER_SIZE) for font, run in font_runs(right, fonts.body, fonts.order))
    left = fit(clean(f"{t.text('report_title')} — {who}", keep_newlines=False), HEADER_SIZE,
               FRAME_W - right_w - HEADER_GAP, fonts.body, fonts.order)
    return left, right


def _decor(ctx: ReportContext, t: Labels, fonts: FontSet) -> Decor:
    left, right = header_texts(ctx, t, fonts)
    return Decor(
        header_left=left,
        header_right=right,
        digest_text=f"{t.text('digest')}: {ctx.digest} · {ctx.catalog_version}",
        page_of=lambda page, pages: t.text("page_of", page=page, pages=pages),
        fonts=fonts,
        draft=t.text("draft") if ctx.provisional else None,
        date_stamp=pdf_date(_generated(ctx)),
        confidentiality=fit(ctx.confidentiality, 7, FRAME_W, fonts.body, fonts.order),
    )


def _generated(ctx: ReportContext) -> dt.datetime:
    # A context built without report.api (tests, the CSV) has no time: the assessment date then.
    d = ctx.report_date
    return ctx.generated or dt.datetime(d.year, d.month, d.day, tzinfo=dt.UTC)


def long_fields(ctx: ReportContext) -> int:
    """How many long user texts the body shows in full (they share ``layout.REPORT_CHARS``):
    those of the entries the row budget shows in full (``report.rows``)."""
    n = 0
    for sec in ctx.sections:
        shown, _ = split_by_group(sec.items, lambda it: it.requirement_id, DETAIL_SITES)
        n += sum(bool(it.justification) + bool(it.notes) + bool(it.verdict and it.verdict.comment) for it in shown)
    na, _ = split_by_group(ctx.not_applicable, lambda x: x.requirement_id, DETAIL_SITES)
    return n + len(na) + sum(bool(so.statement) for so in ctx.signoffs[:SIGNOFF_FULL])


def report_story(ctx: ReportContext, t: Labels, s: Styles) -> list[Flowable]:
    """The report's flowables in order, headings kept with what follows and the contents seeded
    with the headings (one pass); ``render_pdf`` lays them out on the report's page templates.
    (The benchmark lays the same story out with plain reportlab, as a floor.)"""
    story = [
        *front.cover(ctx, t, s, FRAME_W, FRAME_H),
        *front.contents(t, s),
        *framing.framing(ctx, t, s),
        *routes.route_pages(ctx, s, FRAME_W),
        *front.summary(ctx, t, s),
        *front.scores(ctx, t, s, FRAME_W),
        *front.gates(ctx, t, s, FRAME_W),
        *front.plan(ctx, t, s, FRAME_W),
        *module_chapters(ctx, t, s, FRAME_W),
        *inventory.inventory(ctx, t, s, FRAME_W),
        *back.detail(ctx, t, s, FRAME_W),
        *back.applicability(ctx, t, s, FRAME_W),
        *back.sites(ctx, t, s, FRAME_W),
        *back.evidence_index(ctx, t, s, FRAME_W),
        *routes.control_pages(ctx, s, FRAME_W),
        *inventory.unanswered(ctx, t, s, FRAME_W),
        *back.review(ctx, t, s, FRAME_W),
        *back.integrity(ctx, t, s),
    ]
    headings = headings_in(story)
    story = keep_with_next(story)
    for flowable in story:
        if isinstance(flowable, Contents):
            flowable.seed(headings)  # one pass: the contents know their entries before the build
    return story


def render_pdf(ctx: ReportContext, check: Callable[[], None] | None = None) -> bytes:
    """The PDF report for a context, as bytes (same context, same bytes).

    ``check`` is called as the layout goes (every flowable and page); whatever it raises (the
    GUI's "cancelled") stops the build there, so Cancel works while reportlab is busy.
    """
    t = labels(ctx.lang)
    s = stylesheet(ctx.lang)
    s.text_budget = field_budget(long_fields(ctx))
    decor = _decor(ctx, t, s.fonts)
    buf = io.BytesIO()
    who = ctx.applicant or t.text("unnamed_applicant")
    title = clean(f"{t.text('report_title')} — {who}", keep_newlines=False)
    producer = f"VEU Readiness Assessor {ctx.app_version}"
    keywords = [f"catalog {ctx.catalog_version}", f"digest {ctx.digest}",
                f"assessment date {ctx.report_date.isoformat()}"]
    if ctx.confidentiality:
        keywords.append(ctx.confidentiality)
    doc = _DocTemplate(
        buf, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, invariant=1, initialFontName=s.fonts.body, lang=ctx.lang,
        title=title, author=who, subject=t.text("report_subject"), creator=producer, keywords=keywords,
    )
    xmp = xmp_packet(title=title, author=who, subject=t.text("report_subject"), lang=ctx.lang,
                     created=_generated(ctx), producer=producer, keywords=", ".join(keywords))
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, FRAME_H, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def on_cover(canv: Canvas, _doc: BaseDocTemplate) -> None:
        attach_xmp(canv, xmp)
        _draw_watermark(canv, decor)

    def on_content(canv: Canvas, _doc: BaseDocTemplate) -> None:
        _draw_watermark(canv, decor)
        _draw_header(canv, decor)

    doc.addPageTemplates([
        PageTemplate(id="cover", frames=[frame], onPage=on_cover),
        PageTemplate(id="content", frames=[frame], onPage=on_content),
    ])
    story = report_story(ctx, t, s)
    if check is not None:
        doc.setProgressCallBack(lambda _kind, _value: check())
    doc.build(story, canvasmaker=_canvas_class(decor))
    out = buf.getvalue()
    return out
