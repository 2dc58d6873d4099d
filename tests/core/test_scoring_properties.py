"""Property tests: scores stay in range and a met answer never lowers a score (real catalog)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veu_assess.catalog.loader import Catalog, default_catalog
from veu_assess.engine.scoring import evaluate
from veu_assess.engine.visibility import visible_items
from veu_assess.model.assessment import Answer, AnswerState, Assessment, Profile, Site

CATALOG: Catalog = default_catalog()
STATES = list(AnswerState)


@st.composite
def blank_assessments(draw: st.DrawFn, number: int = 2) -> Assessment:
    """Any profile the catalog's questions can see (countries, flags, modules, 0-3 sites), no answers."""
    countries = sorted(CATALOG.country_codes()) or ["JP"]
    n_sites = draw(st.integers(0, 3))
    profile = Profile(
        destination_country=draw(st.sampled_from(["", *countries])),
        parent_hq_country=draw(st.sampled_from(["", *countries])),
        sells_compute_to_third_parties=draw(st.sampled_from([None, True, False])),
        hosts_model_training=draw(st.sampled_from([None, True, False])),
        has_government_ownership=draw(st.sampled_from([None, True, False])),
        modules=draw(st.lists(st.sampled_from([m.id for m in CATALOG.header.modules] or ["x"]), unique=True)),
        sites=[Site(id=f"s{i}", name=f"Site {i}") for i in range(n_sites)],
    )
    return Assessment(
        id=f"00000000-0000-4000-8000-{number:012d}",
        catalog_id=CATALOG.header.catalog_id,
        catalog_version=CATALOG.version,
        created=dt.date(2026, 1, 1),
        assessment_date=dt.date(2026, 1, 1),
        profile=profile,
    )


@st.composite
def assessments(draw: st.DrawFn) -> Assessment:
    a = draw(blank_assessments())
    for it in visible_items(CATALOG, a):
        state = draw(st.sampled_from(STATES))
        just = "justified" if state is AnswerState.NOT_APPLICABLE else ""
        a.set_answer(it.requirement.id, Answer(state=state, justification=just), it.site_id)
    return a


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(assessments())
def test_scores_stay_in_range(a: Assessment) -> None:
    r = evaluate(CATALOG, a)
    assert r.score is None or 0.0 <= r.score <= 100.0
    assert 0 <= r.answered <= r.total
    for s in r.sections:
        assert s.score is None or 0.0 <= s.score <= 100.0
    assert [g.rank for g in r.gaps] == list(range(1, len(r.gaps) + 1))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(assessments(), st.data())
def test_a_met_answer_never_lowers_a_score(a: Assessment, data: st.DataObject) -> None:
    items = visible_items(CATALOG, a)
    it = data.draw(st.sampled_from(items))
    before = evaluate(CATALOG, a)
    a.set_answer(it.requirement.id, Answer(state=AnswerState.MET), it.site_id)
    after = evaluate(CATALOG, a)
    assert after.score is not None
    assert before.score is None or after.score >= before.score - 1e-9
    for b, c in zip(before.sections, after.sections, strict=True):
        if b.score is not None:
            assert c.score is not None and c.score >= b.score - 1e-9
    assert len(after.gates_failed) <= len(before.gates_failed)
