"""Pipes and devices where a file is expected: refused at once, never a hang or an endless read,
and never replaced by a save (os.replace would swap the node itself for a regular file)."""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path

import pytest

from veu_assess.catalog.loader import Catalog
from veu_assess.storage import files
from veu_assess.storage.document import Document, new_document
from veu_assess.storage.errors import VeuaError
from veu_assess.storage.files import (
    STALE_TEMP_AGE,
    NotRegularFileError,
    open_regular,
    temp_prefix,
    write_atomic,
)
from veu_assess.storage.recovery_copy import EvidenceCopy, copy_evidence
from veu_assess.storage.veua import open_document, save_document

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev exist on POSIX only")


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.veua"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("name", ["fifo", "/dev/zero", "folder"])
def test_special_files_are_refused_without_blocking(fifo: Path, tmp_path: Path, document: Document,
                                                     name: str) -> None:
    path = {"fifo": fifo, "folder": tmp_path}.get(name, Path(name))
    with pytest.raises(NotRegularFileError):
        open_regular(path)
    with pytest.raises(VeuaError, match=r"not a file|folder"):
        open_document(path)
    with pytest.raises(VeuaError, match=r"only regular files can be evidence|folder"):
        document.add_evidence_file(path)  # a pipe would block the GUI's worker; /dev/zero never ends


def test_saves_and_writes_never_replace_a_pipe(fifo: Path, document: Document) -> None:
    with pytest.raises(VeuaError, match="is a pipe"):
        save_document(document, fifo)
    with pytest.raises(ValueError, match="is a pipe"):
        write_atomic(fifo, b"report")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert [p.name for p in fifo.parent.iterdir()] == [fifo.name]  # no temporary file left


def test_write_atomic_sets_the_mode(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a.pdf", b"x")
    write_atomic(tmp_path / "state.json", b"x", mode=0o600)
    assert stat.S_IMODE(os.stat(tmp_path / "a.pdf").st_mode) == 0o644
    assert stat.S_IMODE(os.stat(tmp_path / "state.json").st_mode) == 0o600


def test_write_atomic_removes_only_stale_temporary_files_of_its_name(tmp_path: Path) -> None:
    """A killed export leaves ``.NAME.xxxxxxxx.tmp``; the next write of NAME removes it if stale."""
    def leftover(name: str, age: float) -> Path:
        fd, tmp = tempfile.mkstemp(prefix=temp_prefix(name), suffix=".tmp", dir=tmp_path)
        os.close(fd)
        when = time.time() - age
        os.utime(tmp, (when, when))
        return Path(tmp)

    old = STALE_TEMP_AGE + 60
    stale, live = leftover("r.pdf", old), leftover("r.pdf", 1)
    other, longer = leftover("r.pdf.csv", old), leftover("r.pdf.x", old)
    write_atomic(tmp_path / "r.pdf", b"report")
    assert not stale.exists()
    assert live.exists() and other.exists() and longer.exists()
    # Names too long for a whole temporary name: shortened, with a hash that keeps them apart.
    long_name, sibling = "n" * 250, "n" * 249 + "m"
    own, others = leftover(long_name, old), leftover(sibling, old)
    write_atomic(tmp_path / long_name, b"x")
    assert not own.exists() and others.exists()
    assert (tmp_path / long_name).read_bytes() == b"x"


def test_derived_names_fit_and_stay_apart() -> None:
    from veu_assess.storage.files import NAME_MAX, fitted_name, temp_prefix

    long_a, long_b = "あ" * 84 + "a.pdf", "あ" * 84 + "b.pdf"
    for name in (long_a, long_b):
        assert len((temp_prefix(name) + "abcdefgh.tmp").encode()) <= NAME_MAX
        assert len(fitted_name(name, after=".bak").encode()) <= NAME_MAX
    assert temp_prefix(long_a) != temp_prefix(long_b)  # stale-file cleanup never takes another's
    assert temp_prefix("report.pdf") == ".report.pdf."  # short names as before


@pytest.mark.parametrize("write", ["export", "save", "recovery copy"])
def test_every_atomic_write_fsyncs_the_file_then_the_folder_after_the_replace(
        write: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalog: Catalog) -> None:
    """One writer for exports, saves and recovery copies: the folder is fsynced after the rename
    (without it a power loss can undo the rename that a fsynced file alone does not make durable)."""
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(files.os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(files.os, "replace", lambda a, b: (events.append("replace"), real_replace(a, b))[1])
    monkeypatch.setattr(files, "fsync_dir", lambda folder: events.append(f"fsync_dir {folder}"))
    target = tmp_path / "out.bin"
    if write == "export":
        write_atomic(target, b"data")
    elif write == "save":
        save_document(new_document(catalog), target)
    else:
        source = tmp_path / "evidence.pdf"
        source.write_bytes(b"%PDF")
        copy_evidence([EvidenceCopy("0" * 64, source, target)])
    assert events[-3:] == ["fsync", "replace", f"fsync_dir {tmp_path}"], events
    assert target.exists()
