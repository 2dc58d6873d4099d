"""The report's verdict cannot mislead: the sample's first page, the appendix, the inventory, a
blank assessment's summary and the chart's labels and legend (checked on the extracted text)."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.inventory import inventory_of
from veu_assess.engine.scoring import evaluate
from veu_assess.report.api import render_report
from veu_assess.report.chart import legend_lines
from veu_assess.report.context import build_context
from veu_assess.report.fonts import font_set, register_fonts
from veu_assess.report.front import summary_blocks
from veu_assess.report.messages import labels
from veu_assess.report.styles import stylesheet
from veu_assess.resources import sample_path
from veu_assess.storage.document import Document, new_document
from veu_assess.storage.veua import open_document


def _pages(pdf: bytes) -> list[str]:
    return [re.sub(r"\s+", "", p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def sample() -> Document:
    return open_document(sample_path())


@pytest.fixture(scope="module")
def sample_pdfs(sample: Document, catalog: Catalog) -> dict[str, list[str]]:
    return {lang: _pages(render_report(sample, lang, catalog)) for lang in ("en", "ja")}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_first_page_names_the_open_gate_and_both_figures(
    sample: Document, sample_pdfs: dict[str, list[str]], catalog: Catalog, lang: str
) -> None:
    result = evaluate(catalog, sample.assessment)
    t = labels(lang)
    first = sample_pdfs[lang][0]
    assert result.gates_open, "the sample has an open gate"
    for it in result.gates_open:
        assert _squash(it.requirement.id) in first
        assert _squash(it.requirement.citation) in first
    level = next(lv for lv in catalog.header.scoring.levels if lv.id is result.level)
    assert _squash(level.label.get(lang)) in first
    assert _squash(t.text("cover_readiness")) in first and _squash(t.text("cover_completeness")) in first
    assert _squash(f"{result.answered}") in first and _squash(f"{result.total}") in first
    for other in catalog.header.scoring.levels:
        if other.id in ("ready", "ready_with_conditions"):
            assert _squash(other.label.get(lang)) not in first.replace(_squash(t.text("chart_legend_thresholds")), "")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_appendix_lists_every_unanswered_item(
    sample: Document, sample_pdfs: dict[str, list[str]], catalog: Catalog, lang: str
) -> None:
    result = evaluate(catalog, sample.assessment)
    heading = _squash(labels(lang).text("unanswered"))
    text = "".join(sample_pdfs[lang])
    # From the appendix's heading and intro on (the contents page names the heading too).
    appendix = text[text.index(heading + _squash(labels(lang).text("unanswered_intro"))[:10]):]
    assert len(result.unanswered) == result.total - result.answered > 0
    for it in result.unanswered:
        assert _squash(it.requirement.id) in appendix, it.key
        assert _squash(it.requirement.citation) in appendix, it.key
    names = {s.id: s.name for s in sample.assessment.profile.sites}
    for it in result.unanswered:
        if it.site_id:
            assert _squash(names[it.site_id]) in appendix


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_inventory_lists_every_accelerator_with_its_classification(
    sample: Document, sample_pdfs: dict[str, list[str]], catalog: Catalog, lang: str
) -> None:
    inv = inventory_of(catalog, sample.assessment)
    text = "".join(sample_pdfs[lang])
    start = text.index(_squash(labels(lang).text("inventory_intro"))[:15])
    section = text[start:]
    models = [(line.accelerator.model, line.accelerator.count, line.classification.eccn)
              for s in inv.sites for line in s.inventory.lines]
    assert {(m, n) for m, n, _ in models} == {("H100 SXM5 80GB", 2048), ("L4 inference card", 256),
                                             ("H200 SXM 141GB", 1024)}
    for model, count, eccn in models:
        at = section.index(_squash(model))
        assert section[at:at + 80].find(f"{count:,}") > 0
        assert eccn in section[at:at + 200]
    assert inv.totals == {"3A090.a": 3328}
    assert "3A090.a3,328" in section  # totals per classification


def _blank(catalog: Catalog) -> Document:
    return new_document(catalog, today=dt.date(2026, 12, 1), title="Blank")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_blank_assessment_reads_sensibly(catalog: Catalog, lang: str) -> None:
    doc = _blank(catalog)
    ctx = build_context(doc, catalog, lang)
    blocks = summary_blocks(ctx, stylesheet(lang))
    text = " ".join(blocks)
    assert ctx.level == "incomplete"
    if lang == "en":
        assert "Nothing is answered yet" in text and "start with the gates" in text
        assert "No gaps are recorded" not in text and "below 60" not in text
    else:
        assert "まだ何も回答されていません" in text
    sentences = [s.strip() for s in re.split(r"(?<=[.。])\s*", re.sub(r"<[^>]+>", "", text)) if s.strip()]
    assert len(sentences) == len(set(sentences)), "a sentence repeats"
    first = _pages(render_report(doc, lang, catalog))[0]
    assert _squash(labels(lang)["recommend"]["start_with_gates"].split("{")[0]) in first


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_no_sentence_repeats_in_the_sample_summary(sample: Document, catalog: Catalog, lang: str) -> None:
    text = " ".join(summary_blocks(build_context(sample, catalog, lang), stylesheet(lang)))
    sentences = [s.strip() for s in re.split(r"(?<=[.。])\s+", re.sub(r"<[^>]+>", "", text)) if s.strip()]
    assert len(sentences) == len(set(sentences))


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_chart_legend_and_labels_fit(sample: Document, catalog: Catalog, lang: str) -> None:
    register_fonts()
    fonts = font_set(lang)
    t = labels(lang)
    width = 480.0
    entries = [t.text("chart_legend_readiness"), t.text("chart_legend_completeness"),
               t.text("chart_legend_thresholds")]
    lines = legend_lines(entries, fonts.cjk, width)
    assert "".join(line for _, line in lines).replace(" ", "") == "".join(entries).replace(" ", "")
    assert all(stringWidth(line, fonts.cjk, 7.5) <= width - 16 for _, line in lines)
    # Narrow: the thresholds line must wrap, not run off.
    assert len(legend_lines(entries, fonts.cjk, 160.0)) > 3
    # Category labels are the section ids, which fit the label column whole (no "…").
    ctx = build_context(sample, catalog, lang)
    for s in ctx.sections:
        assert stringWidth(s.id, fonts.body, 7.5) < 60 - 4
