"""OSCAL exports mark each optional module's findings and POA&M items with the module id."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from veu_assess.cli.main import run
from veu_assess.resources import sample_path


def _export(kind: str, tmp_path: Path) -> Any:
    out = tmp_path / f"{kind}.json"
    assert run(["export", "--format", kind, str(sample_path()), "-o", str(out)]) == 0
    return json.loads(out.read_text("utf-8"))


def _by_requirement(doc: Any, key: str) -> list[list[dict[str, str]]]:
    """The prop lists (of findings or POA&M items) that carry requirement-id ``key``."""
    out = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            names = {p["name"]: p["value"] for p in node.get("props", []) if "name" in p}
            if names.get("requirement-id") == key:
                out.append(node["props"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(doc)
    return out


def _named(props: list[dict[str, str]]) -> dict[str, str]:
    return {p["name"]: p["value"] for p in props}


def test_findings_and_poam_items_carry_the_module_id(tmp_path: Path) -> None:
    ar, poam = _export("oscal-ar", tmp_path), _export("oscal-poam", tmp_path)
    for doc in (ar, poam):
        japan = _by_requirement(doc, "JP-02")  # partially met in the sample: a finding and a gap
        assert japan and all(_named(p).get("module-id") == "japan-overlay" for p in japan)
        assert all(_named(p).get("in-veu-score") == "false" for p in japan)
        aix = _by_requirement(doc, "AIX-04")
        assert aix and all(_named(p).get("module-id") == "ai-exports" for p in aix)
        veu = _by_requirement(doc, "ELIG-03")
        assert veu and all("module-id" not in _named(p) and _named(p)["in-veu-score"] == "true" for p in veu)
