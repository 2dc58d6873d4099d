"""The auditor-adjusted result is on the cover beside the operator's level, in both languages,
and absent when no verdict adjusts a state."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.report.helpers import items, profile_doc
from veu_assess.catalog.loader import Catalog
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.report.api import render_report
from veu_assess.report.context import build_context
from veu_assess.review import record_verdict
from veu_assess.storage.document import Document


def _cover(pdf: bytes) -> str:
    return "".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())


@pytest.mark.parametrize(("lang", "label"), [("en", "Auditor-adjusted"), ("ja", "監査人による修正後")])
def test_adjusted_result_on_the_cover(catalog: Catalog, document: Document, lang: str, label: str) -> None:
    doc = profile_doc(document)
    its = items(catalog, doc)
    for it in its:
        doc.assessment.answers[it.key] = Answer(state=AnswerState.MET)
    assert build_context(doc, catalog, lang).adjusted is None
    assert label not in _cover(render_report(doc, lang, catalog))
    gate = next(it for it in its if it.requirement.gate)
    record_verdict(doc, gate.key, "rejected", comment="Not signed", adjusted_state="not_met")
    ctx = build_context(doc, catalog, lang)
    assert ctx.adjusted is not None and ctx.adjusted.gates_failed == 1 and ctx.adjusted.count == 1
    assert ctx.adjusted.level_label != ctx.level_label  # beside the operator's, not the same
    cover = _cover(render_report(doc, lang, catalog))
    assert label in cover and "".join(ctx.level_label.split()) in cover
    assert "".join(ctx.adjusted.level_label.split()) in cover
