"""Property test: any assessment the model accepts produces a report, in both languages, within
the page budget. Hypothesis generates the text (any Unicode the model accepts, hostile markup,
right-to-left and supplementary-plane characters, short lines by the thousand), sites, answers,
evidence, verdicts and sign-offs within the storage limits.

``VEU_REPORT_EXAMPLES`` sets the number of cases (default 200; the row budget keeps a case with
70 sites to a few dozen pages). Each case renders one language, drawn by hypothesis, so both are
covered about equally.
"""

from __future__ import annotations

import datetime as dt
import io
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from tests.report.conftest import GENERATED
from tests.report.helpers import attach_blobs, evidence, profile_doc
from veu_assess.catalog.loader import Catalog, default_catalog
from veu_assess.engine.visibility import visible_items
from veu_assess.model.assessment import MAX_SHORT, MAX_TEXT, Answer, AnswerState, Site
from veu_assess.model.review import Review, SignOff, Verdict, VerdictState
from veu_assess.report.api import render_report
from veu_assess.report.context import build_context
from veu_assess.report.layout import report_page_budget
from veu_assess.storage.document import new_document

EXAMPLES = int(os.environ.get("VEU_REPORT_EXAMPLES", "200"))
CATALOG = default_catalog()

TRICKY = ["<b>", "</para>", "&amp;", "<img src='/etc/passwd'/>", "\n", "\n\n", "\t", "\x00", "\x1b", "\x85",
          "\u202e", "\u2066", "\u200b", "（", "「", "。", "ー", "𠮟", "😀", "🦀", "안녕", "שלום", "مرحبا بكم",
          "\ufffd", "e\u0301", "{{ 7*7 }}", " " * 30, "x" * 200, "REQ-001\n" * 40]

fragment = st.one_of(st.text(max_size=40), st.sampled_from(TRICKY))


@st.composite
def texts(draw: st.DrawFn, limit: int) -> str:
    """Any text up to ``limit`` characters: pieces joined, sometimes repeated up to the limit."""
    base = "".join(draw(st.lists(fragment, max_size=8)))
    if base and draw(st.booleans()):
        base *= draw(st.integers(1, limit // len(base) + 1))
    return base[:limit]


short_text = texts(MAX_SHORT)
long_text = st.one_of(st.just(""), texts(MAX_TEXT))


@st.composite
def assessments(draw: st.DrawFn) -> object:
    doc = profile_doc(new_document(CATALOG, today=dt.date(2026, 11, 28), title=draw(short_text)),
                      applicant=draw(short_text))
    p = doc.assessment.profile
    n_sites = draw(st.one_of(st.integers(0, 3), st.integers(0, 70)))
    p.sites = [Site(id=f"s{i}", name=draw(short_text) or f"site {i}", address=draw(short_text),
                    country=draw(st.sampled_from(["", "AE", "JP", "IL", "US"]))) for i in range(n_sites)]
    p.modules = draw(st.lists(st.sampled_from([m.id for m in CATALOG.header.modules]), unique=True))
    its = visible_items(CATALOG, doc.assessment)
    chosen = draw(st.lists(st.integers(0, max(len(its) - 1, 0)), max_size=40, unique=True)) if its else []
    for i in chosen:
        it = its[i]
        state = draw(st.sampled_from(list(AnswerState)))
        justification = draw(long_text)
        if state is AnswerState.NOT_APPLICABLE and not justification.strip():
            justification += "Not relevant."  # the model requires one
        doc.assessment.set_answer(it.requirement.id, Answer(
            state=state, justification=justification, notes=draw(long_text),
            owner=draw(short_text), due=draw(st.none() | st.just(dt.date(2027, 1, 31))),
            marked_for_review=draw(st.booleans()),
            evidence=[evidence(n, draw(short_text) or f"f{n}") for n in
                      draw(st.lists(st.integers(0, 40), max_size=draw(st.sampled_from([3, 30])), unique=True))],
        ), it.site_id)
    review = Review()
    for i in draw(st.lists(st.integers(0, max(len(its) - 1, 0)), max_size=10, unique=True)) if its else []:
        review.verdicts[its[i].key] = Verdict(
            state=draw(st.sampled_from(list(VerdictState))), comment=draw(long_text), reviewer=draw(short_text),
            adjusted_state=draw(st.none() | st.sampled_from(list(AnswerState))))
    review.signoffs = [SignOff(name=draw(short_text) or "n", organisation=draw(short_text), role=draw(short_text),
                               date=dt.date(2026, 11, 28), statement=draw(long_text),
                               digest=draw(st.sampled_from(["0" * 64, doc.digest()])))
                       for _ in range(draw(st.integers(0, 3)))]
    doc.review = review
    return attach_blobs(doc)


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                       HealthCheck.data_too_large])
@given(doc=assessments(), lang=st.sampled_from(["en", "ja"]))
def test_any_valid_assessment_produces_a_report_within_budget(doc: object, lang: str) -> None:
    catalog: Catalog = CATALOG
    pdf = render_report(doc, lang, catalog, generated=GENERATED)  # type: ignore[arg-type]
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    ctx = build_context(doc, catalog, lang, evidence_problems=[])  # type: ignore[arg-type]
    its = [it for sec in ctx.sections for it in sec.items]
    assert pages <= report_page_budget(len(its), len({it.requirement_id for it in its}), len(ctx.sites),
                                       len(ctx.evidence), len(ctx.verdicts), len(ctx.signoffs))
