"""Visibility rules of forms/: a small declarative tree evaluated against the applicant profile.

The engine evaluates them (veu_assess.engine.visibility); veu_assess.catalog.checks checks that
they test known profile fields with values of the field's type. Each kind of rule is told apart
by its key, so a mistake in a rule gives one error rather than one per kind of rule.
"""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StrictStr,
    Tag,
    ValidationError,
    ValidatorFunctionWrapHandler,
    field_validator,
)


class RuleBase(BaseModel):
    """Base for rules: immutable, unknown keys are errors (typos in forms/ must fail)."""

    # defer_build: validators are built on the first model_validate (a full load of forms/), not at
    # import; a start-up served from the catalog cache (catalog/cache.py) never builds them.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class FieldEquals(RuleBase):
    field: str
    equals: StrictStr | StrictBool  # strict: YAML 0 or 1 is not silently taken for false or true

    @field_validator("equals", mode="wrap")
    @classmethod
    def _text_or_yes_no(cls, v: Any, handler: ValidatorFunctionWrapHandler) -> str | bool:
        try:
            value: str | bool = handler(v)
        except ValidationError:
            raise ValueError(f"must be a text (e.g. a country code) or true/false, got {v!r}") from None
        return value


class FieldIn(RuleBase):
    field: str
    any_of: list[str] = Field(min_length=1)


class FieldInGroup(RuleBase):
    """True when a country field of the profile is in a named country group (country_groups in forms/catalog.yaml)."""

    field: str
    in_group: str


class ModuleChosen(RuleBase):
    module: str


class AllOf(RuleBase):
    all: list[Rule] = Field(min_length=1)


class AnyOf(RuleBase):
    any: list[Rule] = Field(min_length=1)


class Not(RuleBase):
    not_: Rule = Field(alias="not")

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)


# The key that tells each kind of rule apart; pydantic validates a rule only against its own kind,
# so a mistake gives one error, not one per kind of rule.
RULE_KEYS = {
    "equals": "FieldEquals",
    "any_of": "FieldIn",
    "in_group": "FieldInGroup",
    "module": "ModuleChosen",
    "all": "AllOf",
    "any": "AnyOf",
    "not": "Not",
}
RULE_TAGS = frozenset(RULE_KEYS.values())  # appear in pydantic error locations; not field names


def _rule_kind(v: Any) -> str | None:
    if isinstance(v, dict):
        return next((tag for key, tag in RULE_KEYS.items() if key in v), None)
    return type(v).__name__


Rule = Annotated[
    Union[  # noqa: UP007
        Annotated[FieldEquals, Tag("FieldEquals")],
        Annotated[FieldIn, Tag("FieldIn")],
        Annotated[FieldInGroup, Tag("FieldInGroup")],
        Annotated[ModuleChosen, Tag("ModuleChosen")],
        Annotated[AllOf, Tag("AllOf")],
        Annotated[AnyOf, Tag("AnyOf")],
        Annotated[Not, Tag("Not")],
    ],
    Discriminator(
        _rule_kind,
        custom_error_type="rule_kind",
        custom_error_message=f"not a rule: it needs one of the keys {', '.join(RULE_KEYS)}",
    ),
]
# No model_rebuild() here: it would build the validators now; with defer_build they are built on
# the first validation, when ``Rule`` (a forward reference above) is defined.

PROFILE_FIELDS = frozenset(
    {
        "destination_country",
        "parent_hq_country",
        "sells_compute_to_third_parties",
        "hosts_model_training",
        "has_government_ownership",
    }
)
COUNTRY_FIELDS = frozenset({"destination_country", "parent_hq_country"})
