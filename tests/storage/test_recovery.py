"""Autosave and recovery with an injected clock: nothing sleeps."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from veu_assess.catalog.loader import Catalog
from veu_assess.storage import open_document, save_document
from veu_assess.storage.integrity import verify_evidence
from veu_assess.storage.recovery import RecoveryManager, default_recovery_dir

from .helpers import attach_bytes, make_document


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def test_default_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("VEU_ASSESS_DATA_DIR", str(tmp_path))
    assert default_recovery_dir() == tmp_path / "recovery"
    monkeypatch.delenv("VEU_ASSESS_DATA_DIR")
    assert default_recovery_dir().parts[-2:] == ("veu-assess", "recovery")


def test_recovery_file_is_at_most_interval_old(catalog: Catalog, tmp_path: Path, clock: Clock) -> None:
    mgr = RecoveryManager(tmp_path / "rec", interval=30, clock=clock)
    doc = make_document(catalog, tmp_path)
    assert mgr.maybe_autosave() == 0  # nothing changed yet
    mgr.note_change(doc)
    assert mgr.next_due() == clock.now
    assert mgr.maybe_autosave() == 1
    doc.assessment.title = "edit 1"
    clock.now += 5
    mgr.note_change(doc)
    assert mgr.maybe_autosave() == 0  # throttled: the last autosave is 5 s old
    assert mgr.next_due() == clock.now + 25
    clock.now += 25
    assert mgr.maybe_autosave() == 1
    other = RecoveryManager(tmp_path / "rec", clock=clock)
    (entry,) = other.pending()
    assert other.restore(entry).assessment.title == "edit 1"


def test_crash_then_restore_with_new_evidence(catalog: Catalog, tmp_path: Path, clock: Clock,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    saved = tmp_path / "a.veua"
    save_document(make_document(catalog, tmp_path, sizes=(3000,)), saved)
    doc = open_document(saved)
    mgr = RecoveryManager(tmp_path / "rec", clock=clock)
    usb = tmp_path / "usb"
    usb.mkdir()
    ref = attach_bytes(doc, usb, "new.pdf", b"attached after the last save")
    rid = list(catalog.requirements)[5]
    doc.assessment.set_answer(rid, doc.assessment.answer(rid).model_copy(update={"evidence": [ref]}))
    mgr.note_change(doc)
    crashed = subprocess.Popen([sys.executable, "-c", "pass"])  # a process id that is no longer alive
    crashed.wait()
    monkeypatch.setattr(os, "getpid", lambda: crashed.pid)
    mgr.maybe_autosave()
    monkeypatch.undo()
    (usb / "new.pdf").unlink()  # the stick is gone, then the app crashes
    after = RecoveryManager(tmp_path / "rec", clock=clock)
    (entry,) = after.pending()
    assert entry.original_path == saved and entry.saved_at is not None and entry.problem == ""
    restored = after.restore(entry)
    assert restored.assessment == doc.assessment and restored.path == saved
    assert verify_evidence(restored) == []
    save_document(restored, saved)
    after.close_clean(restored)
    assert after.pending() == [] and list((tmp_path / "rec").iterdir()) == []
    assert verify_evidence(open_document(saved)) == []


def test_clean_close_and_save_remove_the_file(catalog: Catalog, tmp_path: Path, clock: Clock) -> None:
    mgr = RecoveryManager(tmp_path / "rec", clock=clock)
    doc = make_document(catalog, tmp_path)
    mgr.note_change(doc)
    mgr.autosave(doc)
    assert len(list((tmp_path / "rec").iterdir())) == 1
    mgr.note_saved(doc)
    assert list((tmp_path / "rec").iterdir()) == []
    mgr.note_change(doc)
    mgr.maybe_autosave()
    mgr.close_clean(doc)
    assert list((tmp_path / "rec").iterdir()) == []


def test_live_instances_entries_are_not_offered(catalog: Catalog, tmp_path: Path, clock: Clock,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    mine = RecoveryManager(tmp_path / "rec", clock=clock)
    doc = make_document(catalog, tmp_path)
    mine.note_change(doc)
    other_app = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        monkeypatch.setattr(os, "getpid", lambda: other_app.pid)  # written by another running instance
        mine.maybe_autosave()
        monkeypatch.undo()
        assert mine.pending() == []  # our own entry
        assert RecoveryManager(tmp_path / "rec", clock=clock).pending() == []  # the other one is alive
    finally:
        other_app.kill()
        other_app.wait()
    assert len(RecoveryManager(tmp_path / "rec", clock=clock).pending()) == 1  # it died: offer it


def test_damaged_entries_are_listed_with_a_problem_and_can_be_discarded(tmp_path: Path, clock: Clock) -> None:
    bad = tmp_path / "rec" / "deadbeef"
    bad.mkdir(parents=True)
    (bad / "state.json").write_bytes(b"{not json")
    mgr = RecoveryManager(tmp_path / "rec", clock=clock)
    (entry,) = mgr.pending()
    assert entry.problem and entry.saved_at is None
    with pytest.raises(Exception, match="cannot be restored"):
        mgr.restore(entry)
    mgr.discard(entry)
    assert mgr.pending() == []


def test_new_evidence_can_be_copied_ahead_of_the_autosave(catalog: Catalog, tmp_path: Path, clock: Clock,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # The GUI copies newly attached evidence on a worker (copy_evidence touches files only), then
    # autosaves: the autosave must refer to those copies, not copy again on the GUI thread.
    from veu_assess.storage import recovery as recovery_module
    from veu_assess.storage.recovery import copy_evidence

    doc = make_document(catalog, tmp_path, sizes=(3000, 4000))
    mgr = RecoveryManager(tmp_path / "rec", clock=clock)
    assert mgr.evidence_to_copy(doc) == []  # nothing unsaved yet
    mgr.note_change(doc)
    copies = mgr.evidence_to_copy(doc)
    assert sorted(c.sha256 for c in copies) == sorted(doc.assessment.evidence_hashes())
    gone = copies[0].source
    gone.rename(gone.with_suffix(".moved"))  # a source that vanished is skipped, not an error
    done = copy_evidence(copies)
    assert done == [c.sha256 for c in copies[1:]]
    mgr.mark_copied(doc, done)
    assert [c.sha256 for c in mgr.evidence_to_copy(doc)] == [copies[0].sha256]
    gone.with_suffix(".moved").rename(gone)
    mgr.mark_copied(doc, copy_evidence(mgr.evidence_to_copy(doc)))
    assert mgr.evidence_to_copy(doc) == []

    def no_copy(src: Path, dst: Path) -> None:
        raise AssertionError(f"copied {src} again on the autosave")

    monkeypatch.setattr(recovery_module, "_copy_atomic", no_copy)
    crashed = subprocess.Popen([sys.executable, "-c", "pass"])  # a process id that is no longer alive
    crashed.wait()
    monkeypatch.setattr(os, "getpid", lambda: crashed.pid)
    assert mgr.maybe_autosave() == 1
    monkeypatch.undo()
    for c in copies:
        c.source.unlink()  # the originals are gone: the recovery entry holds the bytes
    after = RecoveryManager(tmp_path / "rec", clock=clock)
    (entry,) = after.pending()
    restored = after.restore(entry)
    assert restored.assessment == doc.assessment and verify_evidence(restored) == []
