"""Declarative visibility: which sections and requirements apply to an applicant profile.

A rule from forms/ is evaluated against the profile; an unset profile field never satisfies a
rule (so a question that depends on it stays hidden until the profile says otherwise).
Site-level requirements expand into one item per site.
"""

from __future__ import annotations

from dataclasses import dataclass

from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import (
    AllOf,
    AnyOf,
    FieldEquals,
    FieldIn,
    FieldInGroup,
    ModuleChosen,
    Not,
    Requirement,
    Rule,
    Scope,
    Section,
)
from veu_assess.model.assessment import Assessment, Profile, answer_key


def evaluate_rule(rule: Rule | None, profile: Profile, catalog: Catalog) -> bool:
    """True when the rule holds for the profile (no rule: always true)."""
    if rule is None:
        return True
    if isinstance(rule, FieldEquals):
        value = getattr(profile, rule.field)
        return value is not None and value != "" and value == rule.equals
    if isinstance(rule, FieldIn):
        return getattr(profile, rule.field) in rule.any_of
    if isinstance(rule, FieldInGroup):
        value = getattr(profile, rule.field)
        return bool(value) and value in catalog.country_group(rule.in_group)
    if isinstance(rule, ModuleChosen):
        return rule.module in profile.modules
    if isinstance(rule, AllOf):
        return all(evaluate_rule(r, profile, catalog) for r in rule.all)
    if isinstance(rule, AnyOf):
        return any(evaluate_rule(r, profile, catalog) for r in rule.any)
    if isinstance(rule, Not):
        return not evaluate_rule(rule.not_, profile, catalog)
    raise TypeError(f"unknown rule {rule!r}")  # pragma: no cover - the schema admits no other


def section_visible(section: Section, profile: Profile, catalog: Catalog) -> bool:
    if section.module is not None and section.module not in profile.modules:
        return False
    return evaluate_rule(section.visible_if, profile, catalog)


def requirement_visible(section: Section, req: Requirement, profile: Profile, catalog: Catalog) -> bool:
    return section_visible(section, profile, catalog) and evaluate_rule(req.visible_if, profile, catalog)


@dataclass(frozen=True)
class Item:
    """One thing to answer: a requirement, for one site when it is site-level."""

    section: Section
    requirement: Requirement
    site_id: str | None
    weight: float  # a site-level requirement's weight is shared among its sites

    @property
    def key(self) -> str:
        return answer_key(self.requirement.id, self.site_id)


def items_for(section: Section, req: Requirement, assessment: Assessment) -> list[Item]:
    """The answerable items of a requirement: one, or one per site for site-level requirements."""
    sites = assessment.profile.sites
    if req.scope is Scope.SITE and sites:
        share = req.weight / len(sites)
        return [Item(section, req, s.id, share) for s in sites]
    return [Item(section, req, None, float(req.weight))]


def visible_items(catalog: Catalog, assessment: Assessment) -> list[Item]:
    """Every item the profile makes visible, in catalog order."""
    profile = assessment.profile
    out: list[Item] = []
    for section, req in catalog.iter_requirements():
        if requirement_visible(section, req, profile, catalog):
            out.extend(items_for(section, req, assessment))
    return out
