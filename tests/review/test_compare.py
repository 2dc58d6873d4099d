"""engine.compare and the diff text/JSON on hand-made pairs over a tiny catalog (figures by hand).

Mini catalog: A-01 (w3, gate), A-02 (w1); B-01 (w2, site level: w1 per site with two sites).
Readiness counts the unanswered site of B-01 as not met (its weight stays in the denominator):
old: A-01 met, A-02 not met, B-01@tokyo met        -> A 3/4 = 75%, B 1/2 = 50%, overall 4/6 = 66.7%
new: A-01 met + notes, A-02 met, B-01@osaka partly -> A 4/4 = 100%, B 0.5/2 = 25%, overall 4.5/6 = 75%
Both leave one of four items unanswered (75 % < 90 %): the level is Incomplete before and after.
"""

from __future__ import annotations

import pytest

from tests.core.minicatalog import TWO_SITES, assessment, mini_catalog
from veu_assess.catalog.loader import Catalog
from veu_assess.cli.review_commands import comparison_to_json, comparison_to_text
from veu_assess.engine.compare import ChangeKind, compare
from veu_assess.model.assessment import Answer, AnswerState, EvidenceRef


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return mini_catalog(tmp_path_factory.mktemp("forms"))


def pair(mini: Catalog):  # type: ignore[no-untyped-def]
    old = assessment(mini, {"A-01": "met", "A-02": "not_met", "B-01@tokyo": "met"}, sites=TWO_SITES)
    new = assessment(mini, {"A-01": "met", "A-02": "met", "B-01@osaka": "partially_met"}, sites=TWO_SITES)
    new.answers["A-01"] = Answer(state=AnswerState.MET, notes="Policy v2 signed")
    return old, new


def test_text_of_a_hand_made_pair(mini: Catalog) -> None:
    old, new = pair(mini)
    assert comparison_to_text(mini, compare(mini, old, new), "old.veua", "new.veua") == [
        "Comparing old.veua -> new.veua",
        "Readiness (unanswered = not met): 66.6% -> 75.0% (+8.4)",  # cut, not rounded
        "Readiness level: Incomplete (unchanged)",
        "Section scores that moved:",
        "  A A: 75.0% -> 100.0% (+25.0)",
        "  B B: 50.0% -> 25.0% (-25.0)",
        "Requirements that changed: 4 (1 added, 1 removed, 2 changed)",
        "  changed  A-01: met -> met [notes]",
        "  changed  A-02: not met -> met [state]",
        "  removed  B-01@tokyo: met -> unanswered [state]",
        "  added    B-01@osaka: unanswered -> partially met [state]",
    ]


def test_json_of_a_hand_made_pair(mini: Catalog) -> None:
    old, new = pair(mini)
    data = comparison_to_json(mini, compare(mini, old, new), "old.veua", "new.veua")
    assert data["overall"] == {"old": 66.67, "new": 75.0, "delta": 8.33, "old_level": "incomplete",
                               "new_level": "incomplete"}
    assert [(s["id"], s["old"], s["new"], s["moved"]) for s in data["sections"]] == [
        ("A", 75.0, 100.0, True), ("B", 50.0, 25.0, True), ("S", None, None, False)]
    assert data["changes"][2] == {"key": "B-01@tokyo", "requirement": "B-01", "site": "tokyo", "change": "removed",
                                  "old_state": "met", "new_state": "unanswered", "fields": ["state"]}
    assert data["same_assessment"] is True


def test_no_change_and_a_different_assessment(mini: Catalog) -> None:
    old = assessment(mini, {"A-01": "met"})
    new = old.model_copy(deep=True)
    new.id = "00000000-0000-4000-8000-000000000002"
    assert comparison_to_text(mini, compare(mini, old, new), "a.veua", "b.veua") == [
        "Comparing a.veua -> b.veua",
        "Note: the two files hold different assessments (their ids differ).",
        "Readiness (unanswered = not met): 50.0% -> 50.0% (+0.0)",
        "Readiness level: Incomplete (unchanged)",  # 1 of 3 answered: under the 90 % a verdict needs
        "No section score moved.",
        "No requirement changed.",
    ]


def test_every_field_the_digest_covers_is_compared(mini: Catalog) -> None:
    """A change that breaks a sign-off must show in the comparison, whatever field it is in."""
    import datetime as dt

    from veu_assess.model.assessment import Accelerator

    old = assessment(mini, {"A-01": "met"}, sites=TWO_SITES)
    new = old.model_copy(deep=True)
    new.answers["A-01"] = Answer(state=AnswerState.MET, owner="Ops lead", due=dt.date(2027, 1, 31),
                                 marked_for_review=True)
    new.title = "Renamed"
    new.profile.applicant_name = "Other K.K."
    new.profile.sites = list(reversed(new.profile.sites))
    new.inventory["tokyo"] = [Accelerator(model="H100", count=8, tops=1979, bits=8)]
    cmp = compare(mini, old, new)
    assert [(c.key, c.fields) for c in cmp.changes] == [("A-01", ("owner", "due", "marked_for_review"))]
    assert cmp.other == ("inventory.tokyo", "profile.applicant_name", "profile.sites", "title")
    text = comparison_to_text(mini, cmp, "a.veua", "b.veua")
    assert "Other changes: inventory.tokyo, profile.applicant_name, profile.sites, title" in text
    assert comparison_to_json(mini, cmp, "a", "b")["other_changes"] == list(cmp.other)
    same = compare(mini, old, old.model_copy(deep=True))
    assert same.changes == [] and same.other == ()


def test_justification_and_evidence_changes(mini: Catalog) -> None:
    old = assessment(mini, {"A-02": "not_applicable", "A-01": "met"})
    new = old.model_copy(deep=True)
    new.answers["A-02"] = Answer(state=AnswerState.NOT_APPLICABLE, justification="Out of scope for us")
    ref = EvidenceRef(sha256="cd" * 32, filename="audit.pdf", size=3)
    new.answers["A-01"] = Answer(state=AnswerState.MET, evidence=[ref])
    cmp = compare(mini, old, new)
    assert [(c.key, c.kind, c.fields) for c in cmp.changes] == [
        ("A-01", ChangeKind.CHANGED, ("evidence",)),
        ("A-02", ChangeKind.CHANGED, ("justification",)),
    ]
    assert not cmp.overall.moved and cmp.overall.delta == 0.0


@pytest.mark.parametrize("update", [{"size": 4}, {"added": None}])
def test_an_evidence_reference_differing_in_size_or_date_is_a_change(mini: Catalog, update: dict[str, object]) -> None:
    import datetime as dt

    ref = EvidenceRef(sha256="cd" * 32, filename="audit.pdf", size=3, added=dt.date(2026, 11, 1))
    old = assessment(mini, {"A-01": "met"})
    old.answers["A-01"] = Answer(state=AnswerState.MET, evidence=[ref])
    new = old.model_copy(deep=True)
    new.answers["A-01"] = Answer(state=AnswerState.MET, evidence=[ref.model_copy(update=update)])
    assert [(c.key, c.fields) for c in compare(mini, old, new).changes] == [("A-01", ("evidence",))]
