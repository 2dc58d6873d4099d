"""Dates in each language's convention (2026年11月28日 in Japanese), and the file's integrity on the
cover and in the closing section: "changed after sign-off on DATE", "modified by another program".
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from veu_assess.catalog.loader import Catalog
from veu_assess.cli.main import run
from veu_assess.engine.visibility import visible_items
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.report.api import render_report
from veu_assess.report.context import ReportContext
from veu_assess.report.text import date_text
from veu_assess.resources import sample_path
from veu_assess.review import sign_off
from veu_assess.storage.veua import ASSESSMENT, open_document, save_document

SIGNED = dt.date(2026, 12, 2)


def _text(pdf: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages))


def test_date_text() -> None:
    assert date_text(dt.date(2026, 11, 28), "ja") == "2026年11月28日"
    assert date_text("2026-11-28", "en") == "November 28, 2026"
    assert date_text("", "ja") == "" and date_text(None, "en") == ""


def test_japanese_report_writes_japanese_dates(rendered: dict[str, tuple[bytes, ReportContext]]) -> None:
    pdf, ctx = rendered["ja"]
    text = _text(pdf)
    assert "2026年11月28日" in text  # assessment date: cover, page headers, closing section
    assert "2026年11月27日" in text  # the verdict's date
    assert "2026年11月30日" in text  # the catalog's as-of date
    assert "2026-11-28" not in text and "2026-11-30" not in text
    assert ctx.catalog_as_of == "2026-11-30"  # the context keeps ISO data; the PDF words it


def test_english_report_writes_english_dates(rendered: dict[str, tuple[bytes, ReportContext]]) -> None:
    text = _text(rendered["en"][0])
    assert "November28,2026" in text and "2026-11-28" not in text


@pytest.fixture
def signed_then_changed(tmp_path: Path, catalog: Catalog) -> Path:
    """The sample, signed off by an auditor, then one answer changed by the operator in the app."""
    path = tmp_path / "signed.veua"
    shutil.copyfile(sample_path(), path)
    doc = open_document(path)
    sign_off(doc, "Ken Auditor", organisation="監査法人", date=SIGNED)
    save_document(doc, path)
    doc = open_document(path)
    it = visible_items(catalog, doc.assessment)[0]
    doc.assessment.set_answer(it.requirement.id, Answer(state=AnswerState.NOT_MET), it.site_id)
    save_document(doc, path)
    return path


def test_report_of_a_file_changed_after_signoff(signed_then_changed: Path, catalog: Catalog) -> None:
    en = _text(render_report(signed_then_changed, "en", catalog))
    assert en.count("WARNING:changedaftersign-offonDecember2,2026") >= 3  # cover, sign-off, integrity
    ja = _text(render_report(signed_then_changed, "ja", catalog))
    assert "2026年12月2日の署名後に変更されています" in ja


def test_validate_of_a_file_changed_after_signoff(signed_then_changed: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["validate", str(signed_then_changed)]) == 0  # saved by the app: a fact, not damage
    assert "integrity: changed after sign-off on 2026-12-02" in capsys.readouterr().out


@pytest.mark.parametrize("folder_entry", [False, True], ids=["plain", "with-evidence-folder-entry"])
def test_file_rezipped_by_another_program(tmp_path: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str],
                                          folder_entry: bool) -> None:
    """Another program changed an answer and re-zipped the file, leaving the old manifest."""
    with zipfile.ZipFile(sample_path()) as zf:
        entries = {i.filename: zf.read(i) for i in zf.infolist()}
    data = json.loads(entries[ASSESSMENT])
    key = sorted(data["answers"])[0]
    data["answers"][key]["state"] = "met" if data["answers"][key]["state"] != "met" else "not_met"
    entries[ASSESSMENT] = json.dumps(data).encode()
    edited = tmp_path / "edited.veua"
    with zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as zf:
        if folder_entry:  # zip -r, Explorer and Archive Utility add the folder itself
            zf.writestr(zipfile.ZipInfo("evidence/"), b"")
        for name, raw in entries.items():
            zf.writestr(name, raw)

    assert run(["validate", str(edited)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "modified by another program" in err and "assessment.json does not match" in err

    en = _text(render_report(edited, "en", catalog))
    assert "WARNING:thefilewasmodifiedbyanotherprogramafteritwassaved" in en
    ja = _text(render_report(edited, "ja", catalog))
    assert "警告：このファイルは保存後に他のプログラムで変更されています" in ja


def test_intact_file_says_so(rendered: dict[str, tuple[bytes, ReportContext]]) -> None:
    assert "Intact:thecontentmatches" in _text(rendered["en"][0])
    assert "変更なし" in _text(rendered["ja"][0])


def test_report_hashes_the_evidence(tmp_path: Path, catalog: Catalog) -> None:
    """An evidence blob swapped inside the zip (manifest untouched) is caught by the report itself."""
    with zipfile.ZipFile(sample_path()) as zf:
        entries = {i.filename: zf.read(i) for i in zf.infolist()}
    name = sorted(n for n in entries if n.startswith("evidence/"))[0]
    entries[name] = bytes(b ^ 0xFF for b in entries[name])  # same size, other content
    swapped = tmp_path / "swapped.veua"
    with zipfile.ZipFile(swapped, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, raw in entries.items():
            zf.writestr(n, raw)
    doc = open_document(swapped)
    assert not doc.source or not doc.source.problems  # opening alone does not hash evidence
    en = _text(render_report(swapped, "en", catalog))
    assert "WARNING:thefilewasmodifiedbyanotherprogram" in en
    assert "doesnotmatchitsSHA-256" in en
    intact = _text(render_report(sample_path(), "en", catalog))
    count = len(open_document(sample_path()).evidence)
    assert f"The{count}evidencefileswerehashedagainsttheirrecordedSHA-256" in intact
    assert "Intact:thecontentmatches" in intact


def test_report_states_what_a_signoff_protects(rendered: dict[str, tuple[bytes, ReportContext]]) -> None:
    from veu_assess.review.texts import protection_statement

    for lang in ("en", "ja"):
        text = _text(rendered[lang][0])
        assert re.sub(r"\s+", "", protection_statement(lang)) in text, lang
