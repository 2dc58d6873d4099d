"""`catalog --check` and the loader refuse forms that would crash or mis-score, naming file and place.

Every test breaks a copy of the shipped forms/ in one way and asserts the exact one-line problem.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml

from tests.core.conftest import edit_yaml
from veu_assess.catalog.checks import SCORED_STATES, header_problems, profile_field_kinds, rule_problems
from veu_assess.catalog.loader import Catalog, CatalogError, load_catalog
from veu_assess.catalog.rules import COUNTRY_FIELDS, PROFILE_FIELDS
from veu_assess.catalog.schema import Scoring
from veu_assess.cli.main import run
from veu_assess.model.assessment import AnswerState, Profile
from veu_assess.resources import forms_dir

Data = dict[str, Any]


def _problems(forms: Path) -> list[str]:
    with pytest.raises(CatalogError) as err:
        load_catalog(forms)
    return err.value.problems


def _section(forms: Path, name: str) -> Path:
    return forms / "sections" / name


# --- the shipped forms pass --------------------------------------------------------------------


def test_bundled_forms_pass_every_check(catalog: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    assert header_problems(catalog.header, "catalog.yaml") == []
    for section, req in catalog.iter_requirements():
        for rule in (section.visible_if, req.visible_if):
            if rule is not None:
                assert rule_problems(rule, req.id, catalog.header) == []
    assert load_catalog(forms_dir()).requirements.keys() == catalog.requirements.keys()
    assert run(["catalog", "--check"]) == 0
    assert "no problems" in capsys.readouterr().out


def test_scored_states_are_the_credit_keys_the_schema_admits() -> None:
    key_type = get_args(Scoring.model_fields["credit"].annotation)[0]
    assert set(get_args(key_type)) == set(SCORED_STATES)
    assert set(SCORED_STATES) == {s.value for s in AnswerState} - {"unanswered", "not_applicable"}


def test_rule_fields_exist_in_the_profile_with_their_types() -> None:
    kinds = profile_field_kinds()
    assert set(kinds) == PROFILE_FIELDS
    assert PROFILE_FIELDS <= Profile.model_fields.keys()
    assert {f for f, k in kinds.items() if k == "country"} == COUNTRY_FIELDS
    assert kinds["hosts_model_training"] == "yes/no"


# --- 1. credits ---------------------------------------------------------------------------------


def test_incomplete_credit_map_is_refused(forms_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_yaml(forms_copy / "catalog.yaml", lambda d: d["scoring"]["credit"].pop("uncertain"))
    expected = (
        "catalog.yaml: field scoring.credit: no credit for answer state 'uncertain'"
        " (every scored state needs one: met, partially_met, not_met, uncertain)"
    )
    assert _problems(forms_copy) == [expected]
    assert run(["catalog", "--check", "--forms", str(forms_copy)]) == 1
    assert f"problem: {expected}\n" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("value", "shown"), [(1.5, "1.5"), (-0.25, "-0.25"), (float("nan"), "nan"), (float("inf"), "inf")]
)
def test_credit_outside_zero_to_one_is_refused(forms_copy: Path, value: float, shown: str) -> None:
    edit_yaml(forms_copy / "catalog.yaml", lambda d: d["scoring"]["credit"].update(partially_met=value))
    assert _problems(forms_copy) == [
        f"catalog.yaml: field scoring.credit: credit for partially_met must be between 0 and 1, got {shown}"
    ]


# --- 2. readiness levels ------------------------------------------------------------------------


def _levels(change: Callable[[list[Data]], object]) -> Callable[[Data], object]:
    return lambda d: change(d["scoring"]["levels"])


def _set_min(level: str, value: float) -> Callable[[list[Data]], object]:
    return lambda levels: next(lv for lv in levels if lv["id"] == level).update(min_score=value)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["scoring"].update(levels=[]),
            "catalog.yaml: field scoring.levels: missing level 'ready', 'ready_with_conditions', 'not_ready',"
            " 'incomplete', 'ineligible' (the engine can give every one of: ready, ready_with_conditions,"
            " not_ready, incomplete, ineligible)",
        ),
        (
            _levels(lambda lv: lv.pop()),
            "catalog.yaml: field scoring.levels: missing level 'ineligible'"
            " (the engine can give every one of: ready, ready_with_conditions, not_ready, incomplete, ineligible)",
        ),
        (
            _levels(lambda lv: lv.append(dict(lv[0]))),
            "catalog.yaml: field scoring.levels: level 'ready' is listed 2 times",
        ),
        (
            _levels(_set_min("ready", 50)),
            "catalog.yaml: field scoring.levels: min_score of 'ready' (50) must be above"
            " min_score of 'ready_with_conditions' (60)",
        ),
        (
            _levels(_set_min("ready_with_conditions", 0)),
            "catalog.yaml: field scoring.levels: min_score of 'ready_with_conditions' (0) must be above"
            " min_score of 'not_ready' (0)",
        ),
        (
            _levels(_set_min("not_ready", 10)),
            "catalog.yaml: field scoring.levels: min_score of 'not_ready' must be 0 (the lowest level takes"
            " every score below the next one), got 10",
        ),
        (
            lambda d: d["scoring"].update(capped_level_when_gate_open="ineligible"),
            "catalog.yaml: field scoring.capped_level_when_gate_open: must be one of ready,"
            " ready_with_conditions, not_ready, got 'ineligible' (an open gate caps the level, it does not fail)",
        ),
        (
            _levels(lambda lv: lv[0].update(id="almost_ready")),
            "catalog.yaml: field scoring.levels.0.id: Input should be 'ready', 'ready_with_conditions',"
            " 'not_ready', 'incomplete' or 'ineligible', got 'almost_ready'",
        ),
    ],
    ids=["empty", "missing", "duplicate", "not-ordered", "tied", "lowest-not-zero", "cap-ineligible", "unknown"],
)
def test_inconsistent_levels_are_refused(forms_copy: Path, change: Callable[[Data], object], expected: str) -> None:
    edit_yaml(forms_copy / "catalog.yaml", change)
    assert _problems(forms_copy) == [expected]


# --- 3. gate states -----------------------------------------------------------------------------


def _gates(**values: list[str]) -> Callable[[Data], object]:
    return lambda d: d["scoring"].update(values)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            _gates(gate_fail_states=[]),
            "catalog.yaml: field scoring.gate_fail_states: List should have at least 1 item after validation, not 0",
        ),
        (
            _gates(gate_fail_states=["failed"]),
            "catalog.yaml: field scoring.gate_fail_states.0: Input should be 'unanswered', 'met', 'partially_met',"
            " 'not_met', 'uncertain' or 'not_applicable', got 'failed'",
        ),
        (
            _gates(gate_fail_states=["not_met", "met"]),
            "catalog.yaml: field scoring.gate_fail_states: 'met' cannot be listed"
            " (a met gate neither fails nor stays open)",
        ),
        (
            _gates(gate_fail_states=["not_met", "not_met"]),
            "catalog.yaml: field scoring.gate_fail_states: 'not_met' listed more than once",
        ),
        (
            _gates(gate_fail_states=["not_met", "uncertain"]),
            "catalog.yaml: field scoring.gate_open_states: 'uncertain' also in gate_fail_states"
            " (a state either fails or opens a gate)",
        ),
        (
            _gates(gate_open_states=["partially_met", "unanswered"]),
            "catalog.yaml: field scoring.gate_open_states: a gate answered 'uncertain' would neither fail nor cap"
            " the level; list the state in gate_fail_states or gate_open_states",
        ),
    ],
    ids=["empty", "unknown-state", "met-fails", "repeated", "overlap", "uncovered"],
)
def test_bad_gate_states_are_refused(forms_copy: Path, change: Callable[[Data], object], expected: str) -> None:
    edit_yaml(forms_copy / "catalog.yaml", change)
    assert _problems(forms_copy) == [expected]


# --- 4. visibility rules ------------------------------------------------------------------------


def _rule_on_first_requirement(forms: Path, rule: object) -> tuple[Path, str]:
    path = _section(forms, "01-eligibility.yaml")
    data = yaml.safe_load(path.read_text("utf-8"))
    data["requirements"][0]["visible_if"] = rule
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path, f"{path.name}: requirement {data['requirements'][0]['id']}"


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (
            {"field": "hosts_model_training", "equals": "true"},
            "field visible_if.equals: 'hosts_model_training' is a yes/no field; use true or false, not the text 'true'",
        ),
        (
            {"field": "sells_compute_to_third_parties", "any_of": ["yes"]},
            "field visible_if.any_of: 'sells_compute_to_third_parties' is a yes/no field; use equals: true or false,"
            " not a list of texts",
        ),
        (
            {"field": "destination_country", "equals": True},
            "field visible_if.equals: 'destination_country' is a country field; true can never match it",
        ),
        (
            {"field": "destination_country", "equals": "XX"},
            "field visible_if.equals: unknown country code 'XX' (not in catalog.yaml countries)",
        ),
        (
            {
                "any": [
                    {"field": "hosts_model_training", "equals": True},
                    {"field": "parent_hq_country", "any_of": ["CN", "uk"]},
                ]
            },
            "field visible_if.any.1.any_of: unknown country code 'uk' (not in catalog.yaml countries)",
        ),
        (
            {"not": {"all": [{"module": "stretch-2026"}]}},
            "field visible_if.not.all.0.module: unknown module 'stretch-2026'",
        ),
        (
            {"field": "hosts_model_training", "in_group": "D5"},
            "field visible_if: 'hosts_model_training' is not a country field",
        ),
        (
            {"field": "has_government_ownership", "equals": 1},
            "field visible_if.equals: must be a text (e.g. a country code) or true/false, got 1",
        ),
        (
            {"field": "has_government_ownership", "equal": True},
            "field visible_if: not a rule: it needs one of the keys equals, any_of, in_group, module, all, any, not",
        ),
    ],
    ids=[
        "text-for-bool",
        "list-for-bool",
        "bool-for-country",
        "unknown-country",
        "nested-unknown-country",
        "unknown-module",
        "group-on-bool",
        "number-for-bool",
        "typo-in-key",
    ],
)
def test_badly_typed_rules_are_refused(forms_copy: Path, rule: object, expected: str) -> None:
    _, where = _rule_on_first_requirement(forms_copy, rule)
    assert _problems(forms_copy) == [f"{where}: {expected}"]


def test_bad_rule_on_a_section_names_the_section(forms_copy: Path) -> None:
    path = _section(forms_copy, "16-stretch-2025.yaml")
    edit_yaml(path, lambda d: d.update(visible_if={"field": "parent_hq_country", "equals": "ZZ"}))
    assert _problems(forms_copy) == [
        f"{path.name}: section STRETCH: field visible_if.equals: unknown country code 'ZZ'"
        " (not in catalog.yaml countries)"
    ]


def test_country_groups_must_use_known_codes_and_ids_once(forms_copy: Path) -> None:
    def change(d: Data) -> None:
        d["country_groups"][0]["countries"].append("QQ")
        d["country_groups"].append(dict(d["country_groups"][1]))

    edit_yaml(forms_copy / "catalog.yaml", change)
    assert _problems(forms_copy) == [
        "catalog.yaml: field country_groups: 'D5_OR_MACAU' listed more than once",
        "catalog.yaml: field country_groups.D5.countries: unknown country code 'QQ' (not in countries)",
    ]


# --- 5. file encoding and syntax ----------------------------------------------------------------


def test_non_utf8_file_names_the_file_and_byte_offset(forms_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _section(forms_copy, "03-ecp.yaml")
    data = path.read_bytes()
    pos = data.index(b"  - id: ")  # a Latin-1 "é" in the first requirement line, as an old editor saves it
    path.write_bytes(data[:pos] + b"# caf\xe9\n" + data[pos:])
    line = data.count(b"\n", 0, pos) + 1
    expected = (
        f"03-ecp.yaml: not valid UTF-8 at byte offset {pos + 5} (line {line}): invalid continuation byte;"
        " save it as UTF-8"
    )
    assert _problems(forms_copy) == [expected]
    assert run(["catalog", "--check", "--forms", str(forms_copy)]) == 1
    assert capsys.readouterr().err == f"problem: {expected}\n"


def test_shift_jis_catalog_is_named(forms_copy: Path) -> None:
    path = forms_copy / "catalog.yaml"
    text = path.read_text("utf-8")
    path.write_bytes(text.encode("cp932", errors="replace"))
    problems = _problems(forms_copy)
    assert len(problems) == 1
    assert problems[0].startswith("catalog.yaml: not valid UTF-8 at byte offset ")


def test_yaml_syntax_error_is_one_line_with_its_place(forms_copy: Path) -> None:
    path = _section(forms_copy, "02-application.yaml")
    path.write_text("id: APP\nrequirements: [unclosed\n", "utf-8")
    (problem,) = _problems(forms_copy)
    assert problem.startswith("02-application.yaml: not valid YAML at line 3, column 1: ")
    assert "\n" not in problem


def test_every_broken_file_is_reported_at_once(forms_copy: Path) -> None:
    edit_yaml(forms_copy / "catalog.yaml", lambda d: d["scoring"]["credit"].pop("not_met"))
    _section(forms_copy, "05-kyc.yaml").write_bytes(b"id: KYC\xff\n")
    _section(forms_copy, "07-physical.yaml").write_text("id: [\n", "utf-8")
    problems = _problems(forms_copy)
    assert [p.split(":")[0] for p in problems] == ["catalog.yaml", "05-kyc.yaml", "07-physical.yaml"]
    assert "05-kyc.yaml: not valid UTF-8 at byte offset 7 (line 1): invalid start byte; save it as UTF-8" in problems


def test_a_gate_in_an_optional_module_is_refused(forms_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A stretch goal (the rescinded 2025 guidelines) must never decide the level."""
    path = _section(forms_copy, "16-stretch-2025.yaml")
    first: Data = {}

    def make_gate(data: Data) -> None:
        assert data["module"]
        first.update(data["requirements"][0])
        data["requirements"][0]["gate"] = True

    edit_yaml(path, make_gate)
    # (The legal-status check may refuse the same gate for its status too: both are said.)
    assert (f"16-stretch-2025.yaml: requirement {first['id']}: field gate: a gate cannot be in the optional module "
            f"'{yaml.safe_load(path.read_text('utf-8'))['module']}'; gates belong to the in-force questionnaire"
            ) in _problems(forms_copy)
    assert run(["catalog", "--check", "--forms", str(forms_copy)]) == 1
    assert "a gate cannot be in the optional module" in capsys.readouterr().err
