"""Optional modules: switching them on or off never moves the VEU result; each has its own result."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veu_assess.catalog.loader import CatalogError, default_catalog, load_catalog
from veu_assess.catalog.schema import LevelId, ModuleKind
from veu_assess.engine.modules import ITEMS_OPEN, PREPARED
from veu_assess.engine.scoring import Result, evaluate
from veu_assess.engine.visibility import visible_items
from veu_assess.model.assessment import Answer, AnswerState, Assessment, Profile
from veu_assess.resources import forms_dir

from .test_scoring_properties import CATALOG, assessments

MODULE_IDS = [m.id for m in CATALOG.header.modules]


def _veu(r: Result) -> tuple[object, ...]:
    return (r.level, r.score, r.answered, r.total, r.provisional,
            [it.key for it in r.gates_failed], [it.key for it in r.gates_open],
            [(s.section.id, s.score, s.answered, s.total) for s in r.sections if s.in_overall],
            [(g.item.key, g.rank) for g in r.gaps if not g.stretch])


def _with_modules(a: Assessment, modules: list[str]) -> Assessment:
    b = a.model_copy(deep=True)
    b.profile.modules = modules
    return b


def _answer_everything(a: Assessment, state: AnswerState) -> None:
    for it in visible_items(CATALOG, a):
        a.set_answer(it.requirement.id, Answer(state=state), it.site_id)


def test_the_three_modules_are_data() -> None:
    kinds = {m.id: m.kind for m in CATALOG.header.modules}
    assert kinds == {"stretch-2025": ModuleKind.SCORED, "japan-overlay": ModuleKind.SCORED,
                     "ai-exports": ModuleKind.CHECKLIST}
    for m in CATALOG.header.modules:
        assert m.sources and all(s in CATALOG.sources for s in m.sources)
        assert any(sec.module == m.id for sec in CATALOG.sections)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(assessments(), st.lists(st.sampled_from(MODULE_IDS), unique=True))
def test_switching_modules_never_moves_the_veu_result(a: Assessment, other: list[str]) -> None:
    # Answer every module item too, so switching a module on brings answered items into view.
    full = _with_modules(a, MODULE_IDS)
    for it in visible_items(CATALOG, full):
        if it.section.module and it.key not in full.answers:
            full.set_answer(it.requirement.id, Answer(state=AnswerState.NOT_MET), it.site_id)
    base = evaluate(CATALOG, _with_modules(full, []))
    assert _veu(evaluate(CATALOG, _with_modules(full, other))) == _veu(base)
    assert _veu(evaluate(CATALOG, full)) == _veu(base)


def test_module_items_never_count_even_when_every_one_fails() -> None:
    a = Assessment(id="00000000-0000-4000-8000-000000000009", catalog_id=CATALOG.header.catalog_id,
                   catalog_version=CATALOG.version, created=dt.date(2026, 12, 1),
                   assessment_date=dt.date(2026, 12, 1), profile=Profile(destination_country="JP"))
    _answer_everything(a, AnswerState.MET)
    off = evaluate(CATALOG, a)
    a.profile.modules = list(MODULE_IDS)
    for it in visible_items(CATALOG, a):
        if it.section.module:
            a.set_answer(it.requirement.id, Answer(state=AnswerState.NOT_MET), it.site_id)
    on = evaluate(CATALOG, a)
    assert _veu(on) == _veu(off) and on.score == 100.0
    japan, aix = on.module("japan-overlay"), on.module("ai-exports")
    assert japan.enabled and japan.score == 0.0 and japan.level is LevelId.NOT_READY
    assert aix.status == ITEMS_OPEN and aix.done == 0 and len(aix.open_items) == aix.total > 0
    # the module gaps come after every VEU gap
    assert all(g.stretch for g in on.gaps)


def test_checklist_is_prepared_only_when_every_item_is_done() -> None:
    a = Assessment(id="00000000-0000-4000-8000-000000000010", catalog_id=CATALOG.header.catalog_id,
                   catalog_version=CATALOG.version, created=dt.date(2026, 12, 1),
                   assessment_date=dt.date(2026, 12, 1), profile=Profile(modules=["ai-exports"]))
    items = [it for it in visible_items(CATALOG, a) if it.section.module == "ai-exports"]
    for it in items:
        a.set_answer(it.requirement.id, Answer(state=AnswerState.MET), it.site_id)
    r = evaluate(CATALOG, a).module("ai-exports")
    assert (r.status, r.progress, r.score, r.level) == (PREPARED, 1.0, None, None)
    a.set_answer(items[-1].requirement.id, Answer(state=AnswerState.NOT_APPLICABLE, justification="host only"))
    assert evaluate(CATALOG, a).module("ai-exports").status == PREPARED
    a.set_answer(items[0].requirement.id, Answer(state=AnswerState.PARTIALLY_MET))
    r = evaluate(CATALOG, a).module("ai-exports")
    assert r.status == ITEMS_OPEN and r.done == len(items) - 1
    assert r.progress == pytest.approx((len(items) - 1) / len(items))


def test_a_module_switched_off_has_no_items() -> None:
    a = Assessment(id="00000000-0000-4000-8000-000000000011", catalog_id=CATALOG.header.catalog_id,
                   catalog_version=CATALOG.version, created=dt.date(2026, 12, 1),
                   assessment_date=dt.date(2026, 12, 1))
    r = evaluate(CATALOG, a)
    assert [m.enabled for m in r.modules] == [False] * len(MODULE_IDS)
    assert all(m.total == 0 for m in r.modules)


def _copy_forms(tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "forms"
    shutil.copytree(forms_dir(), target)
    return target


def test_catalog_check_refuses_a_gate_in_an_optional_module(tmp_path: Path) -> None:
    forms = _copy_forms(tmp_path)
    path = forms / "sections" / "17-japan-overlay.yaml"
    text = path.read_text(encoding="utf-8").replace("    weight: 5\n", "    weight: 5\n    gate: true\n", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_catalog(forms)
    expected = "JP-01: field gate: a gate cannot be in the optional module 'japan-overlay'"
    assert any(expected in p for p in info.value.problems)


def test_catalog_check_refuses_unknown_module_sources_and_modules_in_catalog_yaml(tmp_path: Path) -> None:
    forms = _copy_forms(tmp_path)
    path = forms / "modules.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("sources: [EO-14320,", "sources: [NO-SUCH,", 1),
                    encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_catalog(forms)
    assert any("module ai-exports: field sources: unknown source 'NO-SUCH'" in p for p in info.value.problems)
    forms2 = _copy_forms(tmp_path / "b")
    header = forms2 / "catalog.yaml"
    header.write_text(header.read_text(encoding="utf-8") + "\nmodules: []\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"modules belong in modules\.yaml"):
        load_catalog(forms2)


def test_default_catalog_is_the_one_checked() -> None:
    assert default_catalog() is CATALOG


_STATES = [AnswerState.MET, AnswerState.PARTIALLY_MET, AnswerState.NOT_MET, AnswerState.UNCERTAIN,
           AnswerState.NOT_APPLICABLE, AnswerState.UNANSWERED]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_scored_modules_result_never_runs_ahead_of_its_answers(data: st.DataObject) -> None:
    a = Assessment(id="00000000-0000-4000-8000-000000000011", catalog_id=CATALOG.header.catalog_id,
                   catalog_version=CATALOG.version, created=dt.date(2026, 12, 1),
                   assessment_date=dt.date(2026, 12, 1), profile=Profile(destination_country="JP",
                                                                         modules=list(MODULE_IDS)))
    for it in visible_items(CATALOG, a):
        if it.section.module:
            state = data.draw(st.sampled_from(_STATES))
            a.set_answer(it.requirement.id, Answer(state=state, justification="n/a here"), it.site_id)
    credit = {str(k): v for k, v in CATALOG.header.scoring.credit.items()}
    for m in evaluate(CATALOG, a).enabled_modules:
        if m.module.kind is not ModuleKind.SCORED or not m.items:
            continue
        states = [a.answers.get(it.key, Answer()).state for it in m.items]
        answered = [(s, it.weight) for s, it in zip(states, m.items, strict=True)
                    if s not in (AnswerState.UNANSWERED, AnswerState.NOT_APPLICABLE)]
        unanswered = sum(it.weight for s, it in zip(states, m.items, strict=True) if s is AnswerState.UNANSWERED)
        possible = sum(w for _, w in answered) + unanswered
        expected = 100.0 * sum(credit[s.value] * w for s, w in answered) / possible if possible else None
        assert m.score == (pytest.approx(expected) if expected is not None else None)
        if states.count(AnswerState.UNANSWERED) / len(states) > 1 - CATALOG.header.scoring.completeness_threshold / 100:
            assert m.level is LevelId.INCOMPLETE  # too little answered to grade, never any kind of ready
        else:
            assert m.level is not LevelId.INCOMPLETE


def test_a_barely_answered_module_is_incomplete_not_ready() -> None:
    a = Assessment(id="00000000-0000-4000-8000-000000000012", catalog_id=CATALOG.header.catalog_id,
                   catalog_version=CATALOG.version, created=dt.date(2026, 12, 1),
                   assessment_date=dt.date(2026, 12, 1), profile=Profile(destination_country="JP",
                                                                         modules=["japan-overlay"]))
    first = next(it for it in visible_items(CATALOG, a) if it.section.module == "japan-overlay")
    a.set_answer(first.requirement.id, Answer(state=AnswerState.MET), first.site_id)
    japan = evaluate(CATALOG, a).module("japan-overlay")
    # One item met of several: the answered-only share would say 100 %; readiness says how little is known.
    assert japan.level is LevelId.INCOMPLETE and japan.score is not None and japan.score < 100.0
