"""The OSCAL exports validate against NIST's official JSON Schemas (1.0.6), and the validator is real.

Schemas and their README are copied into tests/fixtures/oscal/ so CI does not depend on ../shared.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.fixtures.oscal.support import SCHEMAS, answer_all, errors, open_profile, sign_off, validator
from veu_assess.catalog.loader import Catalog
from veu_assess.export.oscal import build_assessment_results, build_poam
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.storage.document import Document

Shape = Callable[[Document, Catalog], None]


def _empty(doc: Document, catalog: Catalog) -> None:
    pass


def _full(doc: Document, catalog: Catalog) -> None:
    open_profile(doc, catalog)
    answer_all(doc, catalog)


def _with_na(doc: Document, catalog: Catalog) -> None:
    open_profile(doc, catalog)
    answer_all(doc, catalog, na_every=3)


def _all_met(doc: Document, catalog: Catalog) -> None:
    # No gaps at all: the POA&M still needs one item (OSCAL requires poam-items).
    open_profile(doc, catalog, sites=1)
    answer_all(doc, catalog)
    for key in doc.assessment.answers:
        doc.assessment.answers[key] = Answer(state=AnswerState.MET)


def _signed(doc: Document, catalog: Catalog) -> None:
    open_profile(doc, catalog)
    answer_all(doc, catalog, na_every=7, evidence=True)
    sign_off(doc, catalog)


def _evidence_and_sites(doc: Document, catalog: Catalog) -> None:
    open_profile(doc, catalog, sites=3)
    doc.assessment.profile.sites[1].address = ""  # a site without an address
    answer_all(doc, catalog, evidence=True)


def _unicode(doc: Document, catalog: Catalog) -> None:
    open_profile(doc, catalog)
    doc.assessment.profile.applicant_name = "  さくら計算\t株式会社 \n"
    answer_all(doc, catalog, evidence=True)
    for ans in doc.assessment.answers.values():
        ans.notes, ans.owner = "備考：\n  二行目 ", " 情報\nセキュリティ部 "
    sign_off(doc, catalog)
    doc.review.signoffs[0].name = "田中 愛子"


SHAPES: dict[str, Shape] = {
    "empty": _empty,
    "full": _full,
    "with-na": _with_na,
    "all-met": _all_met,
    "signed": _signed,
    "evidence-and-sites": _evidence_and_sites,
    "unicode": _unicode,
}


@pytest.mark.parametrize("shape", SHAPES)
def test_both_documents_validate(shape: str, catalog: Catalog, document: Document) -> None:
    SHAPES[shape](document, catalog)
    assert errors("ar", build_assessment_results(document, catalog)) == []
    assert errors("poam", build_poam(document, catalog)) == []
    assert errors("ar", build_assessment_results(document, catalog, lang="ja")) == []


def test_large_assessment_validates(catalog: Catalog, document: Document) -> None:
    open_profile(document, catalog, sites=40)
    answer_all(document, catalog, na_every=9, evidence=True)
    sign_off(document, catalog)
    ar, poam = build_assessment_results(document, catalog), build_poam(document, catalog)
    findings = ar["assessment-results"]["results"][0]["findings"]
    assert len(findings) > 200  # really large: the site-level requirements repeat per site
    assert errors("ar", ar) == []
    assert errors("poam", poam) == []


def test_schemas_are_nist_1_0_6() -> None:
    ids = {kind: validator(kind).schema["$id"] for kind in SCHEMAS}
    assert ids == {
        "ar": "http://csrc.nist.gov/ns/oscal/1.0.6/oscal-ar-schema.json",
        "poam": "http://csrc.nist.gov/ns/oscal/1.0.6/oscal-poam-schema.json",
    }


# --- the validator rejects what NIST's schemas reject -----------------------------------------


def _result(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["assessment-results"]["results"][0]


BREAKAGES: dict[str, Callable[[dict[str, Any]], None]] = {
    # \p{L} token pattern (the pitfall): a control id may not start with a digit
    "token starts with digit": lambda d: _result(d)["reviewed-controls"]["control-selections"][0]["include-controls"][
        0
    ].update({"control-id": "1elig-01"}),
    "uuid version 1": lambda d: d["assessment-results"].update({"uuid": "6ba7b810-9dad-11d1-80b4-00c04fd430c8"}),
    "date-time without zone": lambda d: d["assessment-results"]["metadata"].update(
        {"last-modified": "2026-11-28T00:00:00"}
    ),
    "multi-line prop value": lambda d: d["assessment-results"]["metadata"]["props"][0].update({"value": "a\nb"}),
    "missing import-ap": lambda d: d["assessment-results"].pop("import-ap"),
    "unknown key": lambda d: _result(d).update({"score": 42}),
    "empty findings array": lambda d: _result(d).update({"findings": []}),
    "bad finding state": lambda d: _result(d)["findings"][0]["target"]["status"].update({"state": "met"}),
}


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_broken_documents_do_not_validate(breakage: str, catalog: Catalog, document: Document) -> None:
    _full(document, catalog)
    good = build_assessment_results(document, catalog)
    assert errors("ar", good) == []
    bad = copy.deepcopy(good)
    BREAKAGES[breakage](bad)
    assert errors("ar", bad), f"{breakage} was accepted"


def test_broken_poam_does_not_validate(catalog: Catalog, document: Document) -> None:
    poam = build_poam(document, catalog)
    poam["plan-of-action-and-milestones"]["poam-items"] = []
    assert errors("poam", poam)
    poam = build_poam(document, catalog)
    poam["plan-of-action-and-milestones"]["metadata"]["oscal-version"] = " 1.0.6"  # leading blank
    assert errors("poam", poam)


def test_unicode_token_is_accepted_by_the_regex_pattern(catalog: Catalog, document: Document) -> None:
    # Proves \p{L} is evaluated (Python's re would raise, an ASCII-only class would reject it).
    doc = build_assessment_results(document, catalog)
    doc["assessment-results"]["metadata"]["props"][0]["name"] = "état"
    assert errors("ar", doc) == []
    assert json.dumps(doc)  # plain JSON data


def test_the_sample_inventory_is_in_the_results_and_validates(catalog: Catalog) -> None:
    from veu_assess.resources import sample_path
    from veu_assess.storage.veua import open_document

    ar = build_assessment_results(open_document(sample_path()), catalog)
    assert errors("ar", ar) == []
    result = ar["assessment-results"]["results"][0]
    inventory = [o for o in result["observations"] if o["title"].startswith("Accelerator inventory")]
    found = {(p["name"], p["value"]) for o in inventory for p in o["props"]}
    for model, qty in (("H100 SXM5 80GB", "2048"), ("L4 inference card", "256"), ("H200 SXM 141GB", "1024")):
        assert ("accelerator-model", model) in found and ("quantity", qty) in found
    assert all(("eccn", "3A090.a") in {(p["name"], p["value"]) for p in o["props"]} for o in inventory)
    assert len(inventory) == 3
    figures = {p["name"]: p["value"] for p in result["props"]}
    assert figures["readiness-level"] == "incomplete" and "completeness" in figures
