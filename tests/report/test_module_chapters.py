"""Each switched-on module has its own chapter in the report (en and ja), apart from the verdict."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from veu_assess.catalog.loader import Catalog
from veu_assess.model.assessment import BomLine
from veu_assess.report.api import render_report
from veu_assess.report.context import build_context
from veu_assess.resources import sample_path
from veu_assess.storage import open_document


def _pages(pdf: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize(
    ("lang", "japan", "aix", "share", "outcome"),
    [
        ("en", "Japanese law (FEFTA): points to confirm", "American AI Exports Program: preparation",
         "52.30 – 53.99 %", "Meets the 51 % presumption"),
        ("ja", "日本法上の確認事項", "米国 AI 輸出プログラム参加準備", "52.30 – 53.99 %", "51 % の推定基準を満たす"),
    ],
)
def test_the_sample_report_has_both_module_chapters(catalog: Catalog, lang: str, japan: str, aix: str,
                                                     share: str, outcome: str) -> None:
    pages = _pages(render_report(open_document(sample_path()), lang, catalog))
    banner = "OPTIONAL MODULE" if lang == "en" else "任意モジュール：独自の結果"
    chapters = [i for i, p in enumerate(pages) if banner in p]
    japan_page = next(i for i in chapters if japan in pages[i])
    aix_page = next(i for i in chapters if aix in pages[i])
    text = pages[aix_page]
    assert share in text and outcome in text
    assert "GPU servers (8x H200 HGX)" in text  # the one deciding line
    assert "AIX-05" in text  # an open item
    assert "EO-14320" in text and "MONDAQ-AIEP-CFP" in text
    assert "JP-06" in pages[japan_page] and "METI-DEEMED-EXPORT" in pages[japan_page]
    # a checklist is never scored: the AI Exports chapter shows no percentage score line
    assert ("Items open" if lang == "en" else "未了項目あり") in text


def test_a_module_chapter_is_absent_when_switched_off(catalog: Catalog) -> None:
    doc = open_document(sample_path())
    doc.assessment.profile.modules = ["stretch-2025"]
    ctx = build_context(doc, catalog, "en")
    assert [m.id for m in ctx.modules] == ["stretch-2025"]


def test_bom_descriptions_are_escaped_and_an_undetermined_share_names_the_unknown_line(catalog: Catalog) -> None:
    doc = open_document(sample_path())
    doc.assessment.bom = [BomLine(description="<b>Servers</b> & <font>", value=400, origin="US"),
                          BomLine(description="Optics <unknown>", value=300, origin=""),
                          BomLine(description="Racks", value=300, origin="JP")]
    ctx = build_context(doc, catalog, "en")
    us = next(m for m in ctx.modules if m.id == "ai-exports").us_content
    assert us is not None and us.outcome == "undetermined" and [r.line for r in us.deciding] == [2]
    text = " ".join(_pages(render_report(doc, "en", catalog)))
    assert "Optics <unknown>" in text and "40.00 – 70.00 %" in text
