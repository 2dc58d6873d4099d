"""Property: after any edits, the items listed as changed since the sign-off are exactly the
answer keys whose answer differs from the signed one, with the right kind; the verdicts called
stale are exactly those on such keys; and with no net edit nothing is listed."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veu_assess.catalog.loader import default_catalog
from veu_assess.engine.visibility import visible_items
from veu_assess.model.assessment import Answer, AnswerState, EvidenceRef
from veu_assess.review import ChangeKind, changes_since_signoff, record_verdict, sign_off, stale_keys
from veu_assess.storage.document import new_document

CATALOG = default_catalog()
KEYS = [it.key for it in visible_items(CATALOG, new_document(CATALOG).assessment) if it.site_id is None][:8]
STATES = [s for s in AnswerState if s is not AnswerState.NOT_APPLICABLE]

answers = st.builds(
    Answer,
    state=st.sampled_from(STATES),
    notes=st.sampled_from(["", "note", "ノート"]),
    owner=st.sampled_from(["", "Ops"]),
    marked_for_review=st.booleans(),
    evidence=st.lists(st.builds(EvidenceRef, sha256=st.sampled_from(["a" * 64, "b" * 64]),
                                filename=st.sampled_from(["a.pdf", "b.pdf"]), size=st.just(1)), max_size=2),
)
states = st.dictionaries(st.sampled_from(KEYS), answers, max_size=len(KEYS))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=states, after=states, judged=st.sets(st.sampled_from(KEYS)))
def test_changed_items_are_exactly_the_differing_answers(before: dict[str, Answer], after: dict[str, Answer],
                                                         judged: set[str]) -> None:
    doc = new_document(CATALOG, today=dt.date(2026, 11, 28))
    for key, answer in before.items():
        doc.assessment.set_answer(key, answer)
    for key in judged:
        record_verdict(doc, key, "accepted")
    sign_off(doc, "Auditor", date=dt.date(2026, 12, 1))
    doc.assessment.answers = {}
    for key, answer in after.items():
        doc.assessment.set_answer(key, answer)

    def now(key: str) -> Answer:
        return doc.assessment.answers.get(key, Answer())

    def then(key: str) -> Answer:
        return before.get(key, Answer())

    differing = sorted(k for k in KEYS if now(k) != then(k))
    changes = changes_since_signoff(doc)
    assert changes is not None and changes.items_known and not changes.other_changed
    assert changes.keys == differing
    assert changes.content_changed == bool(differing)
    for change in changes.items:
        blank_then, blank_now = then(change.key).is_blank(), now(change.key).is_blank()
        expected = ChangeKind.ANSWERED if blank_then else ChangeKind.CLEARED if blank_now else ChangeKind.CHANGED
        assert change.kind is expected
    assert stale_keys(doc) == sorted(k for k in judged if k in differing)
