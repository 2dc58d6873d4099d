"""The row budget (report/rows.py): a report's pages are bounded by what is assessed, however
many sites multiply the items, and whatever is cut is said in the report; no answer's state,
gate or gap is left out."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import tempfile

import pytest
from pypdf import PdfReader

from tests.report.conftest import GENERATED
from tests.report.helpers import attach_blobs, evidence, profile_doc
from tests.report.limits import limits_doc
from veu_assess.catalog.loader import Catalog
from veu_assess.engine.visibility import visible_items
from veu_assess.model.assessment import Answer, AnswerState, Site
from veu_assess.model.review import Review, SignOff, Verdict, VerdictState
from veu_assess.report import front
from veu_assess.report.api import render_report
from veu_assess.report.context import ReportContext, build_context
from veu_assess.report.layout import report_page_budget
from veu_assess.report.rows import DETAIL_SITES, SIGNOFF_FULL, SUMMARY_GATES, VERDICT_ROWS
from veu_assess.signing import verify
from veu_assess.storage import digest as digest_module
from veu_assess.storage.document import Document, new_document


def _text(pdf: bytes) -> str:
    """The PDF's text as pdftotext reads it, one space for any run of white space."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", f.name, "-"], capture_output=True, check=True).stdout
    return re.sub(r"\s+", " ", out.decode())


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _budget(ctx: ReportContext) -> int:
    its = [it for sec in ctx.sections for it in sec.items]
    return report_page_budget(len(its), len({it.requirement_id for it in its}), len(ctx.sites), len(ctx.evidence),
                              len(ctx.verdicts), len(ctx.signoffs))


def _many_sites(catalog: Catalog, sites: int, state: AnswerState = AnswerState.NOT_MET) -> Document:
    """``sites`` sites, every item answered ``state`` with a short note and a file."""
    doc = profile_doc(new_document(catalog, today=dt.date(2026, 11, 28), title="Many sites"))
    doc.assessment.profile.sites = [Site(id=f"s{i:03d}", name=f"Site {i:03d}", country="AE") for i in range(sites)]
    for it in visible_items(catalog, doc.assessment):
        doc.assessment.set_answer(it.requirement.id, Answer(
            state=state, notes=f"Note of {it.key}.", evidence=[evidence(1)],
            justification="Not here." if state is AnswerState.NOT_APPLICABLE else ""), it.site_id)
    return attach_blobs(doc)


@pytest.fixture(scope="module")
def limits(catalog: Catalog) -> Document:
    return limits_doc(catalog)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_file_at_the_storage_limits_stays_within_the_page_budget(catalog: Catalog, limits: Document,
                                                                   lang: str) -> None:
    # Before the row budget: 3,735 pages (one or more per answer at each of 200 sites).
    pdf = render_report(limits, lang, catalog, generated=GENERATED)
    ctx = build_context(limits, catalog, lang, evidence_problems=[])
    pages = _pages(pdf)
    assert pages <= _budget(ctx) <= 800, (pages, _budget(ctx))
    text = _text(pdf)
    # What is cut is said, with its count; every failed gate is still named.
    if lang == "en":
        assert "at 197 more sites, one row each" in text
        assert f"and {len(ctx.verdicts) - VERDICT_ROWS:,} more verdicts".replace(",", "") in text.replace(",", "")
        assert f"{len(ctx.signoffs) - SIGNOFF_FULL} more sign-offs" in text
    else:
        assert "ほか 197 拠点" in text
    for g in ctx.gates_failed:
        assert g.requirement_id in text


def test_further_sites_of_a_requirement_are_one_row_each(catalog: Catalog) -> None:
    doc = _many_sites(catalog, DETAIL_SITES + 2)
    pdf = render_report(doc, "en", catalog, generated=GENERATED)
    text = _text(pdf)
    ctx = build_context(doc, catalog, "en", evidence_problems=[])
    per_site = {it.requirement_id for sec in ctx.sections for it in sec.items if it.site}
    assert per_site
    for rid in per_site:
        assert f"{rid} at 2 more sites, one row each" in text
    # The further sites' answers are there, each with its state (the note is not).
    assert "Site 004 Not met 1" in text
    assert f"Note of {sorted(per_site)[0]}@s000." in text
    assert f"Note of {sorted(per_site)[0]}@s004." not in text
    assert _pages(pdf) <= _budget(ctx)


def test_not_applicable_at_many_sites_keeps_each_site(catalog: Catalog) -> None:
    doc = _many_sites(catalog, DETAIL_SITES + 1, AnswerState.NOT_APPLICABLE)
    text = _text(render_report(doc, "ja", catalog, generated=GENERATED))
    assert "ほか 1 拠点で非該当" in text
    assert "Site 003 Not here." in text


def test_the_plan_lists_every_gap_beyond_its_full_rows(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(front, "PLAN_FULL", 5)
    doc = _many_sites(catalog, 2)
    ctx = build_context(doc, catalog, "en", evidence_problems=[])
    text = _text(render_report(doc, "en", catalog, generated=GENERATED))
    assert f"{len(ctx.gaps) - 5} more gaps, ranked as above, one row each" in text
    last = ctx.gaps[-1]
    assert re.search(rf"\b{last.rank} {re.escape(last.requirement_id)}\b", text)


def test_the_summary_names_the_first_gates_and_counts_the_rest(catalog: Catalog) -> None:
    doc = _many_sites(catalog, 30)
    ctx = build_context(doc, catalog, "en", evidence_problems=[])
    gates = len(ctx.gates_failed) + len(ctx.gates_open)
    assert gates > SUMMARY_GATES
    blocks = front.summary_blocks(ctx, front_styles("en"))
    assert f"and {gates - SUMMARY_GATES} more gates (see Gates)" in " ".join(blocks)
    ja = front.summary_blocks(build_context(doc, catalog, "ja", evidence_problems=[]), front_styles("ja"))
    assert f"ほか {gates - SUMMARY_GATES} 件のゲート" in " ".join(ja)


def front_styles(lang: str) -> object:
    from veu_assess.report.styles import stylesheet

    return stylesheet(lang)


def test_many_signoffs_and_verdicts_are_summarised_with_their_counts(catalog: Catalog) -> None:
    doc = _many_sites(catalog, 12)
    its = visible_items(catalog, doc.assessment)
    doc.review = Review(
        verdicts={it.key: Verdict(state=VerdictState.REJECTED if i % 2 else VerdictState.ACCEPTED,
                                  comment=f"Comment {i}") for i, it in enumerate(its[:VERDICT_ROWS + 7])},
        signoffs=[SignOff(name=f"Signer {i}", role="Partner", date=dt.date(2026, 11, 28), statement=f"Statement {i}",
                          digest=doc.digest()) for i in range(SIGNOFF_FULL + 3)])
    assert len(its) >= VERDICT_ROWS + 7
    text = _text(render_report(doc, "en", catalog, generated=GENERATED))
    assert "and 7 more verdicts (" in text
    assert "3 more sign-offs, one row each" in text
    assert f"Signer {SIGNOFF_FULL + 2}" in text  # a further sign-off keeps its row
    assert f"Statement {SIGNOFF_FULL - 1}" in text and f"Statement {SIGNOFF_FULL}" not in text


def test_signoffs_hash_the_content_once(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    # Each hash of a file at the limits takes about a second: 100 sign-offs took 100 seconds.
    doc = _many_sites(catalog, 1)
    doc.review = Review(signoffs=[SignOff(name=f"S{i}", date=dt.date(2026, 11, 28), digest="0" * 64)
                                  for i in range(20)])
    calls = 0
    real = digest_module.content_digest

    def counting(*args: object, **kwargs: object) -> str:
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("veu_assess.storage.document.content_digest", counting)
    verdicts = verify.verify_all(doc)
    assert len(verdicts) == 20 and not any(v.matches for v in verdicts)
    assert calls == 1
    calls = 0
    build_context(doc, catalog, "en", evidence_problems=[])  # the report's context: a few, not one per sign-off
    assert calls <= 5


def test_budget_formula_grows_with_rows_not_texts() -> None:
    base = report_page_budget(100, 10, 0, 0, 0, 0)
    # 200 sites multiply the items but only add rows, not full entries.
    assert report_page_budget(3718, 136, 200, 600, 3718, 100) <= 750
    assert report_page_budget(200, 10, 0, 0, 0, 0) - base == pytest.approx(100 / 25, abs=1)
