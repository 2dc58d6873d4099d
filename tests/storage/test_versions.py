"""Versions: the migration chain, synthetic upgrade steps, frozen fixtures of every version."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pytest

from veu_assess.model import assessment as assessment_mod
from veu_assess.model import migrations
from veu_assess.model.assessment import SCHEMA_VERSION
from veu_assess.storage import open_document, save_document
from veu_assess.storage.errors import VeuaVersionError
from veu_assess.storage.integrity import IntegrityKind, integrity_state, verify_evidence
from veu_assess.storage.writer import migration_backup_path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "veua"


def test_the_migration_chain_has_no_holes() -> None:
    assert migrations.check_chain() == []
    assert migrations.check_chain(3, {1: lambda p: p}) == [2]
    assert migrations.check_chain(2, {1: lambda p: p, 5: lambda p: p}) == [5]


def test_fixtures_are_frozen() -> None:
    """The committed fixture files must never be regenerated silently."""
    lines = (FIXTURES / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    sums: dict[str, str] = {name: digest for digest, name in (line.split("  ", 1) for line in lines)}
    files = sorted(p.name for p in FIXTURES.glob("*.veua"))
    assert sorted(sums) == files
    for name in files:
        assert hashlib.sha256((FIXTURES / name).read_bytes()).hexdigest() == sums[name], name


def _version(path: Path) -> int:
    match = re.match(r"v(\d+)-", path.name)
    assert match
    return int(match.group(1))


def test_every_version_up_to_the_current_one_has_fixtures() -> None:
    versions = {_version(p) for p in FIXTURES.glob("*.veua")}
    assert set(range(1, SCHEMA_VERSION + 1)) <= versions


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.veua")), ids=lambda p: p.name)
def test_fixture_files_open_or_are_refused_as_newer(path: Path) -> None:
    if _version(path) > SCHEMA_VERSION:
        with pytest.raises(VeuaVersionError, match=rf"newer.*{_version(path)}.*{SCHEMA_VERSION}"):
            open_document(path)
        return
    doc = open_document(path)
    assert verify_evidence(doc) == []
    assert integrity_state(doc).kind is IntegrityKind.INTACT
    assert doc.assessment.title.startswith("Fixture")


def test_full_fixture_content() -> None:
    doc = open_document(FIXTURES / "v1-full.veua")
    assert doc.assessment.profile.applicant_name == "株式会社フィクスチャ"
    assert len(doc.evidence) == 2 and len(doc.review.signoffs) == 1
    # Migrated 1 -> 2: the sign-off covers the version-1 content, untouched since.
    assert doc.source is not None and doc.source.migrated_from == 1
    assert doc.assessment.bom == []
    assert integrity_state(doc).kind is IntegrityKind.INTACT
    two = open_document(FIXTURES / "v2-full.veua")
    assert two.source is not None and two.source.migrated_from is None
    assert two.review.signoffs[0].digest == two.digest()
    assert [(b.description, b.value, b.origin) for b in two.assessment.bom] == [
        ("GPU servers", 510000.0, "US"), ("ラック・冷却", 490000.0, "JP")]


def test_the_real_step_from_1_to_2_adds_an_empty_bill_of_materials() -> None:
    out = migrations.migrate({"manifest": {"schema_version": 1}, "assessment": {"schema_version": 1, "title": "t"}}, 1)
    assert out["assessment"] == {"schema_version": 2, "title": "t", "bom": []}
    with pytest.raises(migrations.MigrationError, match="cannot have a 'bom'"):
        migrations.migrate({"assessment": {"schema_version": 1, "bom": []}}, 1)
    with pytest.raises(migrations.MigrationError, match="not a JSON object"):
        migrations.migrate({"assessment": [1]}, 1)


def _rename(old: str, new: str) -> migrations.Step:
    def step(parts: dict[str, Any]) -> dict[str, Any]:
        parts["assessment"][new] = parts["assessment"].pop(old)
        return parts
    return step


@pytest.fixture
def future(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend the app is at schema version 3, reached through two synthetic steps from version 1:
    1 -> 2 renames title to heading, 2 -> 3 renames it back, so version 3 matches today's model."""
    monkeypatch.setattr(assessment_mod, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(migrations, "MIGRATIONS", {1: _rename("title", "heading"), 2: _rename("heading", "title")})


@pytest.mark.usefixtures("future")
def test_each_synthetic_step_and_the_chain() -> None:
    parts = {"manifest": {"schema_version": 1}, "assessment": {"schema_version": 1, "title": "t"}}
    assert migrations.check_chain() == []
    one = migrations.MIGRATIONS[1]({"assessment": {"title": "t"}})
    assert one == {"assessment": {"heading": "t"}}
    out = migrations.migrate(parts, 1)
    assert out["assessment"] == {"schema_version": 3, "title": "t"}
    assert out["manifest"]["schema_version"] == 3
    assert parts["assessment"] == {"schema_version": 1, "title": "t"}  # the input is untouched
    two = {"manifest": {"schema_version": 2}, "assessment": {"schema_version": 2, "heading": "t"}}
    assert migrations.migrate(two, 2)["assessment"] == {"schema_version": 3, "title": "t"}


@pytest.mark.usefixtures("future")
def test_a_hole_in_the_chain_is_a_clear_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", {1: _rename("title", "heading")})
    assert migrations.check_chain() == [2]
    with pytest.raises(VeuaVersionError, match="no upgrade from schema version 2 to 3"):
        open_document(FIXTURES / "v1-minimal.veua")


@pytest.mark.usefixtures("future")
def test_a_failing_step_is_a_clear_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", {1: _rename("no_such_key", "x"), 2: _rename("x", "y")})
    with pytest.raises(VeuaVersionError, match="upgrading from schema version 1 to 2 failed"):
        open_document(FIXTURES / "v1-minimal.veua")


@pytest.mark.usefixtures("future")
def test_old_file_is_migrated_and_its_original_kept_on_save(tmp_path: Path) -> None:
    target = tmp_path / "old.veua"
    original = (FIXTURES / "v1-full.veua").read_bytes()
    target.write_bytes(original)
    doc = open_document(target)
    assert doc.source is not None and doc.source.migrated_from == 1
    assert doc.assessment.schema_version == 3
    # Signed before migration, untouched since: not reported as changed after sign-off.
    assert integrity_state(doc).kind is IntegrityKind.INTACT
    save_document(doc, target)
    backup = migration_backup_path(target, 1)
    assert backup.name == "old.veua.v1.bak" and backup.read_bytes() == original
    doc.assessment.title = "edited"
    save_document(open_document(target), target)  # saving again never replaces the first original
    assert backup.read_bytes() == original
    again = open_document(target)
    assert again.source is not None and again.source.schema_version == 3 and again.source.migrated_from is None
    assert integrity_state(again).kind is IntegrityKind.CHANGED_AFTER_SIGNOFF  # new digest rules now apply
