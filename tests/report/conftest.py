"""Fixtures of the report tests: a rich assessment rendered once per module in each language."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.report.helpers import answer_all, profile_doc
from veu_assess.catalog.loader import Catalog
from veu_assess.model.review import Review, SignOff, Verdict, VerdictState
from veu_assess.report.api import render_report
from veu_assess.report.context import ReportContext, build_context
from veu_assess.storage.document import Document, new_document

GENERATED = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)  # the generation time the fixtures' reports state


def make_rich_doc(catalog: Catalog) -> Document:
    """Every visible item answered but the first (so the report is a draft), with a review."""
    doc = profile_doc(new_document(catalog, today=dt.date(2026, 11, 28), title="Readiness 2026"))
    its = answer_all(catalog, doc, leave_unanswered=1)
    doc.review = Review(
        verdicts={its[2].key: Verdict(state=VerdictState.NEEDS_INFO, comment="Please attach the signed policy.",
                                      reviewer="A. Auditor", date=dt.date(2026, 11, 27))},
        signoffs=[SignOff(name="Hanako Suzuki", organisation="監査法人さくら", role="Partner",
                          date=dt.date(2026, 11, 28), statement="Reviewed.", digest=doc.digest())],
    )
    return doc


@pytest.fixture
def rich_doc(catalog: Catalog) -> Document:
    return make_rich_doc(catalog)


@pytest.fixture(scope="module")
def rendered(catalog: Catalog) -> dict[str, tuple[bytes, ReportContext]]:
    """The rich document's PDF and context per language, rendered once per test module."""
    doc = make_rich_doc(catalog)
    return {lang: (render_report(doc, lang, catalog, generated=GENERATED), build_context(doc, catalog, lang))
            for lang in ("en", "ja")}
