"""The cover is one page whatever the assessment holds: many failed gates on many long-named
sites, long names and the disclaimer never leave a line alone on a second page."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.report.conftest import GENERATED
from tests.report.helpers import answer_all, profile_doc
from veu_assess.catalog.loader import Catalog
from veu_assess.model.assessment import Answer, AnswerState, Site
from veu_assess.report.api import render_report
from veu_assess.report.messages import labels
from veu_assess.storage.document import Document


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_cover_stays_on_one_page_with_every_gate_failed(catalog: Catalog, document: Document,
                                                           lang: str) -> None:
    doc = profile_doc(document, applicant="Sakura Compute K.K. " * 20)
    doc.assessment.title = "Readiness " * 40
    doc.assessment.profile.sites = [Site(id=f"site-{n}", name=f"Data centre number {n} " * 4, address="Koto-ku",
                                         country="JP") for n in range(6)]
    its = answer_all(catalog, doc)
    for it in its:
        if it.requirement.gate:  # every gate failed at every site: more "why" lines than the cover holds
            doc.assessment.answers[it.key] = Answer(state=AnswerState.NOT_MET)
    pdf = PdfReader(io.BytesIO(render_report(doc, lang, catalog, generated=GENERATED)))
    second = pdf.pages[1].extract_text()
    # Page 2 is the contents, not the end of the cover.
    assert labels(lang).text("contents") in second
    assert labels(lang).text("report_title") in pdf.pages[0].extract_text().replace("\n", "")
