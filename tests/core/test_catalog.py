"""The shipped questionnaire loads, is complete in both languages, and broken copies fail precisely."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from veu_assess.catalog.jsonschema import render_schemas
from veu_assess.catalog.loader import Catalog, CatalogError, load_catalog
from veu_assess.catalog.schema import Scope, Status
from veu_assess.cli.main import run
from veu_assess.resources import forms_dir


def test_catalog_is_complete(catalog: Catalog) -> None:
    in_force = [r for s, r in catalog.iter_requirements() if s.module is None]
    assert len(in_force) >= 60
    assert len(set(catalog.requirements)) == len(catalog.requirements)
    assert any(r.gate for r in in_force)
    assert any(r.scope is Scope.SITE for r in in_force)
    for _, r in catalog.iter_requirements():
        assert r.citation.strip()
        for text in (r.title, r.guidance, r.remediation):
            assert text.en.strip() and text.ja.strip()
        assert len(r.typical_evidence.en) == len(r.typical_evidence.ja)
        if r.verify:
            assert "VERIFY" in r.guidance.en


def test_rescinded_rules_only_in_optional_modules(catalog: Catalog) -> None:
    for section, r in catalog.iter_requirements():
        if r.status is Status.CODIFIED_NOT_ENFORCED:
            assert section.module is not None, f"{r.id} is codified but not enforced, yet in the in-force questionnaire"
    # no module item is a gate (a module never decides the VEU verdict)
    assert not [r.id for s, r in catalog.iter_requirements() if s.module is not None and r.gate]


def test_schema_files_are_current() -> None:
    for name, text in render_schemas().items():
        assert (forms_dir() / name).read_text(encoding="utf-8") == text, (
            f"forms/{name} is out of date: run python -m veu_assess.catalog.jsonschema"
        )


def _first_section(forms: Path) -> tuple[Path, dict]:  # type: ignore[type-arg]
    path = sorted((forms / "sections").glob("*.yaml"))[0]
    return path, yaml.safe_load(path.read_text("utf-8"))


def test_missing_japanese_title_is_named_precisely(forms_copy: Path) -> None:
    path, data = _first_section(forms_copy)
    rid = data["requirements"][0]["id"]
    del data["requirements"][0]["title"]["ja"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.raises(CatalogError) as err:
        load_catalog(forms_copy)
    assert f"{path.name}: requirement {rid}: field title.ja" in str(err.value)


def test_duplicate_id_and_unknown_rule_field(forms_copy: Path) -> None:
    path, data = _first_section(forms_copy)
    dup = dict(data["requirements"][0])
    dup["visible_if"] = {"field": "favourite_colour", "equals": "blue"}
    data["requirements"].append(dup)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.raises(CatalogError) as err:
        load_catalog(forms_copy)
    text = str(err.value)
    assert "duplicate id" in text
    assert "unknown profile field 'favourite_colour'" in text


def test_cli_catalog_check(capsys: pytest.CaptureFixture[str], forms_copy: Path, catalog: Catalog) -> None:
    assert run(["catalog", "--check"]) == 0
    out = capsys.readouterr().out
    assert catalog.version in out and f"{len(catalog.requirements)} requirements" in out
    path, data = _first_section(forms_copy)
    data["requirements"][0]["weight"] = 9
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    assert run(["catalog", "--check", "--forms", str(forms_copy)]) == 1
    err = capsys.readouterr().err
    assert f"{path.name}: requirement {data['requirements'][0]['id']}: field weight" in err


def test_yaml_syntax_error_is_reported(forms_copy: Path) -> None:
    path, _ = _first_section(forms_copy)
    path.write_text("id: [unclosed\n", "utf-8")
    with pytest.raises(CatalogError, match=path.name):
        load_catalog(forms_copy)


def test_every_grouped_country_can_be_chosen(catalog: Catalog) -> None:
    codes = catalog.country_codes()
    for group in catalog.header.country_groups:
        assert set(group.countries) <= codes, f"{group.id}: {sorted(set(group.countries) - codes)}"
