"""Saving: round trip, same bytes for the same document, raw-copied evidence, failures that leave
the old file intact, backups of migrated originals."""

from __future__ import annotations

import errno
import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import pytest

from veu_assess.catalog.loader import Catalog
from veu_assess.storage import open_document, save_document
from veu_assess.storage import writer as writer_mod
from veu_assess.storage.errors import VeuaError, VeuaIntegrityError
from veu_assess.storage.files import STALE_TEMP_AGE
from veu_assess.storage.integrity import verify_evidence

from .helpers import make_document, read_entries, rezip


def test_round_trip_keeps_everything(catalog: Catalog, tmp_path: Path) -> None:
    doc = make_document(catalog, tmp_path)
    target = tmp_path / "a.veua"
    save_document(doc, target)
    back = open_document(target)
    assert back.assessment == doc.assessment
    assert back.review == doc.review
    assert verify_evidence(back) == []
    assert back.source is not None and back.source.problems == ()


def test_same_document_same_bytes(catalog: Catalog, tmp_path: Path) -> None:
    doc = make_document(catalog, tmp_path)
    save_document(doc, tmp_path / "a.veua")
    save_document(open_document(tmp_path / "a.veua"), tmp_path / "b.veua")
    assert (tmp_path / "a.veua").read_bytes() == (tmp_path / "b.veua").read_bytes()


def test_unchanged_evidence_is_copied_raw_not_recompressed(catalog: Catalog, tmp_path: Path) -> None:
    """A deflated evidence entry written by another tool keeps its exact compressed bytes on save."""
    doc = make_document(catalog, tmp_path, sizes=(50_000,))
    save_document(doc, tmp_path / "a.veua")
    entries = read_entries(tmp_path / "a.veua")
    (tmp_path / "deflated.veua").write_bytes(rezip(entries, compress=zipfile.ZIP_DEFLATED))
    opened = open_document(tmp_path / "deflated.veua")

    def no_file_copies(*args: object) -> None:
        raise AssertionError("evidence already in a .veua must be raw-copied, not streamed again")

    import veu_assess.storage.writer as w
    original = w._copy_file
    w._copy_file = no_file_copies  # type: ignore[assignment]
    try:
        save_document(opened, tmp_path / "b.veua")
    finally:
        w._copy_file = original
    with zipfile.ZipFile(tmp_path / "deflated.veua") as old, zipfile.ZipFile(tmp_path / "b.veua") as new:
        sha = next(iter(opened.evidence))
        a, b = old.getinfo("evidence/" + sha), new.getinfo("evidence/" + sha)
        assert (a.compress_type, a.compress_size, a.CRC) == (b.compress_type, b.compress_size, b.CRC)
        assert new.testzip() is None
    assert verify_evidence(open_document(tmp_path / "b.veua")) == []


def test_evidence_changed_after_attaching_is_refused(catalog: Catalog, tmp_path: Path) -> None:
    doc = make_document(catalog, tmp_path, sizes=(1000,))
    (tmp_path / "evidence-0-0.pdf").write_bytes(b"changed on disk")
    target = tmp_path / "a.veua"
    target.write_bytes(b"old content")
    with pytest.raises(VeuaIntegrityError, match="changed since it was attached"):
        save_document(doc, target)
    assert target.read_bytes() == b"old content"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_missing_evidence_source_is_a_clear_error(catalog: Catalog, tmp_path: Path) -> None:
    doc = make_document(catalog, tmp_path, sizes=(10,))
    doc.evidence.clear()
    with pytest.raises(VeuaError, match="not available"):
        save_document(doc, tmp_path / "a.veua")


@pytest.mark.parametrize("stage", ["write", "fsync", "replace"])
def test_full_disk_leaves_the_old_file(catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       stage: str) -> None:
    target = tmp_path / "a.veua"
    save_document(make_document(catalog, tmp_path, title="old"), target)
    before = target.read_bytes()
    new = make_document(catalog, tmp_path, sizes=(300_000,), title="new", seed=1)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    if stage == "write":
        monkeypatch.setattr(writer_mod, "_copy_file", full)
    elif stage == "fsync":
        monkeypatch.setattr(writer_mod.os, "fsync", full)
    else:
        monkeypatch.setattr(writer_mod.os, "replace", full)
    with pytest.raises(VeuaError, match="No space left"):
        save_document(new, target)
    monkeypatch.undo()
    assert target.read_bytes() == before
    assert open_document(target).assessment.title == "old"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".tmp", ".bak")) == []


def test_backup_is_gone_after_a_complete_save(catalog: Catalog, tmp_path: Path) -> None:
    target = tmp_path / "a.veua"
    doc = make_document(catalog, tmp_path)
    save_document(doc, target)
    doc.assessment.title = "second"
    save_document(doc, target)
    assert sorted(p.name for p in tmp_path.glob("a.veua*")) == ["a.veua"]
    assert open_document(target).assessment.title == "second"


def test_saving_keeps_the_file_mode(catalog: Catalog, tmp_path: Path) -> None:
    target = tmp_path / "a.veua"
    save_document(make_document(catalog, tmp_path), target)
    os.chmod(target, 0o640)
    save_document(open_document(target), target)
    assert target.stat().st_mode & 0o777 == 0o640


def test_save_into_missing_folder_is_a_clear_error(catalog: Catalog, tmp_path: Path) -> None:
    with pytest.raises(VeuaError, match="cannot save"):
        save_document(make_document(catalog, tmp_path), tmp_path / "no" / "such" / "a.veua")


def _leftover(folder: Path, name: str, age: float) -> Path:
    """A temporary file named exactly as a save of ``name`` names it, last modified ``age`` s ago."""
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    os.write(fd, b"half a zip")
    os.close(fd)
    when = time.time() - age
    os.utime(tmp, (when, when))
    return Path(tmp)


OLD = STALE_TEMP_AGE + 60


def test_next_save_removes_what_killed_saves_left(catalog: Catalog, tmp_path: Path) -> None:
    target = tmp_path / "a.veua"
    doc = make_document(catalog, tmp_path)
    save_document(doc, target)
    stale = [_leftover(tmp_path, "a.veua", OLD), _leftover(tmp_path, "a.veua", OLD * 10)]
    os.link(target, tmp_path / "a.veua.bak")  # killed between the backup link and the replace
    live = _leftover(tmp_path, "a.veua", 5)  # another save of a.veua writing right now
    others = [_leftover(tmp_path, "b.veua", OLD), _leftover(tmp_path, "a.veua.x.veua", OLD),
              _leftover(tmp_path, "a.ve", OLD)]
    for name in ("b.veua.bak", "a.veua.v1.bak", ".a.veua.tmp", ".a.veua.notes.tmp", "a.veua.tmp"):
        (tmp_path / name).write_bytes(b"not ours")
    doc.assessment.title = "second"
    save_document(doc, target)
    assert not any(p.exists() for p in stale)
    assert not (tmp_path / "a.veua.bak").exists()
    assert live.exists()
    assert all(p.exists() for p in others)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith((".bak", ".tmp"))
                  and not p.name.startswith(".")) == ["a.veua.tmp", "a.veua.v1.bak", "b.veua.bak"]
    assert (tmp_path / ".a.veua.tmp").exists() and (tmp_path / ".a.veua.notes.tmp").exists()
    assert open_document(target).assessment.title == "second"


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_folder_or_link_with_a_temporary_name_is_left_alone(catalog: Catalog, tmp_path: Path) -> None:
    target = tmp_path / "a.veua"
    folder = tmp_path / ".a.veua.abcd1234.tmp"
    folder.mkdir()
    link = tmp_path / ".a.veua.efgh5678.tmp"
    link.symlink_to(tmp_path / "elsewhere")
    past = time.time() - OLD
    for p in (folder, link):
        os.utime(p, (past, past), follow_symlinks=False)
    save_document(make_document(catalog, tmp_path), target)
    assert folder.is_dir() and link.is_symlink()


def test_stale_backup_goes_even_without_an_old_file(catalog: Catalog, tmp_path: Path) -> None:
    """NAME.bak left by a killed save whose NAME was later removed: the next complete save drops it."""
    (tmp_path / "a.veua.bak").write_bytes(b"an old version")
    save_document(make_document(catalog, tmp_path), tmp_path / "a.veua")
    assert not (tmp_path / "a.veua.bak").exists()


def test_backup_stays_when_the_new_file_does_not_open(catalog: Catalog, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.veua"
    save_document(make_document(catalog, tmp_path, title="old"), target)
    before = target.read_bytes()

    def unreadable(path: Path) -> None:
        raise VeuaError("the file is damaged (simulated)")

    monkeypatch.setattr(writer_mod, "open_document", unreadable)
    with pytest.raises(VeuaError, match=r"does not open again .*previous version is kept as a\.veua\.bak"):
        save_document(make_document(catalog, tmp_path, title="new", seed=1), target)
    monkeypatch.undo()
    assert (tmp_path / "a.veua.bak").read_bytes() == before
    assert open_document(target).assessment.title == "new"  # the replace itself did happen


def test_cleanup_is_best_effort(catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A leftover that cannot be removed (in use on Windows, say) never fails the save."""
    target = tmp_path / "a.veua"
    stale = _leftover(tmp_path, "a.veua", OLD)
    real_unlink = os.unlink

    def busy(path: str | os.PathLike[str], *args: object, **kwargs: object) -> None:
        if Path(path) == stale:
            raise PermissionError(13, "in use", str(path))
        real_unlink(path)

    monkeypatch.setattr(os, "unlink", busy)
    save_document(make_document(catalog, tmp_path), target)
    monkeypatch.undo()
    assert stale.exists() and open_document(target).source is not None


def test_long_repetitive_notes_save_and_open_again(catalog: Catalog, tmp_path: Path) -> None:
    # A 100,000-character note of dashes (the longest the editor keeps) packs several hundred
    # times smaller: the app must open what it wrote, however well its own JSON compresses.
    doc = make_document(catalog, tmp_path)
    for key, answer in list(doc.assessment.answers.items()):
        doc.assessment.set_answer(key, answer.model_copy(update={"notes": "-" * 100_000}))
    path = tmp_path / "dashes.veua"
    save_document(doc, path)
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("assessment.json")
        assert info.file_size > 200 * info.compress_size  # over the ratio limit evidence is held to
    again = open_document(path)
    assert {a.notes for a in again.assessment.answers.values()} == {"-" * 100_000}


@pytest.mark.parametrize("name", ["あ" * 80 + ".veua", "é" * 120 + ".veua", "a" * 250 + ".veua"])
def test_the_longest_names_a_file_system_takes_save_twice(catalog: Catalog, tmp_path: Path, name: str) -> None:
    # 245-255 bytes: the temporary file (.NAME.xxxxxxxx.tmp) and the backup (NAME.bak) of such a
    # name would be longer than 255 bytes; they are shortened, the file keeps its name.
    assert len(name.encode()) <= 255
    path = tmp_path / name
    doc = make_document(catalog, tmp_path)
    save_document(doc, path)
    doc.assessment.title = "second"
    save_document(doc, path)  # with a backup of the first
    assert open_document(path).assessment.title == "second"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("evidence-")) == [name]
