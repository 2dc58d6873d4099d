"""Files with many evidence entries: one pass opens each .veua once, and small entries add up.

A ``ZipFile`` parses the whole directory when it is built, so a pass that built one per entry
cost n² (10 000 tiny entries: five minutes to validate). These tests count how often the archive
is opened, which fails if a pass goes back to one archive per entry.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from veu_assess.catalog.loader import Catalog
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.storage import open_document, save_document
from veu_assess.storage.errors import VeuaLimitError
from veu_assess.storage.evidence import extract_evidence
from veu_assess.storage.integrity import verify_evidence
from veu_assess.storage.limits import Limits

from .helpers import TODAY, attach_bytes, read_entries, requirement_ids, rezip

ENTRIES = 300


@pytest.fixture
def many(catalog: Catalog, tmp_path: Path) -> Path:
    """A saved file whose first requirement cites ``ENTRIES`` small evidence files."""
    from veu_assess.storage.document import new_document

    doc = new_document(catalog, today=TODAY)
    src = tmp_path / "src"
    src.mkdir()
    refs = [attach_bytes(doc, src, f"e{i}.txt", f"evidence number {i}\n".encode()) for i in range(ENTRIES)]
    rid = requirement_ids(catalog, 1)[0]
    doc.assessment.set_answer(rid, Answer(state=AnswerState.MET, evidence=refs))
    target = tmp_path / "many.veua"
    save_document(doc, target)
    return target


def count_archives(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Record every ZipFile opened for reading from here on."""
    opened: list[object] = []
    real_init = zipfile.ZipFile.__init__

    def counting(self: zipfile.ZipFile, file: object, mode: str = "r", *args: object, **kw: object) -> None:
        if mode == "r":
            opened.append(file)
        real_init(self, file, mode, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "__init__", counting)
    return opened


def test_verify_opens_the_file_once(many: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = open_document(many)
    opened = count_archives(monkeypatch)
    assert verify_evidence(doc) == []
    assert len(opened) == 1


def test_resave_copies_every_entry_opening_the_source_once(many: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    doc = open_document(many)
    opened = count_archives(monkeypatch)
    out = tmp_path / "copy.veua"
    save_document(doc, out)
    # one read of the source for the whole copy, then the reopen check and the evidence map
    reads_of_source = [f for f in opened if Path(str(f)) == many]
    assert len(reads_of_source) == 1, opened
    monkeypatch.undo()
    assert read_entries(out).keys() == read_entries(many).keys()
    assert verify_evidence(open_document(out)) == []


def test_extract_still_works_without_a_pass(many: Path, tmp_path: Path) -> None:
    doc = open_document(many)
    sha = sorted(doc.evidence)[0]
    path = extract_evidence(doc, sha, tmp_path)
    assert path.read_bytes().startswith(b"evidence number ")


def test_many_small_entries_that_add_up_to_a_bomb_are_refused(many: Path, tmp_path: Path) -> None:
    # Each entry stays under the per-entry ratio floor (64 KiB), so only the whole-file ratio can
    # catch them. Zip headers cap such a file near 200:1 (each entry's name is 73 bytes twice), so
    # the test holds it to a lower limit to show the whole-file check is what refuses it.
    entries = read_entries(many)
    kept = {n: d for n, d in entries.items() if not n.startswith("evidence/")}
    for i in range(100):
        kept[f"evidence/{i:064x}"] = b"\0" * (60 * 1024)
    bomb = tmp_path / "small-bomb.veua"
    bomb.write_bytes(rezip(kept))
    with pytest.raises(VeuaLimitError, match="zip bomb") as info:
        open_document(bomb, Limits(max_ratio=100))
    assert str(info.value).startswith("zip:")


def test_a_mid_sized_entry_is_held_to_the_ratio(many: Path, tmp_path: Path) -> None:
    entries = read_entries(many)
    sha = next(n for n in entries if n.startswith("evidence/"))
    entries[sha] = b"\0" * (512 * 1024)  # under the old 1 MiB floor, ~500 times smaller packed
    bad = tmp_path / "mid.veua"
    bad.write_bytes(rezip(entries))
    with pytest.raises(VeuaLimitError, match="zip bomb") as info:
        open_document(bad)
    assert sha in str(info.value)


def test_verify_stops_at_the_recorded_size(catalog: Catalog, tmp_path: Path) -> None:
    from veu_assess.storage.document import new_document

    doc = new_document(catalog, today=TODAY)
    ref = attach_bytes(doc, tmp_path, "a.bin", b"x" * 5000)
    rid = requirement_ids(catalog, 1)[0]
    doc.assessment.set_answer(rid, Answer(state=AnswerState.MET,
                                          evidence=[ref.model_copy(update={"size": 100})]))
    problems = verify_evidence(doc)
    assert [p.requirements for p in problems] == [(rid,)]
    assert "longer than the 100 bytes recorded" in problems[0].problem
