"""The CSV gap list: BOM, language headers, one row per ranked gap, spreadsheet formulas neutralised."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.report.helpers import items, profile_doc
from veu_assess.catalog.loader import Catalog
from veu_assess.export.csv_gaps import gaps_csv, neutralise, write_gaps_csv
from veu_assess.export.registry import get_exporter
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.report.context import build_context
from veu_assess.storage.document import Document


def _rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def test_rows_follow_the_ranked_gaps(catalog: Catalog, rich_doc: Document) -> None:
    ctx = build_context(rich_doc, catalog, "en")
    rows = _rows(gaps_csv(ctx))
    assert rows[0] == ["Rank", "Requirement ID", "Site", "Title", "Section", "State", "Priority", "Citation",
                       "Remediation", "Owner", "Due", "Rank reason"]
    assert [r[1] for r in rows[1:]] == [g.requirement_id for g in ctx.gaps]
    assert all(r[-1] == g.rank_reason != "" for r, g in zip(rows[1:], ctx.gaps, strict=True))
    assert [r[0] for r in rows[1:]] == [str(i) for i in range(1, len(ctx.gaps) + 1)]


def test_japanese_headers_and_text(catalog: Catalog, rich_doc: Document, tmp_path: Path) -> None:
    out = tmp_path / "gaps.csv"
    get_exporter("csv")(rich_doc, catalog, out, "ja")
    rows = _rows(out.read_bytes())
    ctx = build_context(rich_doc, catalog, "ja")
    assert rows[0][:2] == ["順位", "要件 ID"]
    assert rows[1][3] == ctx.gaps[0].title and rows[1][5] in {"一部充足", "未充足", "不明"}


def test_formula_injection_is_neutralised(catalog: Catalog, document: Document, tmp_path: Path) -> None:
    doc = profile_doc(document)
    it = items(catalog, doc)[0]
    doc.assessment.set_answer(it.requirement.id, Answer(state=AnswerState.NOT_MET, owner='=HYPERLINK("x")'),
                              it.site_id)
    out = tmp_path / "gaps.csv"
    write_gaps_csv(doc, catalog, out, "en")
    row = _rows(out.read_bytes())[1]
    assert row[9] == "'=HYPERLINK(\"x\")"
    assert [neutralise(x) for x in ["+1", "-1", "@SUM(A1)", "\tx", "ok", ""]] == ["'+1", "'-1", "'@SUM(A1)",
                                                                                  "'\tx", "ok", ""]


def test_the_operators_text_is_kept_as_typed(catalog: Catalog, document: Document, tmp_path: Path) -> None:
    # The PDF replaces what its fonts cannot draw; a spreadsheet can show emoji and 𝔘.
    doc = profile_doc(document)
    doc.assessment.profile.sites[0].name = "東京 DC 🏢 𝔘"
    it = next(i for i in items(catalog, doc) if i.site_id == doc.assessment.profile.sites[0].id)
    doc.assessment.set_answer(it.requirement.id, Answer(state=AnswerState.NOT_MET,
                                                        owner="Ops 🛠\x1b[31m\x85\u202egnp.exe"), it.site_id)
    out = tmp_path / "gaps.csv"
    write_gaps_csv(doc, catalog, out, "en")
    row = next(r for r in _rows(out.read_bytes())[1:] if r[1] == it.requirement.id)
    assert row[2] == "東京 DC 🏢 𝔘"
    assert row[9] == "Ops 🛠[31mgnp.exe"  # controls and the right-to-left override go, the rest stays


def test_inventory_csv_lists_every_accelerator_and_totals(catalog: Catalog, tmp_path: Path) -> None:
    from veu_assess.resources import sample_path
    from veu_assess.storage.veua import open_document

    out = tmp_path / "inventory.csv"
    get_exporter("csv-inventory")(open_document(sample_path()), catalog, out, "en")
    rows = _rows(out.read_bytes())
    assert rows[0][:4] == ["Site ID", "Site", "Model", "Quantity"]
    lines = {(r[2], r[3], r[6]) for r in rows[1:4]}
    assert lines == {("H100 SXM5 80GB", "2048", "3A090.a"), ("L4 inference card", "256", "3A090.a"),
                     ("H200 SXM 141GB", "1024", "3A090.a")}
    assert rows[-1] == ["3A090.a", "3328"]
