"""Benchmark the PDF report: median time and peak memory, beside reportlab's floor.

Run: python bench/bench_report.py [--runs N] [--limits] [--memory]
Cases: the shipped sample (veu_assess/data/sample.veua), a small assessment (profile and a few
answers) and a fully answered one (every item of every module, long notes, 600 evidence files),
in en and ja; with ``--limits``, also a file with every field at its storage limit (one run);
with ``--memory``, the limits file at 10, 50, 100 and 200 sites, each rendered in a fresh process:
pages, seconds and the peak resident memory before and after the render (flat in the page count
means the growth does not follow the pages).
The floor is a plain reportlab document of the same page count (one page of body text per page,
the same embedded font), built in the same run; the ratios are time and peak memory to it.
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
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

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


def measure(fn: Callable[[], bytes], runs: int) -> tuple[float, float, bytes]:
    """Median seconds over ``runs`` and peak traced memory (MiB) of one run."""
    out = fn()  # warm-up: fonts, catalog, templates
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(times), peak, out


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
    ap.add_argument("--memory-one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.memory_one:
        return memory_one(args.memory_one)
    if args.memory:
        return memory()
    catalog = default_catalog()
    print(f"{'case':<14}{'lang':<6}{'pages':>6}{'median s':>10}{'peak MiB':>10}"
          f"{'floor s':>9}{'floor MiB':>10}{'ratio t':>9}{'ratio mem':>10}", flush=True)
    cases = [("sample", sample, args.runs), ("small", small, args.runs), ("full-600", large, args.runs)]
    if args.limits:
        cases.append(("limits", at_limits, 1))
    for name, build, runs in cases:
        doc = build(catalog)
        for lang in ("en", "ja"):
            def run(d: Document = doc, lg: str = lang) -> bytes:
                return render_report(d, lg, catalog, generated=GENERATED)

            t, mem, pdf = measure(run, runs)
            pages = len(PdfReader(io.BytesIO(pdf)).pages)
            ft, fmem, _ = measure(lambda: floor_pdf(pages), runs)  # noqa: B023 - used at once
            print(f"{name:<14}{lang:<6}{pages:>6}{t:>10.3f}{mem:>10.1f}{ft:>9.3f}{fmem:>10.1f}{t / ft:>9.1f}"
                  f"{mem / fmem:>10.1f}", flush=True)


if __name__ == "__main__":
    main()
