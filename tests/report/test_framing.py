"""The report's first page after the cover frames the result honestly in both languages, and a file
saved against the previous questionnaire opens, scores and lists which of its requirements changed."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from pypdf import PdfReader

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.scoring import evaluate
from veu_assess.report.context import build_context
from veu_assess.report.pdf import render_pdf
from veu_assess.resources import sample_path
from veu_assess.review import sign_off
from veu_assess.storage.veua import open_document, save_document


def _page_text(pdf: bytes, index: int) -> str:
    return re.sub(r"\s+", "", PdfReader(io.BytesIO(pdf)).pages[index].extract_text() or "")


def _old_file(tmp_path: Path) -> Path:
    """The sample as if saved with questionnaire 2026.11.1 and signed then."""
    doc = open_document(sample_path())
    doc.assessment = doc.assessment.model_copy(update={"catalog_version": "2026.11.1"})
    sign_off(doc, "A. Auditor", date=dt.date(2026, 11, 20))
    path = tmp_path / "old.veua"
    save_document(doc, path)
    return path


def test_framing_page_in_both_languages(catalog: Catalog) -> None:
    doc = open_document(sample_path())
    en = render_pdf(build_context(doc, catalog, "en", today=dt.date(2026, 12, 1)))
    ja = render_pdf(build_context(doc, catalog, "ja", today=dt.date(2026, 12, 1)))
    page_en, page_ja = _page_text(en, 2), _page_text(ja, 2)  # cover, contents, framing
    for needle in ("Readthisfirst", "Whatthescoremeans", "Codifiedisnotenforced", "B-337935",
                   "SupplementNo.7", "30Nov2026", "Since10Nov2026", "OWN-07"):
        assert needle in page_en, needle
    for needle in ("最初にお読みください", "スコアの意味", "条文上の存続と執行の違い", "補足第7号",
                   "2026年11月30日", "OWN-07"):
        assert needle in page_ja, needle


def test_no_staleness_note_before_the_suspension_ends(catalog: Catalog) -> None:
    ctx = build_context(open_document(sample_path()), catalog, "en", today=dt.date(2026, 11, 1))
    assert ctx.status_notes == ()
    assert "OWN-07" in build_context(open_document(sample_path()), catalog, "en",
                                     today=dt.date(2026, 12, 1)).status_notes[0]


def test_old_file_opens_scores_and_lists_its_changes(tmp_path: Path, catalog: Catalog) -> None:
    doc = open_document(_old_file(tmp_path))
    assert doc.assessment.catalog_version == "2026.11.1"
    result = evaluate(catalog, doc.assessment)
    assert result.score is not None
    ctx = build_context(doc, catalog, "en", result=result, today=dt.date(2026, 12, 1))
    ids = [c.split(":", 1)[0] for c in ctx.changes]
    assert "ELIG-05" in ids and "HOST-01" in ids and "OWN-07" in ids  # answered ones, and the new one
    assert "STRETCH-01" not in ids  # the file does not answer it
    assert ctx.file_catalog_version == "2026.11.1" and ctx.catalog_version == catalog.version
    pdf = render_pdf(ctx)
    text = _page_text(pdf, 2) + _page_text(pdf, 3)  # the list may run onto a second page
    assert "Changedsincequestionnaire2026.11.1" in _page_text(pdf, 2)
    assert "madeagainstquestionnaireversion2026.11.1" in text
