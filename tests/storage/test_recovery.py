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
from veu_assess.storage.recovery_copy import copy_evidence

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
    mgr.maybe_autosave()  # the state first, then the copy (on a worker in the app)
    assert mgr.copies_done(doc, copy_evidence(mgr.evidence_to_copy(doc)))
    clock.now += 60
    mgr.maybe_autosave()  # now refers to the copy
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


def test_new_evidence_is_copied_after_the_state_and_off_the_autosave(
        catalog: Catalog, tmp_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> None:
    # The GUI's order: the state first (new evidence referred to by its path), then the copies on
    # a worker (copy_evidence touches files only), recorded by copies_done; the next autosave
    # refers to the copies.
    from veu_assess.storage.recovery_copy import copy_evidence

    doc = make_document(catalog, tmp_path, sizes=(3000, 4000))
    mgr = RecoveryManager(tmp_path / "rec", clock=clock)
    mgr.note_change(doc)
    assert mgr.evidence_to_copy(doc) == []  # no state yet: nothing is copied into an unowned entry
    crashed = subprocess.Popen([sys.executable, "-c", "pass"])  # a process id that is no longer alive
    crashed.wait()
    monkeypatch.setattr(os, "getpid", lambda: crashed.pid)
    assert mgr.maybe_autosave() == 1
    entry = next((tmp_path / "rec").iterdir())
    assert list((entry / "evidence").iterdir()) == []  # nothing copied on the autosave
    copies = mgr.evidence_to_copy(doc)
    assert sorted(c.sha256 for c in copies) == sorted(doc.assessment.evidence_hashes())
    gone = copies[0].source
    gone.rename(gone.with_suffix(".moved"))  # a source that vanished: said, not raised
    outcome = copy_evidence(copies)
    assert [c.sha256 for c in outcome.done] == [copies[1].sha256] and list(outcome.failed) == [copies[0].sha256]
    assert mgr.copies_done(doc, outcome)
    assert mgr.evidence_to_copy(doc) == []  # the failed one is not tried again
    gone.with_suffix(".moved").rename(gone)
    clock.now += 60
    assert mgr.maybe_autosave() == 1  # copies_done marked it due: refer to the copy
    (copies[1].source).unlink()  # the copied original is gone; the other one is still where it was
    after = RecoveryManager(tmp_path / "rec", clock=clock)
    (found,) = after.pending()
    restored = after.restore(found)
    assert restored.assessment == doc.assessment and verify_evidence(restored) == []
    assert {type(s).__name__ for s in restored.evidence.values()} == {"FileSource"}


def test_copies_for_an_entry_removed_meanwhile_are_removed(catalog: Catalog, tmp_path: Path, clock: Clock) -> None:
    from veu_assess.storage.recovery_copy import copy_evidence

    doc = make_document(catalog, tmp_path, sizes=(3000,))
    mgr = RecoveryManager(tmp_path / "rec", clock=clock)
    mgr.note_change(doc)
    mgr.maybe_autosave()
    copies = mgr.evidence_to_copy(doc)
    outcome = copy_evidence(copies)  # finished just as the document was saved or closed
    mgr.close_clean(doc)
    (tmp_path / "rec" / copies[0].target.parent.parent.name / "evidence").mkdir(parents=True)  # a racing rmtree
    copies[0].target.write_bytes(b"copied into the removed entry")
    assert not mgr.copies_done(doc, outcome)
    assert list((tmp_path / "rec").iterdir()) == []
    # A copy never recreates a removed entry, and a stopped one leaves nothing behind.
    outcome = copy_evidence(copies)
    assert outcome.done == [] and outcome.failed == {} and outcome.stopped  # not the file's fault
    assert copy_evidence(copies, stop=lambda: True).stopped


def test_a_folder_without_state_is_no_entry(tmp_path: Path, clock: Clock) -> None:
    # What a crash before the first autosave leaves: removed quietly, never offered as damaged.
    leftover = tmp_path / "rec" / "0123" / "evidence"
    leftover.mkdir(parents=True)
    (leftover / ("ab" * 32)).write_bytes(b"x")
    assert RecoveryManager(tmp_path / "rec", clock=clock).pending() == []
    assert list((tmp_path / "rec").iterdir()) == []


def test_a_file_restored_from_its_path_is_still_copied(catalog: Catalog, tmp_path: Path, clock: Clock,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # A crash before the worker copied the file, a restore (the file read where it was attached
    # from), then the copy must still happen: a second crash must not lose it.
    from veu_assess.storage.recovery_copy import copy_evidence

    doc = make_document(catalog, tmp_path, sizes=(3000,))
    mgr = RecoveryManager(tmp_path / "rec", clock=clock)
    mgr.note_change(doc)
    crashed = subprocess.Popen([sys.executable, "-c", "pass"])  # a process id that is no longer alive
    crashed.wait()
    monkeypatch.setattr(os, "getpid", lambda: crashed.pid)
    mgr.maybe_autosave()  # then the crash, before any copy
    after = RecoveryManager(tmp_path / "rec", clock=clock)
    restored = after.restore(after.pending()[0])
    (copy,) = after.evidence_to_copy(restored)
    assert after.copies_done(restored, copy_evidence([copy]))
    clock.now += 60
    after.maybe_autosave()  # the second crash comes after this
    copy.source.unlink()
    again = RecoveryManager(tmp_path / "rec", clock=clock)
    assert verify_evidence(again.restore(again.pending()[0])) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process identities: /proc (Linux), Windows API")
def test_an_entry_whose_process_id_was_reused_is_offered(catalog: Catalog, tmp_path: Path, clock: Clock,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """After a crash and a reboot the old process id may belong to an unrelated live process: the
    entry records which process wrote it, so the work is still offered."""
    import json

    mine = RecoveryManager(tmp_path / "rec", clock=clock)
    doc = make_document(catalog, tmp_path)
    mine.note_change(doc)
    unrelated = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        monkeypatch.setattr(os, "getpid", lambda: unrelated.pid)
        folder = mine.autosave(doc)
        monkeypatch.undo()
        state_file = folder / "state.json"
        state = json.loads(state_file.read_bytes())
        assert state["pid"] == unrelated.pid and state["pid_identity"].startswith("linux:")
        assert RecoveryManager(tmp_path / "rec", clock=clock).pending() == []  # that process wrote it
        state["pid_identity"] = "linux:an-earlier-boot:12345"  # written before a reboot
        state_file.write_bytes(json.dumps(state).encode())
        assert len(RecoveryManager(tmp_path / "rec", clock=clock).pending()) == 1
    finally:
        unrelated.kill()
        unrelated.wait()
