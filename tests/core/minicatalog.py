"""A tiny hand-made catalog for scoring tests whose expected figures are computed by hand."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import yaml

from veu_assess.catalog.loader import Catalog, load_catalog
from veu_assess.model.assessment import Answer, AnswerState, Assessment, Profile, Site
from veu_assess.resources import forms_dir


def _text(s: str) -> dict[str, str]:
    return {"en": s, "ja": s + "（日本語）"}


def requirement(rid: str, weight: int, **extra: Any) -> dict[str, Any]:
    req = {
        "id": rid,
        "title": _text(f"Requirement {rid}"),
        "guidance": _text(f"Guidance for {rid}"),
        "citation": "15 CFR 748.15",
        "status": "in_force",
        "importance": "mandatory",
        "weight": weight,
        "typical_evidence": {"en": ["A document"], "ja": ["文書"]},
        "remediation": _text(f"Fix {rid}"),
        "sources": ["FR-2024-22587"],
    }
    req.update(extra)
    req.setdefault("timeline", [{"date": "2024-10-02", "status": req["status"], "sources": ["FR-2024-22587"]}])
    return req


def section(sid: str, order: int, reqs: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    sec = {"id": sid, "order": order, "title": _text(sid), "description": _text(sid), "requirements": reqs}
    sec.update(extra)
    return sec


def write_forms(folder: Path, sections: list[dict[str, Any]]) -> Path:
    (folder / "sections").mkdir(parents=True, exist_ok=True)
    shutil.copy(forms_dir() / "catalog.yaml", folder / "catalog.yaml")
    shutil.copy(forms_dir() / "sources.yaml", folder / "sources.yaml")
    shutil.copy(forms_dir() / "modules.yaml", folder / "modules.yaml")
    for i, sec in enumerate(sections):
        (folder / "sections" / f"{i:02d}.yaml").write_text(yaml.safe_dump(sec, allow_unicode=True), "utf-8")
    return folder


def mini_catalog(folder: Path) -> Catalog:
    """Section A: A-01 (w3, gate), A-02 (w1); section B: B-01 (w2, site), B-02 (w4, visible if
    the applicant sells compute); stretch section S (module stretch-2025): S-01 (w5)."""
    sections = [
        section(
            "A", 1, [requirement("A-01", 3, gate=True), requirement("A-02", 1, importance="recommended")]
        ),
        section(
            "B",
            2,
            [
                requirement("B-01", 2, scope="site"),
                requirement(
                    "B-02", 4, visible_if={"field": "sells_compute_to_third_parties", "equals": True}
                ),
            ],
        ),
        section(
            "S",
            3,
            [requirement("S-01", 5, status="codified_not_enforced")],
            module="stretch-2025",
            visible_if={"module": "stretch-2025"},
        ),
    ]
    return load_catalog(write_forms(folder, sections))


def assessment(catalog: Catalog, answers: dict[str, str], **profile: Any) -> Assessment:
    a = Assessment(
        id="00000000-0000-4000-8000-000000000001",
        catalog_id=catalog.header.catalog_id,
        catalog_version=catalog.version,
        created=dt.date(2026, 1, 1),
        assessment_date=dt.date(2026, 1, 1),
        profile=Profile(**profile),
    )
    for key, state in answers.items():
        just = "Not relevant here" if state == "not_applicable" else ""
        a.answers[key] = Answer(state=AnswerState(state), justification=just)
    return a


TWO_SITES = [Site(id="tokyo", name="Tokyo DC"), Site(id="osaka", name="Osaka DC")]
