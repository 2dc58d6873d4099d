"""SIGKILL a process at random moments while it saves a file with large evidence, again and again:
every time, the file on disk must open and equal either the last complete save or the one that was
in progress, never a mix. Trials: VEU_KILL_TRIALS (default 200). Afterwards, one clean save removes
everything the killed saves left behind (temporary files, a backup)."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest

from veu_assess.catalog.loader import Catalog
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.storage import open_document, save_document
from veu_assess.storage.files import STALE_TEMP_AGE
from veu_assess.storage.integrity import integrity_state, verify_evidence

from .helpers import make_document, requirement_ids

TRIALS = int(os.environ.get("VEU_KILL_TRIALS", "200"))
BIG = int(os.environ.get("VEU_KILL_EVIDENCE_BYTES", str(16 << 20)))


def small_evidence(i: int) -> bytes:
    return f"evidence of version {i}\n".encode() * (i % 7 + 1)


def saver(target: Path, folder: Path, log: Path, start: int, rid: str) -> None:
    """Child process: open, change, save, forever; logs 'start i'/'done i' around every save."""
    with log.open("a", encoding="utf-8") as out:
        i = start
        while True:
            doc = open_document(target)  # evidence already saved is raw-copied from the file being replaced
            doc.assessment.title = f"v{i}"
            path = folder / f"small-{i}.txt"
            path.write_bytes(small_evidence(i))
            doc.assessment.set_answer(rid, Answer(state=AnswerState.MET, evidence=[doc.add_evidence_file(path)]))
            out.write(f"start {i}\n")
            out.flush()
            save_document(doc, target)
            out.write(f"done {i}\n")
            out.flush()
            i += 1


def versions_in(log: Path) -> tuple[int, int | None]:
    """(last complete version, version in progress or None)."""
    done, started = 0, None
    for line in log.read_text(encoding="utf-8").splitlines():
        word, _, num = line.partition(" ")
        if word == "done":
            done, started = int(num), None
        elif word == "start":
            started = int(num)
    return done, started


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32" or not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_sigkill_during_saves_never_leaves_a_mix(catalog: Catalog, tmp_path: Path) -> None:
    rng = random.Random(20261128)
    work = tmp_path / "evidence"
    work.mkdir()
    rid = requirement_ids(catalog, 4)[3]
    doc = make_document(catalog, work, sizes=(BIG, 4096), title="v0")
    target = tmp_path / "a.veua"
    save_document(doc, target)
    log = tmp_path / "log.txt"
    log.write_text("done 0\n", encoding="utf-8")
    t0 = time.perf_counter()
    save_document(open_document(target), tmp_path / "timing.veua")
    one_save = time.perf_counter() - t0
    outcomes = {"old": 0, "new": 0}
    left_tmp = left_bak = 0
    for _trial in range(TRIALS):
        done, _ = versions_in(log)
        pid = os.fork()
        if pid == 0:  # child: never return into pytest
            try:
                saver(target, work, log, done + 1, rid)
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0, one_save * 2.5))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        done, started = versions_in(log)
        opened = open_document(target)
        version = int(opened.assessment.title[1:])
        assert version in (done, started), f"file holds v{version}; expected v{done} or v{started}"
        outcomes["new" if version == started else "old"] += 1
        # Not a mix: the answer's evidence is that version's own, and every blob matches its hash.
        ev = opened.assessment.answer(rid).evidence
        if version > 0:
            assert [e.sha256 for e in ev] == [hashlib.sha256(small_evidence(version)).hexdigest()]
        assert verify_evidence(opened) == []
        assert integrity_state(opened).kind.value == "intact"
        # What the killed save left behind stays for the next save to clean up. Its mtime is set back
        # as if the next save came much later: a fresh temporary file could be a live save's.
        left = leftovers(tmp_path)
        left_tmp += any(p.suffix == ".tmp" for p in left)
        left_bak += any(p.suffix == ".bak" for p in left)
        for stale in left:
            past = time.time() - STALE_TEMP_AGE - 60
            os.utime(stale, (past, past))
    print(f"\n{TRIALS} SIGKILL trials (evidence {BIG >> 20} MiB, one save {one_save * 1000:.0f} ms): "
          f"{outcomes['old']} left the old version, {outcomes['new']} the new one; "
          f"{left_tmp} left a temporary file, {left_bak} a backup")
    assert outcomes["old"] + outcomes["new"] == TRIALS
    if TRIALS >= 20:  # most kills land while the temporary file is written
        assert left_tmp > 0
    # One clean save of the same name removes every leftover and leaves only the file itself.
    final = open_document(target)
    final.assessment.title = "final"
    save_document(final, target)
    assert leftovers(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("a.veua", ".a.veua"))) == ["a.veua"]
    assert open_document(target).assessment.title == "final"
    assert (tmp_path / "timing.veua").is_file()  # another name: never touched


def leftovers(folder: Path) -> list[Path]:
    """The temporary files and the backup an interrupted save of a.veua can leave."""
    return sorted([*folder.glob(".a.veua.*.tmp"), *folder.glob("a.veua.bak")])
