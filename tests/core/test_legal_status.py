"""Legal status with dates: the catalog check refuses unsourced or undated statements, the sources
list covers every requirement, and the engine's staleness note appears only after a status ends."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.conftest import edit_yaml
from veu_assess.catalog.loader import Catalog, CatalogError, load_catalog
from veu_assess.catalog.sources import sources_index
from veu_assess.catalog.status import CONTEXT_ONLY, Status, StatusChange, status_on
from veu_assess.cli.main import run
from veu_assess.engine.status import changed_since, staleness
from veu_assess.resources import forms_dir, sample_path

Data = dict[str, Any]


def _req(data: Data, rid: str) -> Data:
    return next(r for r in data["requirements"] if r["id"] == rid)


def _check(forms: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert run(["catalog", "--check", "--forms", str(forms)]) == 1
    return capsys.readouterr().err


def test_requirement_without_source_fails(forms_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_yaml(forms_copy / "sections" / "05-kyc.yaml", lambda d: _req(d, "KYC-03").update(sources=[]))
    assert "05-kyc.yaml: requirement KYC-03: field sources: no source given" in _check(forms_copy, capsys)


def test_status_change_without_source_fails(forms_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_yaml(forms_copy / "sections" / "06-ownership.yaml",
              lambda d: _req(d, "OWN-07")["timeline"][1].update(sources=[]))
    err = _check(forms_copy, capsys)
    assert ("06-ownership.yaml: requirement OWN-07: field timeline[1].sources: the status change of "
            "2025-11-10 (suspended) has no source") in err


def test_date_after_as_of_fails(forms_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_yaml(forms_copy / "sections" / "01-eligibility.yaml",
          lambda d: _req(d, "ELIG-03")["timeline"][0].update(date=dt.date(2027, 1, 5)))
    err = _check(forms_copy, capsys)
    assert ("01-eligibility.yaml: requirement ELIG-03: field timeline[0].date: 2027-01-05 is after the "
            "catalog's as_of 2026-11-30") in err


def test_source_dated_after_as_of_fails(forms_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_yaml(forms_copy / "sources.yaml", lambda d: d["sources"][0].update(date=dt.date(2026, 12, 24)))
    assert "sources.yaml: source FR-2024-22587: field date: 2026-12-24 is after" in _check(forms_copy, capsys)


def test_verify_without_note_fails(forms_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_yaml(forms_copy / "sections" / "15-host-government.yaml", lambda d: _req(d, "HOST-01").pop("verify_note"))
    err = _check(forms_copy, capsys)
    assert ("15-host-government.yaml: requirement HOST-01: field verify_note: VERIFY without a note of "
            "what to verify") in err


def test_unread_source_without_note_and_gate_on_expectation_fail(forms_copy: Path) -> None:
    edit_yaml(forms_copy / "sources.yaml", lambda d: d["sources"][0].pop("verify"))
    with pytest.raises(CatalogError) as err:
        load_catalog(forms_copy)
    expected = "sources.yaml: source FR-2024-22587: field verify: not read (read: false) but no note of what to verify"
    assert expected in err.value.problems
    shutil.copy(forms_dir() / "sources.yaml", forms_copy / "sources.yaml")
    edit_yaml(forms_copy / "sections" / "15-host-government.yaml", lambda d: _req(d, "HOST-01").update(gate=True))
    with pytest.raises(CatalogError) as err:
        load_catalog(forms_copy)
    expected = "HOST-01: field gate: a 'announced_expectation' requirement may not be a gate"
    assert any(expected in p for p in err.value.problems)


def test_status_must_match_timeline_on_as_of(forms_copy: Path) -> None:
    edit_yaml(forms_copy / "sections" / "06-ownership.yaml", lambda d: _req(d, "OWN-07").update(status="in_force"))
    with pytest.raises(CatalogError) as err:
        load_catalog(forms_copy)
    assert any("OWN-07: field status: 'in_force' but the timeline says suspended on as_of 2026-11-30" in p
               for p in err.value.problems)


def test_sources_list_every_source_and_every_requirement(catalog: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["catalog", "--sources"]) == 0
    out = capsys.readouterr().out
    for sid in catalog.sources:
        assert f"\n{sid}: " in out
    used = {rid for users in sources_index(catalog).values() for rid in users}
    assert set(catalog.requirements) <= used
    assert "https://www.gao.gov/products/b-337935" in out


def test_staleness_note_only_after_the_suspension_ends(catalog: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    assert staleness(catalog, dt.date(2026, 11, 1)) == []
    notes = staleness(catalog, dt.date(2026, 12, 1))
    # OWN-07 (the Affiliates rule) and OWN-09 (its Red Flag 29), suspended together until 9 Nov 2026
    assert [(n.kind, n.since, n.requirement_ids) for n in notes] == [
        ("status_ended", dt.date(2026, 11, 10), ("OWN-07", "OWN-09"))]
    own07 = notes[0]
    assert "VERIFY whether it was extended" in own07.text("en")
    assert "OWN-07" in own07.text("ja")
    # the visible note in `score`: absent on 1 Nov, present on 1 Dec 2026
    assert run(["score", str(sample_path()), "--on", "2026-11-01"]) == 0
    assert "STATUS NOTE" not in capsys.readouterr().out
    assert run(["score", str(sample_path()), "--on", "2026-12-01"]) == 0
    later = " ".join(capsys.readouterr().out.split())  # score wraps its lines at 80 columns
    assert "STATUS NOTE (2026-12-01): Since 10 Nov 2026 the status of OWN-07, OWN-09 may have changed" in later


def test_old_research_date_is_said(catalog: Catalog) -> None:
    day = catalog.header.as_of + dt.timedelta(days=91)
    assert [n.kind for n in staleness(catalog, day)][-1] == "catalog_old"
    assert all(n.kind != "catalog_old" for n in staleness(catalog, day - dt.timedelta(days=1)))


def test_context_only_statuses_never_gate_or_score(catalog: Catalog) -> None:
    for _sec, req in catalog.iter_requirements():
        if req.gate:
            assert req.status is Status.IN_FORCE, req.id
    assert {r.status for r in catalog.requirements.values()} >= {
        Status.IN_FORCE, Status.GUIDANCE, Status.PRACTICE, Status.SUSPENDED, Status.ANNOUNCED_EXPECTATION,
        Status.PROPOSED_STALLED, Status.CODIFIED_NOT_ENFORCED}
    assert Status.PROPOSED_STALLED in CONTEXT_ONLY


def test_changes_since_an_old_file_version(catalog: Catalog) -> None:
    changes = changed_since(catalog, "2026.11.1", {"ELIG-05", "KYC-05"})
    assert [c.id for c in changes] == ["ELIG-05", "OWN-07", "KYC-05"]
    assert changed_since(catalog, catalog.version) == []
    assert changed_since(catalog, "2099.1.1") == []


# --- properties of status_on ----------------------------------------------------------------------

_days = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31))
_changes = st.lists(st.builds(StatusChange, date=_days, status=st.sampled_from(list(Status)),
                              sources=st.just(["X"])), max_size=6)


@settings(max_examples=300, deadline=None)
@given(_changes, _days)
def test_status_on_is_the_latest_change_not_after_the_day(timeline: list[StatusChange], day: dt.date) -> None:
    got = status_on(timeline, day)
    earlier = [c for c in timeline if c.date <= day]
    if not earlier:
        assert got is None
    else:
        assert got is not None and got.date == max(c.date for c in earlier)
        assert got.date <= day
