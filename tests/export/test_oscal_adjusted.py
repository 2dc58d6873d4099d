"""The OSCAL assessment results carry the auditor-adjusted readiness as an observation of its own,
beside the operator's result (never replacing it), and the sign-off attestations say which items
changed since; stale verdicts are marked."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.fixtures.oscal.support import errors
from veu_assess.catalog.loader import Catalog
from veu_assess.engine.scoring import evaluate
from veu_assess.export.oscal import build_assessment_results
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.model.review import SignOff
from veu_assess.review import adjusted_result, record_verdict, sign_off
from veu_assess.storage.document import Document

TITLE = "Auditor-adjusted readiness"


def _result(doc: Document, catalog: Catalog, lang: str = "en") -> dict[str, Any]:
    ar = build_assessment_results(doc, catalog, lang)
    assert errors("ar", ar) == []
    result: dict[str, Any] = ar["assessment-results"]["results"][0]
    return result


def _props(obj: dict[str, Any]) -> dict[str, str]:
    return {p["name"]: p["value"] for p in obj.get("props", [])}


def _all_met(catalog: Catalog, document: Document) -> Document:
    for it in evaluate(catalog, document.assessment).items:
        document.assessment.answers[it.key] = Answer(state=AnswerState.MET)
    return document


def test_the_adjusted_readiness_is_an_observation_beside_the_operators(catalog: Catalog,
                                                                         document: Document) -> None:
    doc = _all_met(catalog, document)
    plain = _result(doc, catalog)
    assert not [o for o in plain["observations"] if o["title"] == TITLE]
    gate = next(it for it in evaluate(catalog, doc.assessment).items if it.requirement.gate)
    record_verdict(doc, gate.key, "rejected", comment="Not signed", adjusted_state="not_met",
                   reviewer="Aiko Tanaka", date=dt.date(2026, 12, 2))
    adjusted = adjusted_result(catalog, doc)
    assert adjusted is not None and adjusted.level != evaluate(catalog, doc.assessment).level
    for lang in ("en", "ja"):
        result = _result(doc, catalog, lang)
        # The result itself stays the operator's.
        assert _props(result)["readiness-level"] == _props(plain)["readiness-level"]
        assert result["description"] == plain["description"]
        [obs] = [o for o in result["observations"] if o["title"] == TITLE]
        props = _props(obs)
        assert props["adjusted-readiness-level"] == adjusted.level.value
        assert props["operator-readiness-level"] == _props(plain)["readiness-level"]
        assert props["adjusted-gates-failed"] == "1" and props["adjusted-items"] == "1"
        assert gate.key in obs["description"] and "never instead of it" in obs["description"]
        assert obs["collected"].startswith("2026-12-02")
        [actor] = obs["origins"][0]["actors"]
        assert actor["role-id"] == "assessor" and actor["type"] == "party"
        parties = {p["uuid"]: p["name"] for p in build_assessment_results(doc, catalog)["assessment-results"][
            "metadata"]["parties"]}
        assert parties[actor["actor-uuid"]] == "Aiko Tanaka"


def test_attestations_say_which_items_changed_and_verdicts_go_stale(catalog: Catalog, document: Document) -> None:
    doc = _all_met(catalog, document)
    keys = sorted(doc.assessment.answers)[:2]
    record_verdict(doc, keys[0], "accepted", reviewer="Aiko Tanaka", date=dt.date(2026, 12, 2))
    doc.review.signoffs = [SignOff(name="Old Auditor", date=dt.date(2026, 11, 1), digest=doc.digest())]
    sign_off(doc, "Aiko Tanaka", date=dt.date(2026, 12, 3))
    doc.assessment.answers[keys[0]] = Answer(state=AnswerState.NOT_MET)
    result = _result(doc, catalog)
    old, new = (a["parts"][0] for a in result["attestations"])
    assert _props(old)["items-changed-known"] == "false" and "items-changed" not in _props(old)
    assert "cannot be determined" in old["prose"]
    assert (_props(new)["items-changed-known"], _props(new)["items-changed"]) == ("true", "1")
    assert keys[0] in new["prose"]
    stale = [o for o in result["observations"] if _props(o).get("verdict-stale") == "true"]
    assert [_props(o)["requirement-id"] for o in stale] == [keys[0].split("@")[0]]
