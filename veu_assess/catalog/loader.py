"""Load and validate forms/ into an immutable Catalog, with errors that name file, id and field.

Beyond pydantic's per-file validation this checks what spans files: unique section and
requirement ids, rules that refer to existing profile fields, country groups and modules,
and sections that name a declared module; veu_assess.catalog.checks adds the scoring data
and the value types of rules. Every problem is one line: 'file: requirement ID: field F: ...'.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from veu_assess.catalog.schema import CatalogHeader, Requirement, Section
from veu_assess.catalog.sources import header_source_problems, requirement_problems, source_file_problems
from veu_assess.catalog.status import Source, SourcesFile
from veu_assess.resources import forms_dir

# PyYAML, pydantic's validation and the cross-file checks are needed only for a full load of
# forms/; a start-up served from the catalog cache (catalog/cache.py) never imports them.
if TYPE_CHECKING:
    import yaml
    from pydantic import ValidationError


class CatalogError(Exception):
    """A problem in forms/: the message names the file, the requirement id and the field."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass(frozen=True)
class Catalog:
    header: CatalogHeader
    sections: tuple[Section, ...]
    requirements: dict[str, Requirement] = field(default_factory=dict)
    section_of: dict[str, str] = field(default_factory=dict)  # requirement id -> section id
    sources: dict[str, Source] = field(default_factory=dict)  # forms/sources.yaml, by id

    @property
    def version(self) -> str:
        return self.header.version

    def section(self, section_id: str) -> Section:
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(section_id)

    def iter_requirements(self) -> Iterator[tuple[Section, Requirement]]:
        for s in self.sections:
            for r in s.requirements:
                yield s, r

    def country_group(self, group_id: str) -> frozenset[str]:
        for g in self.header.country_groups:
            if g.id == group_id:
                return frozenset(g.countries)
        raise KeyError(group_id)

    def country_codes(self) -> frozenset[str]:
        return frozenset(c.code for c in self.header.countries)


def _read_yaml(path: Path) -> Any:
    import yaml

    # libyaml's safe loader parses forms/ about ten times faster than the pure-Python one; the
    # pure-Python loader is the fallback where PyYAML was built without it.
    safe_loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogError([f"{path.name}: cannot be read ({exc.strerror})"]) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CatalogError(
            [f"{path.name}: not valid UTF-8 at byte offset {exc.start} (line {line}): {exc.reason}; save it as UTF-8"]
        ) from exc
    try:
        return yaml.load(text, Loader=safe_loader)
    except yaml.YAMLError as exc:
        raise CatalogError([f"{path.name}: not valid YAML{_yaml_place(exc)}"]) from exc


def _yaml_place(exc: yaml.YAMLError) -> str:
    """' at line L, column C: problem (context)' on one line; the file is named by the caller."""
    import yaml

    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        context = f" ({exc.context})" if exc.context else ""
        return f" at line {mark.line + 1}, column {mark.column + 1}: {exc.problem}{context}"
    return f" ({' '.join(str(exc).split())})"


def _describe(path: Path, raw: Any, exc: ValidationError) -> list[str]:
    """Turn pydantic errors into 'file: requirement ID: field: message' lines."""
    from veu_assess.catalog.rules import RULE_TAGS

    problems = []
    for err in exc.errors():
        loc = list(err["loc"])
        where = path.name
        if len(loc) >= 2 and loc[0] in ("requirements", "sources") and isinstance(loc[1], int):
            try:
                rid = raw[loc[0]][loc[1]].get("id", f"#{loc[1] + 1}")
            except (KeyError, IndexError, TypeError, AttributeError):
                rid = f"#{loc[1] + 1}"
            where += f": {'requirement' if loc[0] == 'requirements' else 'source'} {rid}"
            loc = loc[2:]
        dotted = ".".join(str(p) for p in loc if p not in RULE_TAGS) or "(top level)"
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] in ("enum", "literal_error") and isinstance(err.get("input"), str):
            msg += f", got '{err['input']}'"
        problems.append(f"{where}: field {dotted}: {msg}")
    return problems


def load_catalog(folder: Path | None = None) -> Catalog:
    """Load forms/catalog.yaml and forms/sections/*.yaml; raise CatalogError listing every problem."""
    from pydantic import ValidationError

    from veu_assess.catalog.checks import header_problems, rule_problems

    folder = folder or forms_dir()
    problems: list[str] = []
    header_path = folder / "catalog.yaml"
    raw_header = _read_yaml(header_path)
    modules_path = folder / "modules.yaml"
    if isinstance(raw_header, dict) and modules_path.exists():
        raw_modules = _read_yaml(modules_path)
        if isinstance(raw_header.get("modules"), list):
            raise CatalogError([f"{header_path.name}: field modules: modules belong in {modules_path.name}"])
        if not isinstance(raw_modules, dict) or set(raw_modules) != {"modules"}:
            raise CatalogError([f"{modules_path.name}: (top level): expected a mapping with the one key 'modules'"])
        raw_header = {**raw_header, "modules": raw_modules["modules"]}
    try:
        header = CatalogHeader.model_validate(raw_header)
    except ValidationError as exc:
        raise CatalogError(_describe(header_path, raw_header, exc)) from exc
    problems += header_problems(header, header_path.name)
    sources = _load_sources(folder / "sources.yaml", header, problems)
    known = set(sources)
    problems += header_source_problems(header, header_path.name, known)

    sections: list[Section] = []
    files = sorted((folder / "sections").glob("*.yaml"))
    if not files:
        raise CatalogError([*problems, f"{folder / 'sections'}: no section files found"])
    for path in files:
        try:
            raw = _read_yaml(path)
        except CatalogError as exc:
            problems += exc.problems
            continue
        try:
            sections.append(Section.model_validate(raw))
        except ValidationError as exc:
            problems += _describe(path, raw, exc)
    if problems:
        raise CatalogError(problems)

    modules = {m.id for m in header.modules}
    requirements: dict[str, Requirement] = {}
    section_of: dict[str, str] = {}
    seen_sections: dict[str, Path] = {}
    for path, sec in zip(files, sections, strict=True):
        if sec.id in seen_sections:
            problems.append(
                f"{path.name}: field id: section id {sec.id} also used in {seen_sections[sec.id].name}"
            )
        seen_sections[sec.id] = path
        if sec.module is not None and sec.module not in modules:
            problems.append(f"{path.name}: field module: unknown module '{sec.module}'")
        if sec.visible_if is not None:
            problems += rule_problems(sec.visible_if, f"{path.name}: section {sec.id}", header)
        for req in sec.requirements:
            where = f"{path.name}: requirement {req.id}"
            if req.id in requirements:
                problems.append(f"{where}: field id: duplicate id (also in section {section_of[req.id]})")
            requirements[req.id] = req
            section_of[req.id] = sec.id
            if req.visible_if is not None:
                problems += rule_problems(req.visible_if, where, header)
            if req.gate and sec.module is not None:
                # A gate decides the level; an optional module (a stretch goal, rescinded rules)
                # must never do that, whether or not the applicant chose it.
                problems.append(f"{where}: field gate: a gate cannot be in the optional module '{sec.module}'; "
                                "gates belong to the in-force questionnaire")
            problems += requirement_problems(req, path.name, known, header.as_of)
    retired = {old for r in requirements.values() for old in r.renamed_from}
    for rid in sorted(retired & requirements.keys()):
        problems.append(f"requirement {rid}: field renamed_from: a retired id is reused")
    if problems:
        raise CatalogError(problems)
    ordered = tuple(sorted(sections, key=lambda s: (s.order, s.id)))
    return Catalog(header=header, sections=ordered, requirements=requirements, section_of=section_of,
                   sources=sources)


def _load_sources(path: Path, header: CatalogHeader, problems: list[str]) -> dict[str, Source]:
    """forms/sources.yaml by id; its problems are added to ``problems``."""
    try:
        raw = _read_yaml(path)
    except CatalogError as exc:
        problems += exc.problems
        return {}
    try:
        parsed = SourcesFile.model_validate(raw)
    except ValidationError as exc:
        problems += _describe(path, raw, exc)
        return {}
    problems += source_file_problems(parsed.sources, header.as_of, path.name)
    return {s.id: s for s in parsed.sources}


@functools.lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    """The shipped catalog, loaded once per process (from the validated cache when it is current)."""
    from veu_assess.catalog.cache import cached_catalog, shipped_key

    return cached_catalog(forms_dir(), shipped_key)
