"""The recommendation never says "apply" for the Data Center VEU unless the route finder says that is
the route to prepare (found driving the real window: a fully answered file with no countries set was
"Ready" and told to submit while the route section said the route could not be told yet)."""

from __future__ import annotations

import datetime as dt

import pytest

from veu_assess.catalog.loader import default_catalog
from veu_assess.catalog.schema import LevelId
from veu_assess.engine.routes import select_routes
from veu_assess.engine.scoring import evaluate
from veu_assess.engine.verdict import level_qualified, recommendation
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.report.context import build_context
from veu_assess.resources import sample_path
from veu_assess.storage.document import Document
from veu_assess.storage.reader import open_document
from veu_assess.text.summary import result_to_json, result_to_text

DAY = dt.date(2026, 12, 3)


def _all_met(doc: Document) -> Document:
    catalog = default_catalog()
    for it in evaluate(catalog, doc.assessment).items:
        doc.assessment.set_answer(it.requirement.id, Answer(state=AnswerState.MET), it.site_id)
    return doc


def _route_open(doc: Document) -> Document:
    profile = doc.assessment.profile
    profile.destination_country = ""
    profile.parent_hq_country = ""
    for site in profile.sites:
        site.country = ""
    doc.assessment.inventory.clear()
    return doc


@pytest.fixture
def ready_doc() -> Document:
    doc = _all_met(open_document(sample_path()))
    assert evaluate(default_catalog(), doc.assessment).level is LevelId.READY
    return doc


def test_ready_with_the_veu_route_fitting_is_told_to_apply(ready_doc: Document) -> None:
    catalog = default_catalog()
    route = select_routes(catalog, ready_doc.assessment, DAY).headline
    assert route == "veu_prepare"
    assert recommendation(evaluate(catalog, ready_doc.assessment), route).code == "apply"


@pytest.mark.parametrize(("headline", "code"), [
    ("veu_open", "route_open"), ("veu_not_route", "route_other"), ("veu_not_needed", "route_not_needed"),
])
def test_ready_is_never_told_to_apply_when_the_route_is_not_the_veu(
        ready_doc: Document, headline: str, code: str) -> None:
    result = evaluate(default_catalog(), ready_doc.assessment)
    assert recommendation(result, headline).code == code


def test_an_undetermined_route_stops_apply_in_summary_and_report(ready_doc: Document) -> None:
    """Countries removed: the level stays Ready (answers) but no surface says to submit."""
    catalog = default_catalog()
    _route_open(ready_doc)
    assert evaluate(catalog, ready_doc.assessment).level is LevelId.READY
    assert select_routes(catalog, ready_doc.assessment, DAY).headline == "veu_open"
    for lang, word in (("en", "route cannot be told"), ("ja", "ルートを判断できません")):
        text = result_to_text(catalog, ready_doc.assessment, evaluate(catalog, ready_doc.assessment), lang)
        assert word in text
        assert ("Prepare and submit" if lang == "en" else "提出してください") not in text
        ctx = build_context(ready_doc, catalog, lang, today=DAY)
        assert word in ctx.recommendation


def test_a_failed_gate_still_says_ineligible_whatever_the_route(ready_doc: Document) -> None:
    catalog = default_catalog()
    result = evaluate(catalog, ready_doc.assessment)
    gate = next(it for it in result.items if it.requirement.gate)
    ready_doc.assessment.set_answer(gate.requirement.id, Answer(state=AnswerState.NOT_MET), gate.site_id)
    result = evaluate(catalog, ready_doc.assessment)
    assert recommendation(result, "veu_open").code == "fix_failed_gates"
    assert recommendation(result, "veu_prepare").code == "fix_failed_gates"


def test_a_ready_level_is_qualified_and_never_green_when_the_route_is_not_the_veu(ready_doc: Document) -> None:
    """The cover showed a green "Ready" box above "Do not apply yet": the level is read first."""
    catalog = default_catalog()
    result = evaluate(catalog, ready_doc.assessment)
    assert not level_qualified(result, "veu_prepare")
    for headline in ("veu_open", "veu_not_route", "veu_not_needed"):
        assert level_qualified(result, headline)
    ctx = build_context(ready_doc, catalog, "en", today=DAY)
    assert (ctx.level_label, ctx.level_note) == ("Ready", "")
    _route_open(ready_doc)
    for lang, qualifier in (("en", "(Data Center VEU requirements only: see Route selection)"),
                            ("ja", "（データセンター VEU の要件のみ。「ルートの選択」を参照）")):
        ctx = build_context(ready_doc, catalog, lang, today=DAY)
        assert ctx.level_note and ctx.level_note in qualifier  # the cover prints it under the level
        text = result_to_text(catalog, ready_doc.assessment, evaluate(catalog, ready_doc.assessment), lang)
        assert qualifier in text
    summary = result_to_json(catalog, ready_doc.assessment, evaluate(catalog, ready_doc.assessment))
    assert summary["route"]["headline"] == "veu_open" and summary["level_veu_only"] is True


def test_levels_that_are_no_reason_to_apply_are_never_qualified(ready_doc: Document) -> None:
    """The qualifier speaks only for a hopeful level: "Not ready" or "Incomplete" say enough."""
    catalog = default_catalog()
    result = evaluate(catalog, _route_open(ready_doc).assessment)
    gate = next(it for it in result.items if it.requirement.gate)
    ready_doc.assessment.set_answer(gate.requirement.id, Answer(state=AnswerState.NOT_MET), gate.site_id)
    result = evaluate(catalog, ready_doc.assessment)
    assert result.level is LevelId.INELIGIBLE
    assert not level_qualified(result, "veu_open")
    ctx = build_context(ready_doc, catalog, "en", today=DAY)
    assert ctx.level_note == ""
