"""Route-selection rules as data (forms/routes.yaml): which authorization route fits a profile.

The rules name *facts* (FACTS below), computed by veu_assess.engine.routes from the profile and the
accelerator inventory; each rule gives a verdict for one or more routes, a reason in both languages, a
citation and sources from forms/sources.yaml. ``catalog --check`` runs ``route_problems``.
"""

from __future__ import annotations

import functools
from enum import StrEnum
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from veu_assess.catalog.datafile import DataFileError, read_model
from veu_assess.catalog.status import Text2
from veu_assess.resources import forms_dir

FACTS = (
    "site_in_d5_or_macau",  # a site (or the profile's destination) is in Macau or D:5 (HK as China)
    "parent_in_d5_or_macau",  # the ultimate parent's headquarters country is in Macau or D:5
    "parent_in_aiep_concern",  # ... is in the AI Exports Program's 'country of concern' set
    "parent_known",  # the profile gives the parent's headquarters country
    "sites_known",  # at least one site, every site with a country
    "all_sites_us",  # every site is in the United States
    "inventory_given",  # at least one accelerator line in the inventory
    "controlled_items",  # an inventory line classifies as 3A090.a or .b (engine calculator)
    "datacenter_a_items",  # a data-center part classified 3A090.a (excluded from NAC)
    "undetermined_items",  # a line needs its die area to be classified
)
Fact = Literal[
    "site_in_d5_or_macau", "parent_in_d5_or_macau", "parent_in_aiep_concern", "parent_known",
    "sites_known", "all_sites_us", "inventory_given", "controlled_items", "datacenter_a_items",
    "undetermined_items",
]


class Verdict(StrEnum):
    """A rule's verdict on a route; the strongest wins (the order of RANK)."""

    EXCLUDED = "excluded"
    FITS = "fits"
    MAY_APPLY = "may_apply"
    NOT_NEEDED = "not_needed"
    OPEN = "open"


RANK = {v: i for i, v in enumerate(Verdict)}  # lower is stronger


class _Frozen(BaseModel):
    # defer_build: validators are built on the first model_validate (a full read of routes.yaml),
    # not at import; a start-up served from the cache (catalog/cache.py) never builds them.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class CountrySet(_Frozen):
    id: str = Field(pattern=r"^[A-Z][A-Z0-9_]*$")
    title: Text2
    countries: list[str] = Field(min_length=1)
    sources: list[str] = Field(min_length=1)


class Route(_Frozen):
    id: Literal["veu", "licence", "exception", "no_licence", "aiep"]
    title: Text2


class When(_Frozen):
    all: list[Fact] = []
    none: list[Fact] = []

    def holds(self, facts: set[str]) -> bool:
        return all(f in facts for f in self.all) and not any(f in facts for f in self.none)


class Outcome(_Frozen):
    route: str
    verdict: Verdict


class RouteRule(_Frozen):
    id: str = Field(pattern=r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")
    when: When
    outcomes: list[Outcome] = Field(min_length=1)
    reason: Text2
    citation: str = Field(min_length=3)
    sources: list[str] = Field(min_length=1)


class RoutesFile(_Frozen):
    country_sets: list[CountrySet] = []
    routes: list[Route] = Field(min_length=1)
    rules: list[RouteRule] = Field(min_length=1)

    def country_set(self, set_id: str) -> frozenset[str]:
        for cs in self.country_sets:
            if cs.id == set_id:
                return frozenset(cs.countries)
        raise KeyError(set_id)

    def route(self, route_id: str) -> Route:
        for r in self.routes:
            if r.id == route_id:
                return r
        raise KeyError(route_id)


class RoutesError(DataFileError):
    pass


def load_routes(folder: Path | None = None) -> RoutesFile:
    return read_model((folder or forms_dir()) / "routes.yaml", RoutesFile, RoutesError)


@functools.lru_cache(maxsize=1)
def default_routes() -> RoutesFile:
    """The shipped routes, once per process (from the validated cache when it is current)."""
    from veu_assess.catalog.cache import cached_routes, shipped_key

    return cached_routes(forms_dir(), shipped_key)


def route_problems(routes: RoutesFile, known_sources: set[str], countries: set[str]) -> list[str]:
    """What pydantic cannot see: unknown routes, sources and countries, duplicate ids, routes no rule reaches."""
    out: list[str] = []
    route_ids = {r.id for r in routes.routes}
    if len(route_ids) != len(routes.routes):
        out.append("routes.yaml: field routes: a route id is declared twice")
    seen: set[str] = set()
    reached: set[str] = set()
    for rule in routes.rules:
        where = f"routes.yaml: rule {rule.id}"
        if rule.id in seen:
            out.append(f"{where}: field id: duplicate rule id")
        seen.add(rule.id)
        for o in rule.outcomes:
            if o.route not in route_ids:
                out.append(f"{where}: field outcomes: unknown route '{o.route}'")
            reached.add(o.route)
        out += [f"{where}: field sources: unknown source '{s}' (not in sources.yaml)"
                for s in rule.sources if s not in known_sources]
        if set(rule.when.all) & set(rule.when.none):
            out.append(f"{where}: field when: a fact is both required and excluded")
    for cs in routes.country_sets:
        out += [f"routes.yaml: country set {cs.id}: field sources: unknown source '{s}'"
                for s in cs.sources if s not in known_sources]
        out += [f"routes.yaml: country set {cs.id}: field countries: unknown country '{c}'"
                for c in cs.countries if c not in countries]
    out += [f"routes.yaml: route {r}: no rule gives it a verdict" for r in sorted(route_ids - reached)]
    return out
