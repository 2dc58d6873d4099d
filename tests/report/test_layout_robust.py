"""Regression tests for issue 19: the report never fails on a file the app accepts, stays a sane
size, and reads well in Japanese. Each case below failed on the code before the fix."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from tests.report.conftest import GENERATED, make_rich_doc
from tests.report.helpers import items
from veu_assess.catalog.loader import Catalog
from veu_assess.export.oscal.writer import render_oscal
from veu_assess.model.assessment import Answer, AnswerState, Site
from veu_assess.model.review import Verdict, VerdictState
from veu_assess.report.api import render_report
from veu_assess.report.fonts import register_fonts
from veu_assess.report.glyphs import font_runs
from veu_assess.report.pdf import FRAME_W, HEADER_SIZE, header_texts
from veu_assess.report.styles import stylesheet
from veu_assess.textsafe import is_xml_text

LANGS = ("en", "ja")


def _pages(pdf: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


def _render(doc: object, lang: str, catalog: Catalog) -> bytes:
    return render_report(doc, lang, catalog, generated=GENERATED)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", LANGS)
def test_verdict_comment_of_75_short_lines_lays_out(catalog: Catalog, lang: str) -> None:
    doc = make_rich_doc(catalog)
    key = items(catalog, doc)[3].key
    doc.review.verdicts[key] = Verdict(state=VerdictState.REJECTED, reviewer="X", date=dt.date(2026, 11, 27),
                                       comment="\n".join(f"REQ-{i:03d}" for i in range(75)))
    text = "\n".join(_pages(_render(doc, lang, catalog)))
    assert "REQ-000" in text and re.search(r"[0-9,]+", text)


@pytest.mark.parametrize(("lang", "address"), [("en", ""), ("ja", ""), ("en", "x"), ("ja", "x")])
def test_sixty_sites_without_address_lay_out_and_cover_keeps_the_level(catalog: Catalog, lang: str,
                                                                      address: str) -> None:
    doc = make_rich_doc(catalog)
    country = "" if (lang, address) == ("en", "") else "AE"  # names only (en), country only (ja)
    doc.assessment.profile.sites = [Site(id=f"dc-{i:03d}", name=f"DC-{i:03d}", address=address, country=country)
                                    for i in range(60)]
    pages = _pages(_render(doc, lang, catalog))
    cover = re.sub(r"\s+", " ", pages[0])
    from veu_assess.report.messages import labels
    t = labels(lang)
    more = t.text("cover_more_sites", count=52)
    assert more.replace(" ", "") in cover.replace(" ", "")
    assert "DC-007" in cover and "DC-008" not in cover
    assert " — ," not in cover and ", ," not in cover and not re.search(r"DC-000 —\s*$", cover, re.M)
    from veu_assess.report.context import build_context
    level = build_context(doc, catalog, lang).level_label
    assert level.replace(" ", "") in cover.replace(" ", "")  # the level stays on page 1
    sites_pages = "\n".join(pages[1:])
    assert all(f"dc-{i:03d}" in sites_pages for i in range(60))  # every site in the Sites table


def test_site_without_address_has_no_stray_punctuation(catalog: Catalog) -> None:
    doc = make_rich_doc(catalog)
    doc.assessment.profile.sites = [Site(id="a", name="Alpha DC", address="", country="AE"),
                                    Site(id="b", name="Beta DC", address="", country="")]
    cover = _pages(_render(doc, "en", catalog))[0]
    assert "Alpha DC — United Arab Emirates (AE)" in cover
    assert re.search(r"Beta DC\s*\n", cover) and "Beta DC —" not in cover


@pytest.mark.parametrize("lang", LANGS)
def test_one_field_at_its_limit_adds_about_a_page(catalog: Catalog, lang: str) -> None:
    doc = make_rich_doc(catalog)
    base = len(_pages(_render(doc, lang, catalog)))
    it = items(catalog, doc)[1]
    note = "\n".join(f"line {i}" for i in range(20_000))[:100_000]  # 100,000 characters of short lines
    doc.assessment.set_answer(it.requirement.id, Answer(state=AnswerState.NOT_MET, notes=note), it.site_id)
    pages = _pages(_render(doc, lang, catalog))
    assert len(pages) <= base + 3
    text = re.sub(r"\s+", "", "\n".join(pages))
    assert re.search(r"continues:[0-9,]+morecharacters" if lang == "en" else r"続き：残り[0-9,]+文字", text)


JA_NAME = "株式会社サクラ・コンピュート・ホールディングス東京本社データセンター事業部門国際輸出管理室担当"


@pytest.mark.parametrize("name", [JA_NAME, "A" * 100, "Wide Wide " * 10, "ＷＷＷ" * 34, "x" * 500])
@pytest.mark.parametrize("lang", LANGS)
def test_running_header_never_reaches_the_date(catalog: Catalog, lang: str, name: str) -> None:
    register_fonts()
    doc = make_rich_doc(catalog)
    doc.assessment.profile.applicant_name = name
    from veu_assess.report.context import build_context
    from veu_assess.report.messages import labels
    fonts = stylesheet(lang).fonts
    left, right = header_texts(build_context(doc, catalog, lang), labels(lang), fonts)

    def width(text: str) -> float:
        return sum(stringWidth(run, font, HEADER_SIZE) for font, run in font_runs(text, fonts.body, fonts.order))

    assert width(left) + width(right) + 12 <= FRAME_W
    assert left.endswith("…") or name in left


def test_japanese_report_embeds_a_bold_japanese_face(rendered: dict[str, tuple[bytes, object]],
                                                     tmp_path: Path) -> None:
    pdf = rendered["ja"][0]
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in (page.get("/Resources", {}).get("/Font", {}) or {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    assert "BIZUDPGothic-Bold" in names and "IPAexGothic" in names
    if shutil.which("pdffonts"):
        target = tmp_path / "ja.pdf"
        target.write_bytes(pdf)
        out = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"BIZUDPGothic-Bold\s+TrueType\s+\S+\s+yes\s+yes\s+yes", out), out


def test_japanese_draft_watermark_is_translated(rendered: dict[str, tuple[bytes, object]]) -> None:
    pages = _pages(rendered["ja"][0])
    assert "ドラフト" in pages[0] and "DRAFT" not in pages[0]


def _line_text(line: object) -> str:
    """The text of one wrapped line: (space, [str]) for a one-style paragraph, else frag words."""
    if isinstance(line, tuple | list):
        return "".join(str(w) for w in line[1])
    return "".join(w.text for w in line.words)  # type: ignore[attr-defined]


@pytest.mark.parametrize("markup", ["{}", "<b>太字</b>{}"])
def test_kinsoku_no_opening_bracket_at_a_line_end(markup: str) -> None:
    s = stylesheet("ja")
    text = markup.format("これは試験の文章です（括弧の中）と「引用」。" * 12)
    for width in range(120, 200, 7):
        para = s.para(text, "body")
        para.wrap(width, 10_000)
        lines = [_line_text(line) for line in para.blPara.lines]
        lines = [ln for ln in lines if ln]
        assert lines, width
        assert not [ln for ln in lines if ln[-1] in "（「"], (width, lines)
        assert not [ln for ln in lines[1:] if ln[0] in "）」。、"], (width, lines)


def test_hash_breaks_only_between_groups() -> None:
    from veu_assess.report.text import hash_text
    digest = "0123456789abcdef" * 4
    s = stylesheet("ja")
    para = s.para(f"ファイル — 1,234 バイト — {hash_text(digest)}", "small")
    para.wrap(140, 10_000)
    words = re.findall(r"[0-9a-f]+", " ".join(_line_text(ln) for ln in para.blPara.lines))
    assert words and all(len(w) == 8 for w in words if w not in ("1", "234")), words


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed")
@pytest.mark.parametrize("lang", LANGS)
def test_arabic_hebrew_and_supplementary_kanji_round_trip(catalog: Catalog, lang: str, tmp_path: Path) -> None:
    doc = make_rich_doc(catalog)
    arabic, hebrew = "مركز بيانات دبي", "אתר תל אביב"
    doc.assessment.profile.applicant_name = "𠮟責テスト株式会社"
    doc.assessment.profile.sites = [Site(id="dxb", name=arabic, address="", country="AE"),
                                    Site(id="tlv", name=hebrew, address="", country="")]
    target = tmp_path / "r.pdf"
    target.write_bytes(_render(doc, lang, catalog))
    out = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    # pdftotext marks right-to-left runs with embedding controls, and extracts the Arabic
    # contextual forms the font draws: compare their compatibility forms, without the controls.
    text = re.sub("[\u202a-\u202e]", "", unicodedata.normalize("NFKC", out))
    assert arabic in text and hebrew in text
    assert "𠮟責テスト株式会社" in out and "\ufffd" not in out.split("𠮟")[0][-3:]


@pytest.mark.parametrize("lang", LANGS)
def test_confidentiality_generation_time_and_xmp(rendered: dict[str, tuple[bytes, object]], lang: str) -> None:
    pdf = rendered[lang][0]
    pages = _pages(pdf)
    marking = "Confidential — prepared for legal counsel" if lang == "en" else "機密 — 法律顧問のために作成"
    assert marking in pages[0] and all(marking in p for p in pages)  # cover and every footer
    assert "0.1" in pages[0] and ("December 1, 2026 09:30 UTC" in pages[0] or "2026年12月1日 09:30 UTC" in pages[0])
    reader = PdfReader(io.BytesIO(pdf))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert f"<rdf:li>{lang}</rdf:li>" in xmp and "<dc:title>" in xmp and "<dc:creator>" in xmp
    assert "<xmp:CreateDate>2026-12-01T09:30:00Z</xmp:CreateDate>" in xmp


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *_strings(v)]]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.mark.parametrize("kind", ["ar", "poam"])
def test_oscal_strings_are_valid_xml(catalog: Catalog, kind: str) -> None:
    doc = make_rich_doc(catalog)
    hostile = "ctl:\x00\x01\x07\x1b\x7f\x85\x9f tab\tnl\n bidi:\u202eevil\u202c \u2066iso\u2069 end"
    doc.assessment.profile.applicant_name = hostile
    doc.assessment.profile.sites[0].name = hostile
    for it in items(catalog, doc)[:6]:
        doc.assessment.set_answer(it.requirement.id, Answer(state=AnswerState.NOT_MET, notes=hostile,
                                                            justification=hostile, owner=hostile), it.site_id)
    doc.review.verdicts[items(catalog, doc)[0].key] = Verdict(state=VerdictState.REJECTED, comment=hostile)
    data = json.loads(render_oscal(doc, catalog, kind, "en"))  # type: ignore[arg-type]
    strings = _strings(data)
    assert any("ctl:" in s for s in strings)
    assert all(is_xml_text(s) for s in strings)
    assert not [s for s in strings if re.search("[\u202a-\u202e\u2066-\u2069\x7f-\x9f]", s)]
    assert any("tab\tnl\n" in s for s in strings)  # tab and newline stay
