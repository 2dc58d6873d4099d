"""Review mode cannot alter answers, checked through the saved file.

Open the sample, record verdicts, sign off, save, reopen: the assessment.json entry is
byte-identical and the digest unchanged. Then the operator edits an answer and saves: the
sign-off reads "changed after sign-off on DATE", and the file's integrity state says the same.
"""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.visibility import visible_items
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.resources import sample_path
from veu_assess.review import record_verdict, sign_off, signoff_status
from veu_assess.storage.integrity import IntegrityKind, integrity_state
from veu_assess.storage.veua import ASSESSMENT, open_document, save_document

SIGNED = dt.date(2026, 12, 2)


def entry(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name)


def test_review_round_trip_keeps_answers_then_detects_a_later_edit(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "operator.veua"
    shutil.copy(sample_path(), path)
    original_part = entry(path, ASSESSMENT)
    doc = open_document(path)
    digest = doc.digest()

    keys = [it.key for it in visible_items(catalog, doc.assessment)]
    record_verdict(doc, keys[0], "accepted", reviewer="Ken Auditor", date=SIGNED, catalog=catalog)
    record_verdict(doc, keys[1], "rejected", comment="証跡が古い", adjusted_state="not_met", catalog=catalog)
    record_verdict(doc, keys[2], "needs_info", comment="Send the visitor log", catalog=catalog)
    sign_off(doc, "Ken Auditor", "Audit LLP", "Lead auditor", "auditor", SIGNED, "Reviewed every answer.")
    save_document(doc, path)

    assert entry(path, ASSESSMENT) == original_part
    reviewed = open_document(path)
    assert reviewed.digest() == digest
    assert reviewed.review.verdicts[keys[1]].comment == "証跡が古い"
    assert [str(s) for s in signoff_status(reviewed)] == ["intact"]
    assert integrity_state(reviewed).kind is IntegrityKind.INTACT

    # the operator changes one answer afterwards
    old = reviewed.assessment.answers.get(keys[0], Answer())
    new_state = AnswerState.NOT_MET if old.state is not AnswerState.NOT_MET else AnswerState.MET
    reviewed.assessment.answers[keys[0]] = old.model_copy(update={"state": new_state})
    save_document(reviewed, path)

    edited = open_document(path)
    assert entry(path, ASSESSMENT) != original_part
    [status] = signoff_status(edited)
    assert status.changed and str(status) == "changed after sign-off on 2026-12-02"
    assert str(integrity_state(edited)) == "changed after sign-off on 2026-12-02"
