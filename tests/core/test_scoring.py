"""Scoring on hand-computed cases over a tiny catalog (weights in minicatalog.py's docstring)."""

from __future__ import annotations

import pytest

from tests.core.minicatalog import TWO_SITES, assessment, mini_catalog
from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import LevelId
from veu_assess.engine.scoring import evaluate


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return mini_catalog(tmp_path_factory.mktemp("forms"))


def test_partial_assessment(mini: Catalog) -> None:
    # A-01 met (3 of 3), A-02 not met (0 of 1); B-01 unanswered; B-02 hidden.
    r = evaluate(mini, assessment(mini, {"A-01": "met", "A-02": "not_met"}))
    # Readiness counts the unanswered B-01 (w2) as not met: 3 of 6; the answered items alone: 3 of 4.
    assert r.readiness == pytest.approx(50.0) and r.score == r.readiness
    assert r.answered_score == pytest.approx(75.0)
    assert (r.answered, r.total) == (2, 3)
    assert r.completeness == pytest.approx(200 / 3)
    assert r.provisional
    assert r.level is LevelId.INCOMPLETE  # 67 % answered is under the catalog's 90 %
    assert r.section_score("A").score == pytest.approx(75.0)
    assert r.section_score("A").completeness == pytest.approx(100.0)
    assert r.section_score("B").readiness == pytest.approx(0.0)  # unanswered counts as not met
    assert r.section_score("B").answered_score is None
    assert r.section_score("B").progress == 0.0 and not r.section_score("B").complete


def test_not_applicable_leaves_the_denominator(mini: Catalog) -> None:
    r = evaluate(mini, assessment(mini, {"A-01": "met", "A-02": "not_applicable", "B-01": "met"}))
    assert r.score == pytest.approx(100.0)
    assert r.answered == 3 and not r.provisional
    assert r.level is LevelId.READY


def test_failed_gate_overrides_the_score(mini: Catalog) -> None:
    r = evaluate(mini, assessment(mini, {"A-01": "not_met", "A-02": "met", "B-01": "met"}))
    assert r.score == pytest.approx(50.0)
    assert r.level is LevelId.INELIGIBLE
    assert [it.key for it in r.gates_failed] == ["A-01"]


def test_open_gate_caps_the_level(mini: Catalog) -> None:
    # A-01 partially met: 1.5 + 1 + 2 + 4 = 8.5 of 10 = 85% would be Ready, but the gate is open.
    answers = {"A-01": "partially_met", "A-02": "met", "B-01": "met", "B-02": "met"}
    r = evaluate(mini, assessment(mini, answers, sells_compute_to_third_parties=True))
    assert r.score == pytest.approx(85.0)
    assert r.level is LevelId.CONDITIONS
    assert [it.key for it in r.gates_open] == ["A-01"]
    answers["A-01"] = "met"
    assert (
        evaluate(mini, assessment(mini, answers, sells_compute_to_third_parties=True)).level is LevelId.READY
    )


def test_uncertain_scores_zero_but_counts(mini: Catalog) -> None:
    r = evaluate(mini, assessment(mini, {"A-01": "uncertain", "A-02": "met", "B-01": "met"}))
    assert r.score == pytest.approx(50.0)
    assert r.level is LevelId.NOT_READY


def test_site_level_requirement_shares_its_weight(mini: Catalog) -> None:
    answers = {"A-01": "met", "A-02": "met", "B-01@tokyo": "met", "B-01@osaka": "not_met"}
    r = evaluate(mini, assessment(mini, answers, sites=TWO_SITES))
    assert r.score == pytest.approx(100 * 5 / 6)
    assert r.total == 4
    assert [(g.requirement.id, g.item.site_id) for g in r.gaps] == [("B-01", "osaka")]


def test_hidden_requirement_never_scores(mini: Catalog) -> None:
    answers = {"A-01": "met", "A-02": "met", "B-01": "met", "B-02": "not_met"}
    assert evaluate(mini, assessment(mini, answers, sells_compute_to_third_parties=False)).score == 100.0
    assert evaluate(mini, assessment(mini, answers)).score == 100.0  # unset profile field: hidden
    shown = evaluate(mini, assessment(mini, answers, sells_compute_to_third_parties=True))
    assert shown.score == pytest.approx(60.0)


def test_stretch_module_is_scored_apart(mini: Catalog) -> None:
    answers = {"A-01": "met", "A-02": "met", "B-01": "met", "S-01": "not_met"}
    chosen = evaluate(mini, assessment(mini, answers, modules=["stretch-2025"]))
    assert chosen.score == 100.0
    stretch = chosen.section_score("S")
    assert stretch.visible and not stretch.in_overall and stretch.score == 0.0
    off = evaluate(mini, assessment(mini, answers))
    assert not off.section_score("S").visible and off.section_score("S").total == 0


def test_gaps_are_ranked_gate_first_then_importance(mini: Catalog) -> None:
    answers = {"A-01": "uncertain", "A-02": "not_met", "B-01": "partially_met", "B-02": "not_met"}
    r = evaluate(mini, assessment(mini, answers, sells_compute_to_third_parties=True))
    assert [g.requirement.id for g in r.gaps] == ["A-01", "B-02", "B-01", "A-02"]
    assert [g.priority for g in r.gaps] == ["critical", "high", "high", "medium"]
    assert [g.rank for g in r.gaps] == [1, 2, 3, 4]


def test_stretch_gaps_rank_after_every_in_force_gap(mini: Catalog) -> None:
    """S-01 (w5, mandatory) would outrank the recommended A-02 by importance and weight, but it is
    not in force: it comes last and says so, in the engine and in `score`."""
    from veu_assess.text.summary import result_to_json, result_to_text

    answers = {"A-01": "met", "A-02": "not_met", "B-01": "met", "S-01": "not_met"}
    a = assessment(mini, answers, modules=["stretch-2025"])
    r = evaluate(mini, a)
    assert [(g.requirement.id, g.stretch) for g in r.gaps] == [("A-02", False), ("S-01", True)]
    text = result_to_text(mini, a, r)
    assert "    1. [medium] A-02 not_met: Requirement A-02" in text.splitlines()
    assert "    2. [high, stretch-2025] S-01 not_met: Requirement S-01" in text.splitlines()
    assert [g["stretch"] for g in result_to_json(mini, a, r)["gaps"]] == [False, True]


def test_nothing_answered(mini: Catalog) -> None:
    r = evaluate(mini, assessment(mini, {}))
    assert r.readiness == 0.0 and r.answered_score is None and r.answered == 0 and r.provisional
    assert r.completeness == 0.0
    assert r.level is LevelId.INCOMPLETE  # nothing known: never any kind of ready
    assert [it.key for it in r.gates_unanswered] == ["A-01"]
    assert [it.key for it in r.unanswered] == [it.key for it in r.items]


def test_gaps_within_a_priority_rank_by_weight_then_due_date_with_the_reason(mini: Catalog) -> None:
    import datetime as dt

    from veu_assess.model.assessment import Answer, AnswerState

    a = assessment(mini, {"A-01": "met", "A-02": "not_met", "B-01@tokyo": "not_met", "B-01@osaka": "not_met",
                          "B-02": "partially_met"}, sites=TWO_SITES, sells_compute_to_third_parties=True)
    a.answers["B-01@osaka"] = Answer(state=AnswerState.NOT_MET, due=dt.date(2027, 1, 1))
    a.answers["B-01@tokyo"] = Answer(state=AnswerState.NOT_MET, due=dt.date(2027, 6, 1))
    r = evaluate(mini, a)
    # high (mandatory): B-02 weighs 4 > B-01's 2, although partially met is a milder state than not met;
    # the two B-01 sites tie on weight and status: the earlier due date first; then medium A-02.
    assert [g.item.key for g in r.gaps if not g.stretch] == ["B-02", "B-01@osaka", "B-01@tokyo", "A-02"]
    reasons = [g.reason.text() for g in r.gaps if g.reason and not g.stretch]
    assert reasons[0] == "high; weight 4; in_force; no due date; partially_met"
    assert reasons[1] == "high; weight 2; in_force; due 2027-01-01; not_met"
    assert r.gaps == evaluate(mini, a).gaps  # deterministic
