"""The report's sign-off section lists the items changed since each sign-off and marks stale
verdicts, in both languages; for a sign-off without item records it says which items cannot be
determined."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from tests.report.helpers import items, profile_doc
from veu_assess.catalog.loader import Catalog
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.model.review import SignOff
from veu_assess.report.api import render_report
from veu_assess.report.context import build_context
from veu_assess.review import record_verdict, sign_off
from veu_assess.storage.document import Document

WORDS = {
    "en": ("Items changed since this sign-off (2)", "answer removed since", "stale: the item changed after",
           "Which items changed cannot be determined for this sign-off"),
    "ja": ("この署名後に変更された項目（2件）", "署名後に回答を削除", "要再確認：この判定の後に項目が変更されています",
           "どの項目が変更されたかを判定できません"),
}


def _text(pdf: bytes) -> str:
    return "".join("".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def _squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_changed_items_and_stale_verdicts_in_the_report(catalog: Catalog, document: Document, lang: str) -> None:
    doc = profile_doc(document)
    its = items(catalog, doc)
    a, b, c = its[0].key, its[1].key, its[2].key
    for key in (a, b, c):
        doc.assessment.answers[key] = Answer(state=AnswerState.MET)
    record_verdict(doc, a, "accepted", reviewer="Ken")
    record_verdict(doc, c, "accepted", reviewer="Ken")
    # An earlier app's sign-off: the content digest only.
    doc.review.signoffs = [SignOff(name="Old Auditor", date=dt.date(2026, 11, 1), digest=doc.digest())]
    sign_off(doc, "Ken Auditor", date=dt.date(2026, 12, 1))
    doc.assessment.answers[a] = Answer(state=AnswerState.PARTIALLY_MET)
    del doc.assessment.answers[b]

    ctx = build_context(doc, catalog, lang)
    old, new = ctx.signoffs
    assert _squeeze(WORDS[lang][3]) in _squeeze(old.changes)
    assert a in new.changes and b in new.changes and c not in new.changes
    assert [v.key for v in ctx.verdicts if v.stale] == [a]
    text = _text(render_report(doc, lang, catalog))
    changed, cleared, stale, unknown = (_squeeze(w) for w in WORDS[lang])
    assert changed in text and cleared in text and stale in text and unknown in text
    assert text.count(stale) == 2  # on the item itself and in the table of verdicts; not on c


def test_an_unchanged_sign_off_lists_nothing(catalog: Catalog, document: Document) -> None:
    doc = profile_doc(document)
    doc.assessment.answers[items(catalog, doc)[0].key] = Answer(state=AnswerState.MET)
    sign_off(doc, "Ken Auditor", date=dt.date(2026, 12, 1))
    [so] = build_context(doc, catalog, "en").signoffs
    assert so.matches and so.changes == ""
