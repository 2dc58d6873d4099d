"""A gap in the rescinded stretch module is ranked last and labelled in the PDF and the CSV, so it
never reads as an in-force obligation."""

from __future__ import annotations

import csv
import io
import re

from pypdf import PdfReader

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.scoring import evaluate
from veu_assess.export.csv_gaps import gaps_csv
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.report.api import render_report
from veu_assess.report.context import build_context
from veu_assess.resources import sample_path
from veu_assess.storage.veua import open_document


def _with_stretch_gap(catalog: Catalog):  # type: ignore[no-untyped-def]
    doc = open_document(sample_path())
    module = next(m for m in catalog.header.modules if m.id == "stretch-2025")
    doc.assessment.profile.modules = [module.id]
    section = next(s for s in catalog.sections if s.module == module.id)
    for req in section.requirements:  # the sample answers a few stretch items: start from none
        doc.assessment.answers.pop(req.id, None)
    doc.assessment.set_answer(section.requirements[0].id, Answer(state=AnswerState.NOT_MET))
    return doc, section.requirements[0].id


def test_stretch_gap_is_last_and_labelled(catalog: Catalog) -> None:
    doc, rid = _with_stretch_gap(catalog)
    gaps = evaluate(catalog, doc.assessment).gaps
    assert gaps[-1].requirement.id == rid and gaps[-1].stretch
    assert not any(g.stretch for g in gaps[:-1])

    rows = list(csv.reader(io.StringIO(gaps_csv(build_context(doc, catalog, "en")).decode("utf-8-sig"))))
    assert rows[-1][1] == rid and rows[-1][6].endswith("(optional module, not in the VEU score)")
    assert not any("stretch" in row[6] for row in rows[1:-1])
    ja = list(csv.reader(io.StringIO(gaps_csv(build_context(doc, catalog, "ja")).decode("utf-8-sig"))))
    assert ja[-1][6].endswith(" (任意モジュール（VEU スコア外）)")

    text = re.sub(r"\s+", " ", "".join(p.extract_text() or "" for p in
                                       PdfReader(io.BytesIO(render_report(doc, "en", catalog))).pages))
    assert "optional module, not in the VEU score" in text
