"""ISO/IEC 27001:2022 Annex A and NIST SP 800-53 mapping as data (forms/controls.yaml, control-mapping.yaml).

``controls.yaml`` is the list of control ids the mapping may name; ``control-mapping.yaml`` maps a
requirement to Annex A controls and SP 800-53 families so that an operator with an ISO 27001
certificate sees which evidence it can reuse. The mapping is indicative and never scored.
``extras_problems`` is what ``veu-assess catalog --check`` adds for this file and for forms/routes.yaml.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from veu_assess.catalog.datafile import DataFileError, read_model
from veu_assess.catalog.routes import RoutesError, load_routes, route_problems
from veu_assess.catalog.status import Text2
from veu_assess.resources import forms_dir

if TYPE_CHECKING:
    from veu_assess.catalog.loader import Catalog


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Control(_Frozen):
    id: str = Field(pattern=r"^([5-8]\.[0-9]{1,2}|[A-Z]{2})$")
    title: str | None = None


class Framework(_Frozen):
    id: str
    title: Text2
    source: str
    controls: list[Control] = Field(min_length=1)


class ControlsFile(_Frozen):
    frameworks: list[Framework] = Field(min_length=1)


class Mapping(_Frozen):
    requirement: str
    iso27001: list[str] = []
    sp800_53: list[str] = Field(default=[], alias="sp800-53")


class MappingFile(_Frozen):
    note: Text2
    mappings: list[Mapping] = Field(min_length=1)


class ControlMap:
    """Both files, loaded: the mapping of a requirement and the title of a control."""

    def __init__(self, controls: ControlsFile, mapping: MappingFile) -> None:
        self.controls, self.mapping = controls, mapping
        self._by_req = {m.requirement: m for m in mapping.mappings}
        self._titles = {(f.id, c.id): c.title for f in controls.frameworks for c in f.controls}

    def of(self, requirement_id: str) -> Mapping | None:
        return self._by_req.get(requirement_id)

    def exists(self, framework: str, control_id: str) -> bool:
        return (framework, control_id) in self._titles

    def text(self, requirement_id: str, lang: str) -> str:
        """'ISO/IEC 27001:2022 A.8.2, A.8.5 · SP 800-53: AC, IA' or '' when unmapped."""
        m = self.of(requirement_id)
        if m is None:
            return ""
        parts = []
        if m.iso27001:
            parts.append("ISO/IEC 27001:2022 " + ", ".join(f"A.{c}" for c in m.iso27001))
        if m.sp800_53:
            parts.append("NIST SP 800-53: " + ", ".join(m.sp800_53))
        return " · ".join(parts)


class ControlsError(DataFileError):
    pass


def load_control_map(folder: Path | None = None) -> ControlMap:
    folder = folder or forms_dir()
    controls = read_model(folder / "controls.yaml", ControlsFile, ControlsError)
    return ControlMap(controls, read_model(folder / "control-mapping.yaml", MappingFile, ControlsError))


@functools.lru_cache(maxsize=1)
def default_control_map() -> ControlMap:
    return load_control_map()


def mapping_problems(cmap: ControlMap, catalog: Catalog) -> list[str]:
    out: list[str] = []
    frameworks = {f.id for f in cmap.controls.frameworks}
    for f in cmap.controls.frameworks:
        if f.source not in catalog.sources:
            out.append(f"controls.yaml: framework {f.id}: field source: unknown source '{f.source}'")
        ids = [c.id for c in f.controls]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        out += [f"controls.yaml: framework {f.id}: control {c} listed twice" for c in twice]
    if frameworks != {"iso27001", "sp800-53"}:
        out.append(f"controls.yaml: field frameworks: expected iso27001 and sp800-53, got {sorted(frameworks)}")
    seen: set[str] = set()
    for m in cmap.mapping.mappings:
        where = f"control-mapping.yaml: requirement {m.requirement}"
        if m.requirement not in catalog.requirements:
            out.append(f"{where}: field requirement: no such requirement in forms/sections")
        if m.requirement in seen:
            out.append(f"{where}: mapped twice")
        seen.add(m.requirement)
        if not m.iso27001 and not m.sp800_53:
            out.append(f"{where}: maps to no control")
        out += [f"{where}: field iso27001: control '{c}' is not in controls.yaml" for c in m.iso27001
                if not cmap.exists("iso27001", c)]
        out += [f"{where}: field sp800-53: family '{c}' is not in controls.yaml" for c in m.sp800_53
                if not cmap.exists("sp800-53", c)]
    return out


def extras_problems(catalog: Catalog, folder: Path | None = None) -> list[str]:
    """Problems in forms/routes.yaml and the control mapping, for ``catalog --check``."""
    out: list[str] = []
    try:
        routes = load_routes(folder)
        countries = set(catalog.country_codes())
        out += route_problems(routes, set(catalog.sources), countries)
    except RoutesError as exc:
        out += exc.problems
    try:
        out += mapping_problems(load_control_map(folder), catalog)
    except ControlsError as exc:
        out += exc.problems
    return out
