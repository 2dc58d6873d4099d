"""The PDF says what the context says: text extraction, fonts, determinism, outline, metadata."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.report.conftest import GENERATED
from tests.report.helpers import answer_all, profile_doc
from veu_assess.catalog.loader import Catalog
from veu_assess.model.review import SignOff
from veu_assess.report.api import render_report, write_report
from veu_assess.report.context import ReportContext, build_context
from veu_assess.storage.document import Document


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _squash(text: str) -> str:
    """Compare without whitespace: wrapping may break a title over lines anywhere."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_pdf_text_matches_context(rendered: dict[str, tuple[bytes, ReportContext]], lang: str) -> None:
    pdf, ctx = rendered[lang]
    text = _squash(_text(pdf))
    for s in ctx.sections:
        assert _squash(s.title) in text, s.title
    assert _squash(ctx.level_label) in text
    assert ctx.catalog_version in text and ctx.digest in text
    assert ctx.gaps and all(g.requirement_id in text for g in ctx.gaps)
    assert ctx.not_applicable and all(_squash(n.justification) in text for n in ctx.not_applicable)
    assert _squash(ctx.disclaimer)[:60] in text
    reader = PdfReader(io.BytesIO(pdf))
    pages = len(reader.pages)
    last = _squash(reader.pages[-1].extract_text())
    assert (f"Page{pages}of{pages}" if lang == "en" else f"{pages}/{pages}ページ") in last


def test_japanese_round_trips(rendered: dict[str, tuple[bytes, ReportContext]], catalog: Catalog) -> None:
    en_text, ja_text = _squash(_text(rendered["en"][0])), _squash(_text(rendered["ja"][0]))
    first = catalog.sections[0]
    assert _squash(first.title.ja) in ja_text and _squash(first.title.en) in en_text
    assert "東京第一データセンター" in ja_text and "東京第一データセンター" in en_text  # user text in both
    assert "の確認済み" in en_text  # Japanese notes inside the English report


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_font_is_embedded(rendered: dict[str, tuple[bytes, ReportContext]], lang: str,
                                tmp_path: Path) -> None:
    pdf = rendered[lang][0]
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {}
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font", {}) or {}).values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for name, font in fonts.items():
        assert font["/Subtype"] == "/TrueType", name
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), f"{name} is not embedded"
    if shutil.which("pdffonts"):
        target = tmp_path / "r.pdf"
        target.write_bytes(pdf)
        out = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True).stdout
        rows = out.splitlines()[2:]
        assert rows and all(re.search(r"\byes\s+yes\s+yes\b", r) for r in rows), out


def test_same_input_same_bytes(catalog: Catalog, rich_doc: Document,
                               rendered: dict[str, tuple[bytes, ReportContext]]) -> None:
    assert render_report(rich_doc, "ja", catalog, generated=GENERATED) == rendered["ja"][0]
    assert render_report(rich_doc, "en", catalog, generated=GENERATED) == rendered["en"][0]


def test_source_date_epoch_sets_the_generation_time(catalog: Catalog, rich_doc: Document,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(GENERATED.timestamp())))
    first = render_report(rich_doc, "en", catalog)
    assert render_report(rich_doc, "en", catalog) == first  # reproducible without an argument
    meta = PdfReader(io.BytesIO(first)).metadata
    assert meta is not None and meta.creation_date == GENERATED
    assert b"<xmp:CreateDate>2026-12-01T09:30:00Z</xmp:CreateDate>" in first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(GENERATED.timestamp()) + 86_400))
    assert b"<xmp:CreateDate>2026-12-02T09:30:00Z</xmp:CreateDate>" in render_report(rich_doc, "en", catalog)


def test_outline_metadata_and_draft_mark(rendered: dict[str, tuple[bytes, ReportContext]]) -> None:
    pdf, ctx = rendered["en"]
    reader = PdfReader(io.BytesIO(pdf))
    meta = reader.metadata
    assert meta is not None and ctx.applicant in (meta.title or "") and meta.author == ctx.applicant
    assert meta.subject and meta.creation_date is not None and meta.creation_date == GENERATED

    def titles(entries: list) -> list[str]:
        out: list[str] = []
        for e in entries:
            out += titles(e) if isinstance(e, list) else [e.title]
        return out

    outline = titles(reader.outline)
    assert "Executive summary" in outline and "Statement of Applicability" in outline
    assert any(ctx.sections[0].title in t for t in outline)
    assert ctx.provisional and "DRAFT" in _text(pdf)


def test_complete_assessment_has_no_draft_mark(catalog: Catalog, document: Document) -> None:
    doc = profile_doc(document)
    answer_all(catalog, doc)
    ctx = build_context(doc, catalog, "en")
    assert not ctx.provisional
    assert "DRAFT" not in _text(render_report(doc, "en", catalog))


def test_signoff_digest_and_verdicts(rich_doc: Document, catalog: Catalog,
                                     rendered: dict[str, tuple[bytes, ReportContext]]) -> None:
    text = _squash(_text(rendered["en"][0]))
    assert "HanakoSuzuki" in text and "matchesthecontentofthisreport" in text
    assert "Pleaseattachthesignedpolicy." in text and "Tobesignedbyhand" not in text
    rich_doc.review.signoffs.append(SignOff(name="Late Signer", date=rich_doc.assessment.assessment_date,
                                            digest="0" * 64))
    text = _squash(_text(render_report(rich_doc, "en", catalog)))
    assert "WARNING:changedaftersign-offonNovember28,2026" in text


def test_blank_lines_to_sign_when_nobody_signed(catalog: Catalog, document: Document, tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    write_report(profile_doc(document), target, "en", catalog)
    text = _squash(_text(target.read_bytes()))
    assert "Tobesignedbyhand" in text and "Signature" in text
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]  # no temporary file left behind


def _toc_links(reader: PdfReader) -> list[tuple[str, int]]:
    """(printed page number, 1-based target page) of each page-number link of the contents (page 2)."""
    page = reader.pages[1]
    texts: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            texts.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text))

    page.extract_text(visitor_text=visit)
    links = []
    for annot in page.get("/Annots", []):
        a = annot.get_object()
        x0, y0, x1, _y1 = (float(v) for v in a["/Rect"])
        if x0 < 400:  # the link over the entry's title; the number's is at the right margin
            continue
        printed = [t.split()[-1] for x, y, t in texts if abs(y - y0) < 1 and x < x1]
        links.append((printed[-1] if printed else "", reader.get_page_number(a["/Dest"][0].get_object()) + 1))
    return links


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_contents_and_outline_point_at_the_headings(rendered: dict[str, tuple[bytes, ReportContext]],
                                                    lang: str) -> None:
    reader = PdfReader(io.BytesIO(rendered[lang][0]))

    def pages(entries: list) -> list[int]:
        out: list[int] = []
        for e in entries:
            out += pages(e) if isinstance(e, list) else [reader.get_destination_page_number(e) + 1]
        return out

    links = _toc_links(reader)
    # One numbered line per outline entry, in the same order, each number the page its link opens.
    assert [int(printed) for printed, _ in links] == [target for _, target in links] == pages(reader.outline)
    assert links[0][1] == 3 and links[-1][1] == len(reader.pages)  # summary after cover and contents


def test_contents_entries_are_escaped_markup() -> None:
    from veu_assess.report.blocks import heading
    from veu_assess.report.styles import stylesheet
    from veu_assess.report.toc import Contents

    styles = stylesheet("en")
    toc = Contents()
    toc.seed([heading(styles, 'R&D <img src="/etc/passwd"/> ties', 0, "x")])
    assert toc._lastEntries[0][1] == "R&amp;D &lt;img src=&#34;/etc/passwd&#34;/&gt; ties"


def test_a_check_that_raises_stops_the_layout_and_writes_nothing(tmp_path: Path) -> None:
    from veu_assess.report.api import write_report
    from veu_assess.resources import sample_path

    class Stop(Exception):
        pass

    calls: list[int] = []

    def stop_after_ten() -> None:
        calls.append(1)
        if len(calls) > 10:
            raise Stop

    out = tmp_path / "stopped.pdf"
    with pytest.raises(Stop):
        write_report(sample_path(), out, "en", check=stop_after_ten)
    assert len(calls) == 11 and not out.exists() and list(tmp_path.iterdir()) == []
