"""Benchmark the PDF report: median time and peak memory, beside reportlab's floor.

Run: python bench/bench_report.py [--runs N] [--phases] [--limits] [--memory]
Cases: the shipped sample (veu_assess/data/sample.veua), a small assessment (profile and a few
answers) and a fully answered one (every item of every module, long notes, 600 evidence files),
in en and ja; with ``--limits``, also a file with every field at its storage limit (one run);
with ``--memory``, the limits file at 10, 50, 100 and 200 sites, each rendered in a fresh process:
pages, seconds and the peak resident memory before and after the render (flat in the page count
means the growth does not follow the pages).
The floor is a plain reportlab document of the same page count (one page of body text per page,
the same embedded font), built in the same run; the ratios are time and peak memory to it.
The content floor ("content") is the report's own flowables rebuilt as plain reportlab objects
(same texts, tables, styles, keep-together groups) and laid out by a plain document without
the report's page decoration: what reportlab itself costs for this content (see
``content_floor``). Report, floor and content floor take turns, run by run, so that a change of
load on a shared machine falls on all three; the figures are medians. ``--phases`` adds the
report's time by phase (context, story, layout, save).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from veu_assess.catalog.loader import Catalog, default_catalog
from veu_assess.engine.visibility import visible_items
from veu_assess.model.assessment import Answer, AnswerState, EvidenceRef, Site
from veu_assess.report.api import render_report
from veu_assess.report.fonts import LATIN, register_fonts
from veu_assess.storage.document import Document, new_document
from veu_assess.storage.veua import open_document

GENERATED = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)  # a fixed generation time: reproducible output

NOTE = ("The control is documented in the security manual, section 4.2, and was last reviewed by the "
        "compliance committee; records are kept for five years. ")


def _doc(catalog: Catalog) -> Document:
    doc = new_document(catalog, today=dt.date(2026, 11, 28), title="Benchmark")
    doc.assessment.id = "be0c0000-0000-0000"
    p = doc.assessment.profile
    p.applicant_name, p.destination_country, p.parent_hq_country = "Bench Compute K.K.", "AE", "JP"
    p.sells_compute_to_third_parties, p.hosts_model_training, p.has_government_ownership = True, True, False
    p.sites = [Site(id="site-a", name="Site A", country="AE"), Site(id="site-b", name="Site B", country="AE")]
    return doc


def small(catalog: Catalog) -> Document:
    doc = _doc(catalog)
    for it in visible_items(catalog, doc.assessment)[:8]:
        doc.assessment.set_answer(it.requirement.id, Answer(state=AnswerState.MET, notes="Done."), it.site_id)
    return doc


def large(catalog: Catalog) -> Document:
    doc = _doc(catalog)
    doc.assessment.profile.modules = [m.id for m in catalog.header.modules]
    its = visible_items(catalog, doc.assessment)
    states = [AnswerState.MET, AnswerState.PARTIALLY_MET, AnswerState.NOT_MET, AnswerState.NOT_APPLICABLE]
    refs = [EvidenceRef(sha256=f"{n:064x}", filename=f"evidence-{n:03d}-policy-document.pdf", size=10_000 + n)
            for n in range(600)]
    for i, it in enumerate(its):
        st = states[i % len(states)]
        doc.assessment.set_answer(it.requirement.id, Answer(
            state=st, justification="Not relevant here." if st is AnswerState.NOT_APPLICABLE else "",
            notes=NOTE * 25, owner="Compliance office", due=dt.date(2027, 3, 31),
            evidence=refs[i::len(its)]), it.site_id)
    return doc


def sample(catalog: Catalog) -> Document:
    from veu_assess.resources import sample_path

    return open_document(sample_path())


def at_limits(catalog: Catalog) -> Document:
    from tests.report.limits import limits_doc

    return limits_doc(catalog)


def floor_pdf(pages: int) -> bytes:
    register_fonts()
    style = ParagraphStyle("b", fontName=LATIN, fontSize=9.5, leading=12.5)
    text = NOTE * 28  # about a page of body text
    story: list[object] = []
    for _ in range(pages):
        story += [Paragraph(text, style), PageBreak()]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1, initialFontName=LATIN).build(story[:-1])
    return buf.getvalue()


class _Recorded(Table):
    """A Table that remembers its style commands, so the content floor can make a plain copy."""

    def setStyle(self, tblstyle: TableStyle | list[tuple[object, ...]]) -> None:
        cmds = tblstyle.getCommands() if isinstance(tblstyle, TableStyle) else list(tblstyle)
        self.__dict__.setdefault("bench_cmds", []).extend(cmds)
        super().setStyle(tblstyle)


def _recipe(f: object) -> Callable[[], object] | None:
    """A maker of the plain reportlab equivalent of one of the report's flowables (None: drop)."""
    from reportlab.platypus import KeepInFrame, KeepTogether, NextPageTemplate, Paragraph
    from reportlab.platypus.tableofcontents import TableOfContents

    from veu_assess.report.layout import Bounded

    if isinstance(f, Bounded):
        return _recipe(f.content)
    if isinstance(f, Paragraph):  # ReportParagraph, Heading: the same markup in the same style
        text, style, bullet = f.text, f.style, f.bulletText
        return lambda: Paragraph(text, style, bulletText=bullet)
    if isinstance(f, TableOfContents):
        # no links: the plain document has no bookmarks to link to
        entries = [(level, text, page, None) for level, text, page, _key in f._lastEntries]
        level_styles, table_style = f.levelStyles, f.tableStyle

        def toc() -> TableOfContents:
            plain = TableOfContents(levelStyles=level_styles, dotsMinLevel=0, tableStyle=table_style)
            plain._lastEntries = entries  # the page numbers are drawn at once (as 0), as reportlab does
            return plain
        return toc
    if isinstance(f, Table):
        cells = [[_recipe(v) if hasattr(v, "wrap") else (lambda v=v: v) for v in row] for row in f._cellvalues]
        cmds = f.__dict__.get("bench_cmds", [])
        widths, heights, repeat, align = f._argW, f._argH, f.repeatRows, f.hAlign
        after = getattr(f, "spaceAfter", 0)

        def table() -> Table:
            plain = Table([[c() for c in row] for row in cells], colWidths=widths, rowHeights=heights,
                          repeatRows=repeat, hAlign=align, style=TableStyle(cmds))
            plain.spaceAfter = after
            return plain
        return table
    if isinstance(f, KeepTogether):
        parts = [r for r in map(_recipe, f._content) if r]
        max_height = f._maxHeight
        return lambda: KeepTogether([r() for r in parts], maxHeight=max_height)
    if isinstance(f, KeepInFrame):
        parts = [r for r in map(_recipe, f._content) if r]
        w, h, mode = f.maxWidth, f.maxHeight, f.mode
        return lambda: KeepInFrame(w, h, [r() for r in parts], mode=mode)
    if isinstance(f, NextPageTemplate):
        return None  # one page template
    return lambda: f  # spacers, page breaks, the chart: reportlab's own, stateless


def content_floor(doc: Document, lang: str, catalog: Catalog) -> Callable[[], bytes]:
    """A second floor: the report's own flowables (the same texts as markup, the same tables,
    styles and keep-together groups) rebuilt as plain reportlab objects and laid out by a plain
    document: no running header, footer, watermark, outline, TOC page numbers, fallback fonts,
    cell bounds or wrap memo. It is what reportlab itself costs for this content; the report's
    own code (context, story, layout guarantees, page decoration) is the difference above it."""
    from unittest import mock

    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    from veu_assess.report import pdf
    from veu_assess.report.context import build_context
    from veu_assess.report.messages import labels
    from veu_assess.report.styles import stylesheet

    if not hasattr(pdf, "report_story"):
        raise ImportError("this checkout's report has no report_story")
    ctx = build_context(doc, catalog, lang)
    s = stylesheet(lang)
    s.text_budget = pdf.field_budget(pdf.long_fields(ctx))
    modules = [m for m in sys.modules.values() if getattr(m, "__name__", "").startswith("veu_assess.report")]
    patches = [mock.patch.object(m, "Table", _Recorded) for m in modules if getattr(m, "Table", None) is Table]
    for p in patches:
        p.start()
    try:
        story = pdf.report_story(ctx, labels(lang), s)
    finally:
        for p in patches:
            p.stop()
    recipes = [r for r in map(_recipe, story) if r]

    def build() -> bytes:
        buf = io.BytesIO()
        d = BaseDocTemplate(buf, pagesize=A4, invariant=1, initialFontName=s.fonts.body)
        frame = Frame(pdf.MARGIN_X, pdf.MARGIN_BOTTOM, pdf.FRAME_W, pdf.FRAME_H, leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        d.addPageTemplates([PageTemplate(id="content", frames=[frame])])
        d.build([r() for r in recipes])
        return buf.getvalue()
    return build


def timed(fns: dict[str, Callable[[], object]], runs: int) -> dict[str, float]:
    """Median seconds of each function over ``runs``, the functions taking turns (report, floor,
    report, floor, ...) so that a change of load on a shared machine falls on all of them."""
    for fn in fns.values():
        fn()  # warm-up: fonts, catalog, templates
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    return {name: statistics.median(ts) for name, ts in times.items()}


def peak_mib(fn: Callable[[], object]) -> float:
    """Peak traced memory (MiB) of one run."""
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return peak


def phases(doc: Document, lang: str, catalog: Catalog, runs: int) -> dict[str, float]:
    """Median seconds of the report's phases: context (the assessment read into report data),
    story (flowables made: paragraphs parsed, tables built), layout (wrap, split and draw in
    reportlab's build), save (footers and TOC numbers drawn at save, PDF objects and fonts
    written)."""
    from unittest import mock

    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import BaseDocTemplate

    from veu_assess.report import api, pdf

    spent: dict[str, float] = {}

    def timing(name: str, fn: Callable[..., object]) -> Callable[..., object]:
        def run(*a: object, **k: object) -> object:
            t0 = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t0
        return run

    got: dict[str, list[float]] = {}
    with mock.patch.object(api, "build_context", timing("context", api.build_context)), \
            mock.patch.object(api, "render_pdf", timing("render", pdf.render_pdf)), \
            mock.patch.object(BaseDocTemplate, "build", timing("build", BaseDocTemplate.build)), \
            mock.patch.object(Canvas, "save", timing("save", Canvas.save)):
        for i in range(runs + 1):
            spent.clear()
            t0 = time.perf_counter()
            render_report(doc, lang, catalog, generated=GENERATED)
            total = time.perf_counter() - t0
            if i:  # the first is a warm-up
                got.setdefault("total", []).append(total)
                for name, value in (("context", spent["context"]), ("story", spent["render"] - spent["build"]),
                                    ("layout", spent["build"] - spent["save"]), ("save", spent["save"])):
                    got.setdefault(name, []).append(value)
    return {name: statistics.median(v) for name, v in got.items()}


def memory_one(sites: int) -> None:
    """Render the limits file with ``sites`` sites (en) and print pages, time and peak RSS."""
    import gc
    import resource

    from tests.report.limits import limits_doc

    catalog = default_catalog()
    doc = limits_doc(catalog, sites=sites, long_answers=min(110, sites), long_verdicts=min(170, sites))
    gc.collect()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    pdf = render_report(doc, "en", catalog, generated=GENERATED)
    took = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(f"{sites:>6}{pages:>7}{took:>9.1f}{before:>12.0f}{after:>11.0f}{after - before:>10.0f}", flush=True)


def memory() -> None:
    import subprocess

    print(f"{'sites':>6}{'pages':>7}{'secs':>9}{'RSS before':>12}{'RSS peak':>11}{'growth':>10}  (MiB)", flush=True)
    for sites in (10, 50, 100, 200):
        subprocess.run([sys.executable, __file__, "--memory-one", str(sites)], check=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--limits", action="store_true", help="also the file with every field at its limit")
    ap.add_argument("--memory", action="store_true", help="peak memory of the limits file at 10 to 200 sites")
    ap.add_argument("--phases", action="store_true", help="also the report's time by phase")
    ap.add_argument("--cases", default="sample,small,full-600", help="which cases (comma-separated)")
    ap.add_argument("--memory-one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.memory_one:
        return memory_one(args.memory_one)
    if args.memory:
        return memory()
    catalog = default_catalog()
    print(f"{'case':<10}{'lang':<5}{'pages':>6}{'report s':>10}{'floor s':>9}{'ratio':>7}{'content s':>11}"
          f"{'content/floor':>15}{'report/content':>16}{'peak MiB':>10}{'floor MiB':>10}", flush=True)
    cases = [(name, build, runs) for name, build, runs in
             (("sample", sample, args.runs), ("small", small, args.runs), ("full-600", large, args.runs))
             if name in args.cases.split(",")]
    if args.limits:
        cases.append(("limits", at_limits, 1))
    for name, build, runs in cases:
        doc = build(catalog)
        for lang in ("en", "ja"):
            def run(d: Document = doc, lg: str = lang) -> bytes:
                return render_report(d, lg, catalog, generated=GENERATED)

            pages = len(PdfReader(io.BytesIO(run())).pages)
            fns: dict[str, Callable[[], object]] = {"report": run, "floor": lambda n=pages: floor_pdf(n)}
            try:
                fns["content"] = content_floor(doc, lang, catalog)
            except ImportError:  # a checkout before report_story existed: no content floor
                pass
            t = timed(fns, runs)
            mem, fmem = peak_mib(run), peak_mib(fns["floor"])
            content = (f"{t['content']:>11.3f}{t['content'] / t['floor']:>15.1f}{t['report'] / t['content']:>16.2f}"
                       if "content" in t else f"{'-':>11}{'-':>15}{'-':>16}")
            print(f"{name:<10}{lang:<5}{pages:>6}{t['report']:>10.3f}{t['floor']:>9.3f}{t['report'] / t['floor']:>7.1f}"
                  f"{content}{mem:>10.1f}{fmem:>10.1f}", flush=True)
            if args.phases:
                ph = phases(doc, lang, catalog, runs)
                print("    phases (median s): " + ", ".join(f"{k} {v:.3f}" for k, v in ph.items()), flush=True)

if __name__ == "__main__":
    main()
