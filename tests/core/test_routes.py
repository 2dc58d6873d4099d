"""Route selection on hand-made profiles: one test per route, the HK and Macau parents, a colocation
site, the Affiliates rule before and after 10 Nov 2026, and the checks of routes.yaml / the mapping."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from veu_assess.catalog.controls import extras_problems, load_control_map
from veu_assess.catalog.loader import default_catalog
from veu_assess.catalog.routes import Verdict
from veu_assess.catalog.status import Status
from veu_assess.engine.routes import affiliates_text, headline_text, select_routes
from veu_assess.model.assessment import Accelerator, Assessment, Profile, Site
from veu_assess.resources import forms_dir

DAY = dt.date(2026, 11, 30)
H100 = Accelerator(model="H100 SXM", count=8, tops=1979, bits=8, die_area_mm2=814)  # TPP 15832: 3A090.a
SMALL = Accelerator(model="T4", count=4, tops=130, bits=8, die_area_mm2=545)  # TPP 1040: not 3A090


def make(sites: list[tuple[str, str]], parent: str = "JP", items: list[Accelerator] | None = None) -> Assessment:
    profile = Profile(applicant_name="Test", parent_hq_country=parent,
                      sites=[Site(id=i, name=i, country=c) for i, c in sites])
    inventory = {sites[0][0]: items} if sites and items else {}
    return Assessment(id="0000aaaa", catalog_id="dc-veu-readiness", catalog_version="2026.12.1",
                      created=DAY, assessment_date=DAY, profile=profile, inventory=inventory)


def verdicts(a: Assessment, day: dt.date = DAY) -> dict[str, Verdict]:
    return {f.route_id: f.verdict for f in select_routes(default_catalog(), a, day).findings}


def test_veu_route_fits_controlled_items_in_the_gulf() -> None:
    r = select_routes(default_catalog(), make([("dxb-1", "AE")], "AE", [H100]), DAY)
    v = {f.route_id: f.verdict for f in r.findings}
    assert v["veu"] is Verdict.FITS and v["licence"] is Verdict.FITS
    assert v["aiep"] is Verdict.MAY_APPLY
    assert r.headline == "veu_prepare"
    assert "VEU" in headline_text(r, "en") and "VEU" in headline_text(r, "ja")
    assert "CONTROLLED-ELSEWHERE" in [x.rule_id for x in r.finding("veu").reasons]


def test_hong_kong_parent_excludes_veu_and_the_ai_exports_program() -> None:
    v = verdicts(make([("dxb-1", "AE")], "HK", [H100]))
    assert v["veu"] is Verdict.EXCLUDED and v["licence"] is Verdict.FITS and v["aiep"] is Verdict.EXCLUDED


def test_macau_parent_excludes_veu() -> None:
    r = select_routes(default_catalog(), make([("sg-1", "SG")], "MO", [H100]), DAY)
    assert r.finding("veu").verdict is Verdict.EXCLUDED and r.headline == "veu_not_route"
    assert "HQ-D5" in [x.rule_id for x in r.finding("veu").reasons]


def test_site_in_d5_needs_a_licence_and_nac_only_without_datacenter_a_items() -> None:
    with_a = verdicts(make([("sh-1", "CN")], "JP", [H100]))
    assert with_a["veu"] is Verdict.EXCLUDED and with_a["licence"] is Verdict.FITS
    assert with_a["exception"] is not Verdict.MAY_APPLY
    b_part = Accelerator(model="B-class", count=2, tops=300, bits=8, die_area_mm2=600)  # TPP 2400, PD 4: 3A090.b
    assert verdicts(make([("sh-1", "CN")], "JP", [b_part]))["exception"] is Verdict.MAY_APPLY


def test_no_controlled_items_means_no_licence_route() -> None:
    r = select_routes(default_catalog(), make([("fra-1", "DE")], "DE", [SMALL]), DAY)
    assert r.finding("no_licence").verdict is Verdict.MAY_APPLY
    assert r.finding("veu").verdict is Verdict.NOT_NEEDED and r.headline == "veu_not_needed"


def test_us_sites_are_no_export() -> None:
    v = verdicts(make([("va-1", "US")], "US", [H100]))
    assert v["no_licence"] is Verdict.FITS and v["veu"] is Verdict.NOT_NEEDED


def test_empty_profile_leaves_the_route_open() -> None:
    r = select_routes(default_catalog(), make([], ""), DAY)
    assert r.headline == "veu_open"
    assert r.finding("veu").verdict is Verdict.OPEN and r.finding("no_licence").verdict is Verdict.OPEN


def test_colocation_site_gets_the_facility_questions_and_the_veu_route() -> None:
    # A colocation hall in Malaysia run for a Japanese parent: the route is VEU (or a licence), and the
    # facility section asks per site whether the leased space is the end user's own facility.
    a = make([("jhb-colo", "MY")], "JP", [H100])
    assert verdicts(a)["veu"] is Verdict.FITS
    cat = default_catalog()
    assert cat.requirements["FAC-02"].scope.value == "site"
    assert cat.requirements["FAC-02"].verify and "own facility" in cat.requirements["FAC-02"].guidance.en


def test_the_route_changes_with_the_profile() -> None:
    a = make([("dxb-1", "AE")], "AE", [H100])
    assert verdicts(a)["veu"] is Verdict.FITS
    a.profile.sites = [Site(id="dxb-1", name="x", country="MO")]
    assert verdicts(a)["veu"] is Verdict.EXCLUDED


def test_affiliates_rule_before_and_after_10_nov_2026() -> None:
    a = make([("dxb-1", "AE")], "AE", [H100])
    before = select_routes(default_catalog(), a, dt.date(2026, 11, 9))
    after = select_routes(default_catalog(), a, dt.date(2026, 11, 10))
    assert before.affiliates is Status.SUSPENDED and not before.affiliates_ended
    assert "until 9 Nov 2026" in affiliates_text(before, "en")
    assert after.affiliates_ended and "VERIFY" in affiliates_text(after, "en")
    assert "VERIFY" in affiliates_text(after, "ja")
    in_force = select_routes(default_catalog(), a, dt.date(2025, 10, 15))
    assert in_force.affiliates is Status.IN_FORCE and "in force" in affiliates_text(in_force, "en")


def test_shipped_routes_and_mapping_have_no_problems() -> None:
    assert extras_problems(default_catalog()) == []
    cmap = load_control_map()
    assert "A.8.2" in cmap.text("SECD-01", "en") and "AC" in cmap.text("SECD-01", "en")


def test_check_refuses_an_unknown_control_and_an_unknown_route_source(tmp_path: Path) -> None:
    folder = tmp_path / "forms"
    shutil.copytree(forms_dir(), folder)
    m = folder / "control-mapping.yaml"
    m.write_text(m.read_text(encoding="utf-8").replace("- '8.2'", "- '9.9'", 1), encoding="utf-8")
    r = folder / "routes.yaml"
    r.write_text(r.read_text(encoding="utf-8").replace("sources: [MONDAQ-AIEP-CFP]\n", "sources: [NO-SUCH]\n", 1),
                 encoding="utf-8")
    problems = extras_problems(default_catalog(), folder)
    assert any("'9.9' is not in controls.yaml" in p for p in problems)
    assert any("unknown source 'NO-SUCH'" in p for p in problems)


@pytest.mark.parametrize("rid", ["S8-01", "S8-07", "OWN-08", "OWN-09", "FAC-01", "CUST-01", "CLS-01", "HOSTC-01",
                                 "SECD-01"])
def test_new_requirements_are_in_the_catalog(rid: str) -> None:
    assert rid in default_catalog().requirements
