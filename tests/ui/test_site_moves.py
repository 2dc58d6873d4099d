"""Per-site answers follow their site: the first site added takes answers given before any site
existed, and renaming a site's id moves its answers and inventory; both undo as one step."""

from __future__ import annotations

from typing import Any

from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import Scope
from veu_assess.model.assessment import Accelerator, Answer, AnswerState, Site
from veu_assess.storage.document import new_document
from veu_assess.ui.session import Session


def _site_requirement(catalog: Catalog) -> str:
    return next(r.id for _, r in catalog.iter_requirements() if r.scope is Scope.SITE)


def test_first_site_takes_answers_given_before_any_site(qtbot: Any, catalog: Catalog) -> None:
    session = Session(catalog, new_document(catalog))
    rid = _site_requirement(catalog)
    session.set_answer(rid, Answer(state=AnswerState.MET, notes="before sites"))
    profile = session.document.assessment.profile
    session.set_profile(profile.model_copy(update={"sites": [Site(id="osaka-1", name="Osaka", country="JP")]}))
    answers = session.document.assessment.answers
    assert rid not in answers and answers[f"{rid}@osaka-1"].notes == "before sites"
    assert any(it.key == f"{rid}@osaka-1" for it in session.result.items)
    session.undo_stack.undo()
    assert session.document.assessment.answers[rid].notes == "before sites"
    assert not session.document.assessment.profile.sites


def test_site_rename_moves_answers_and_inventory(qtbot: Any, catalog: Catalog) -> None:
    session = Session(catalog, new_document(catalog))
    rid = _site_requirement(catalog)
    profile = session.document.assessment.profile
    session.set_profile(profile.model_copy(update={"sites": [Site(id="hq", name="HQ", country="JP")]}))
    session.set_answer(f"{rid}@hq", Answer(state=AnswerState.NOT_MET))
    line = Accelerator(model="H100", count=8, tops=1979, bits=8, die_area_mm2=814)
    session.set_inventory("hq", [line])
    changed: list[str] = []
    session.answerChanged.connect(changed.append)
    renamed = session.document.assessment.profile.model_copy(
        update={"sites": [Site(id="tokyo-1", name="HQ", country="JP")]}
    )
    session.set_profile(renamed)
    a = session.document.assessment
    assert f"{rid}@hq" not in a.answers and a.answers[f"{rid}@tokyo-1"].state is AnswerState.NOT_MET
    assert "hq" not in a.inventory and a.inventory["tokyo-1"] == [line]
    assert f"{rid}@tokyo-1" in changed  # open editors re-read their answer
    session.undo_stack.undo()
    a = session.document.assessment
    assert a.answers[f"{rid}@hq"].state is AnswerState.NOT_MET and a.inventory["hq"] == [line]
    assert f"{rid}@tokyo-1" not in a.answers
