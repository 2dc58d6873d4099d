"""Tamper evidence (digest, sign-off, modified by another program), evidence verification by
requirement id, and extraction that never writes outside the chosen folder."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veu_assess.catalog.loader import Catalog
from veu_assess.model.review import SignOff
from veu_assess.storage import open_document, save_document
from veu_assess.storage.errors import VeuaIntegrityError
from veu_assess.storage.evidence import extract_evidence, safe_filename
from veu_assess.storage.integrity import IntegrityKind, changed_since, integrity_state, verify_evidence

from .helpers import attach_bytes, make_document, read_entries, replace_json, rezip


@pytest.fixture
def saved(catalog: Catalog, tmp_path: Path) -> Path:
    target = tmp_path / "a.veua"
    save_document(make_document(catalog, tmp_path, sizes=(4000, 9000)), target)
    return target


def test_digest_and_changed_since(saved: Path) -> None:
    doc = open_document(saved)
    digest = doc.digest()
    assert not changed_since(doc, digest)
    doc.review.signoffs.append(SignOff(name="Auditor", date=dt.date(2026, 12, 1), digest=digest))
    assert doc.digest() == digest  # the review is not part of the content
    assert integrity_state(doc).kind is IntegrityKind.INTACT
    doc.assessment.title = "changed"
    assert changed_since(doc, digest)
    state = integrity_state(doc)
    assert state.kind is IntegrityKind.CHANGED_AFTER_SIGNOFF
    assert str(state) == "changed after sign-off on 2026-12-01"


def test_signoff_survives_save_and_reopen(saved: Path) -> None:
    doc = open_document(saved)
    doc.review.signoffs.append(SignOff(name="Auditor", date=dt.date(2026, 12, 1), digest=doc.digest()))
    save_document(doc, saved)
    assert integrity_state(open_document(saved)).kind is IntegrityKind.INTACT


def test_json_edited_by_another_program_is_detected(saved: Path, tmp_path: Path) -> None:
    raw = json.loads(read_entries(saved)["assessment.json"])
    raw["title"] = "quietly changed"
    doc = open_document(replace_json(saved, "assessment.json", raw, tmp_path / "b.veua"))
    state = integrity_state(doc)
    assert state.kind is IntegrityKind.MODIFIED and "assessment.json" in state.detail


def test_replaced_evidence_is_reported_by_requirement(saved: Path, tmp_path: Path) -> None:
    entries = read_entries(saved)
    doc = open_document(saved)
    sha = sorted(doc.evidence)[0]
    entries["evidence/" + sha] = b"forged" + entries["evidence/" + sha][6:]
    (tmp_path / "f.veua").write_bytes(rezip(entries))
    forged = open_document(tmp_path / "f.veua")  # opening stays fast: no hashing here
    assert integrity_state(forged).kind is IntegrityKind.INTACT
    problems = verify_evidence(forged)
    citing = [k for k, a in forged.assessment.answers.items() if any(e.sha256 == sha for e in a.evidence)]
    assert [(p.sha256, list(p.requirements)) for p in problems] == [(sha, citing)]
    assert citing[0] in str(problems[0])
    assert integrity_state(forged, problems).kind is IntegrityKind.MODIFIED
    (tmp_path / "out").mkdir()
    with pytest.raises(VeuaIntegrityError):
        extract_evidence(forged, sha, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_extract_with_japanese_and_hostile_names(catalog: Catalog, tmp_path: Path) -> None:
    doc = make_document(catalog, tmp_path, sizes=())
    rid = next(iter(catalog.requirements))
    refs = [attach_bytes(doc, tmp_path, f"f{i}", data) for i, data in enumerate([b"one", b"two", b"three"])]
    names = ["輸出管理規程.pdf", "../../etc/passwd", "C:\\Windows\\evil.exe"]
    refs = [r.model_copy(update={"filename": n}) for r, n in zip(refs, names, strict=True)]
    doc.assessment.set_answer(rid, doc.assessment.answer(rid).model_copy(update={"evidence": refs}))
    save_document(doc, tmp_path / "x.veua")
    doc = open_document(tmp_path / "x.veua")
    out = tmp_path / "view"
    out.mkdir()
    got = [extract_evidence(doc, r.sha256, out) for r in refs]
    assert [p.name for p in got] == ["輸出管理規程.pdf", "passwd", "evil.exe"]
    assert all(p.parent == out.resolve() for p in got)
    assert got[0].read_bytes() == b"one"
    assert sorted(p.name for p in tmp_path.rglob("passwd")) == ["passwd"]


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=300))
def test_safe_filename_is_always_one_safe_name(name: str) -> None:
    safe = safe_filename(name, "fallback")
    assert safe and "/" not in safe and "\\" not in safe and safe not in (".", "..")
    assert not any(ord(c) < 32 for c in safe) and ":" not in safe
    assert len(safe.encode("utf-8")) <= 200
    assert safe.upper().split(".")[0] not in ("CON", "NUL", "PRN", "AUX")
