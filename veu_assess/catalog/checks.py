"""Consistency checks of forms/ beyond pydantic's per-field validation.

Each check returns 'file: place: field F: message' lines, so that the loader can refuse a
questionnaire that would later crash or mis-score, and say where to fix it:
- scoring data: a credit for every scored answer state, one readiness level per level id with
  thresholds in the order of the levels, gate states that can fail or cap a gate;
- visibility rules: known profile fields, values of the type of the profile field they test
  (yes/no or country code, read from the Profile model), known country codes, groups and modules;
- catalog-wide lists: no duplicate module, country group or country ids, grouped countries known.
"""

from __future__ import annotations

import functools
import itertools
import types
from collections import Counter
from collections.abc import Mapping
from typing import Literal, Union, get_args, get_origin

from veu_assess.catalog.rules import (
    COUNTRY_FIELDS,
    PROFILE_FIELDS,
    AllOf,
    AnyOf,
    FieldEquals,
    FieldIn,
    FieldInGroup,
    ModuleChosen,
    Not,
    Rule,
)
from veu_assess.catalog.schema import CatalogHeader, LevelId, Scoring
from veu_assess.model.assessment import AnswerState, Profile

# States that earn credit in the readiness score: not applicable and unanswered leave the
# denominator (engine/scoring.py), every other state needs a credit.
SCORED_STATES: tuple[str, ...] = tuple(
    s.value for s in AnswerState if s not in (AnswerState.UNANSWERED, AnswerState.NOT_APPLICABLE)
)
# The graded levels from best to worst; a score gets the first whose min_score it reaches.
GRADED_LEVELS: tuple[LevelId, ...] = (LevelId.READY, LevelId.CONDITIONS, LevelId.NOT_READY)
# A gate in any of these states must either fail (ineligible) or stay open (caps the level).
GATE_STATES_TO_COVER: tuple[str, ...] = tuple(
    s.value for s in AnswerState if s not in (AnswerState.MET, AnswerState.NOT_APPLICABLE)
)

FieldKind = Literal["yes/no", "country", "text"]


def _quoted(values: list[str] | tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


@functools.cache
def profile_field_kinds() -> Mapping[str, FieldKind]:
    """The profile fields a rule may test and what their values are, read from the Profile model."""
    kinds: dict[str, FieldKind] = {}
    for name in sorted(PROFILE_FIELDS):
        info = Profile.model_fields.get(name)
        if info is None:
            continue  # a rule on it would fail at run time: reported as an unknown field
        ann = info.annotation
        args = get_args(ann) if get_origin(ann) in (Union, types.UnionType) else (ann,)
        if bool in args:
            kinds[name] = "yes/no"
        elif name in COUNTRY_FIELDS:
            kinds[name] = "country"
        else:
            kinds[name] = "text"
    return kinds


# --- scoring ----------------------------------------------------------------------------------


def scoring_problems(scoring: Scoring, file: str) -> list[str]:
    """Problems in catalog.yaml's scoring block that would crash or mis-score the engine."""
    out: list[str] = []
    where = f"{file}: field scoring"
    missing = [s for s in SCORED_STATES if s not in scoring.credit]
    if missing:
        out.append(
            f"{where}.credit: no credit for answer state {_quoted(missing)}"
            f" (every scored state needs one: {', '.join(SCORED_STATES)})"
        )
    out += _level_problems(scoring, where)
    out += _gate_state_problems(scoring, where)
    return out


def _level_problems(scoring: Scoring, where: str) -> list[str]:
    out: list[str] = []
    counts = Counter(lv.id for lv in scoring.levels)
    absent = [lv.value for lv in LevelId if lv not in counts]
    if absent:
        out.append(
            f"{where}.levels: missing level {_quoted(absent)}"
            f" (the engine can give every one of: {', '.join(lv.value for lv in LevelId)})"
        )
    for lid, n in counts.items():
        if n > 1:
            out.append(f"{where}.levels: level '{lid.value}' is listed {n} times")
    if absent or len(counts) != len(scoring.levels):
        return out
    score = {lv.id: lv.min_score for lv in scoring.levels}
    for better, worse in itertools.pairwise(GRADED_LEVELS):
        if score[better] <= score[worse]:
            out.append(
                f"{where}.levels: min_score of '{better.value}' ({score[better]:g}) must be above"
                f" min_score of '{worse.value}' ({score[worse]:g})"
            )
    lowest = GRADED_LEVELS[-1]
    if score[lowest] != 0:
        out.append(
            f"{where}.levels: min_score of '{lowest.value}' must be 0 (the lowest level takes"
            f" every score below the next one), got {score[lowest]:g}"
        )
    if scoring.capped_level_when_gate_open not in GRADED_LEVELS:
        out.append(
            f"{where}.capped_level_when_gate_open: must be one of {', '.join(lv.value for lv in GRADED_LEVELS)},"
            f" got '{scoring.capped_level_when_gate_open.value}' (an open gate caps the level, it does not fail)"
        )
    return out


def _gate_state_problems(scoring: Scoring, where: str) -> list[str]:
    out: list[str] = []
    fail = [str(s) for s in scoring.gate_fail_states]
    open_ = [str(s) for s in scoring.gate_open_states]
    for name, states in (("gate_fail_states", fail), ("gate_open_states", open_)):
        if AnswerState.MET.value in states:
            out.append(f"{where}.{name}: 'met' cannot be listed (a met gate neither fails nor stays open)")
        twice = sorted(s for s, n in Counter(states).items() if n > 1)
        if twice:
            out.append(f"{where}.{name}: {_quoted(twice)} listed more than once")
    both = sorted(set(fail) & set(open_))
    if both:
        out.append(
            f"{where}.gate_open_states: {_quoted(both)} also in gate_fail_states (a state either fails or opens a gate)"
        )
    uncovered = [s for s in GATE_STATES_TO_COVER if s not in fail and s not in open_]
    if uncovered:
        out.append(
            f"{where}.gate_open_states: a gate answered {_quoted(uncovered)} would neither fail nor cap"
            " the level; list the state in gate_fail_states or gate_open_states"
        )
    return out


# --- catalog-wide lists -----------------------------------------------------------------------


def header_problems(header: CatalogHeader, file: str) -> list[str]:
    """Problems in catalog.yaml beyond single fields: scoring, duplicate ids, grouped countries."""
    out = scoring_problems(header.scoring, file)
    for field, ids in (
        ("modules", [m.id for m in header.modules]),
        ("country_groups", [g.id for g in header.country_groups]),
        ("countries", [c.code for c in header.countries]),
    ):
        twice = sorted(i for i, n in Counter(ids).items() if n > 1)
        if twice:
            out.append(f"{file}: field {field}: {_quoted(twice)} listed more than once")
    codes = {c.code for c in header.countries}
    for g in header.country_groups:
        unknown = [c for c in g.countries if c not in codes]
        if unknown:
            out.append(
                f"{file}: field country_groups.{g.id}.countries: unknown country code {_quoted(unknown)}"
                " (not in countries)"
            )
    return out


# --- visibility rules -------------------------------------------------------------------------


def rule_problems(rule: Rule, where: str, header: CatalogHeader, path: str = "visible_if") -> list[str]:
    """Problems in a visibility rule; `where` is 'file: requirement ID' or 'file: section ID'."""
    if isinstance(rule, FieldEquals | FieldIn | FieldInGroup):
        return _field_rule_problems(rule, f"{where}: field {path}", header)
    if isinstance(rule, ModuleChosen):
        if rule.module not in {m.id for m in header.modules}:
            return [f"{where}: field {path}.module: unknown module '{rule.module}'"]
        return []
    out: list[str] = []
    if isinstance(rule, AllOf):
        for i, r in enumerate(rule.all):
            out += rule_problems(r, where, header, f"{path}.all.{i}")
    elif isinstance(rule, AnyOf):
        for i, r in enumerate(rule.any):
            out += rule_problems(r, where, header, f"{path}.any.{i}")
    elif isinstance(rule, Not):
        out += rule_problems(rule.not_, where, header, f"{path}.not")
    return out


def _field_rule_problems(rule: FieldEquals | FieldIn | FieldInGroup, where: str, header: CatalogHeader) -> list[str]:
    kind = profile_field_kinds().get(rule.field)
    if kind is None:
        return [f"{where}: unknown profile field '{rule.field}' (fields: {', '.join(sorted(profile_field_kinds()))})"]
    if isinstance(rule, FieldInGroup):
        out = []
        if kind != "country":
            out.append(f"{where}: '{rule.field}' is not a country field")
        if rule.in_group not in {g.id for g in header.country_groups}:
            out.append(f"{where}: unknown country group '{rule.in_group}'")
        return out
    codes = {c.code for c in header.countries}
    if isinstance(rule, FieldEquals):
        value = rule.equals
        if kind == "yes/no" and not isinstance(value, bool):
            return [f"{where}.equals: '{rule.field}' is a yes/no field; use true or false, not the text '{value}'"]
        if kind != "yes/no" and isinstance(value, bool):
            return [f"{where}.equals: '{rule.field}' is a {kind} field; {str(value).lower()} can never match it"]
        if kind == "country" and value not in codes:
            return [f"{where}.equals: unknown country code '{value}' (not in catalog.yaml countries)"]
        return []
    if kind == "yes/no":
        return [f"{where}.any_of: '{rule.field}' is a yes/no field; use equals: true or false, not a list of texts"]
    if kind == "country":
        unknown = [v for v in rule.any_of if v not in codes]
        if unknown:
            return [f"{where}.any_of: unknown country code {_quoted(unknown)} (not in catalog.yaml countries)"]
    return []
