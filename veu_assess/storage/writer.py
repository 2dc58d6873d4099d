"""Write the .veua: a zip of manifest.json, assessment.json, review.json and evidence/<sha256>.

Saving is crash-safe: the new file is written to a temporary file in the target folder, flushed and
fsynced, the old file is kept as a hard-linked backup, then the temporary file replaces the target
and the backup goes once the new file opens. At every instant the target name holds either the
complete old file or the complete new one. What a killed save leaves behind (its ``.NAME.*.tmp``,
a ``NAME.bak``) is removed by the next successful save of the same NAME. Evidence is streamed in
chunks; evidence already inside a .veua is copied as its raw (compressed or stored) bytes, never
decompressed and recompressed. Entries get a fixed timestamp so the same document always gives
the same bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import struct
import zipfile
from pathlib import Path
from typing import IO, Any

from veu_assess import __version__
from veu_assess.bugs import InputError
from veu_assess.model.migrations import current_version
from veu_assess.resources import is_bundled
from veu_assess.storage.digest import CHUNK, canonical_json, content_digest
from veu_assess.storage.document import ArchivePool, Document, FileSource, SourceInfo, ZipSource
from veu_assess.storage.errors import VeuaError, VeuaFormatError, VeuaIntegrityError
from veu_assess.storage.files import atomic_file, fitted_name, fsync_dir
from veu_assess.storage.limits import ASSESSMENT, EVIDENCE_DIR, MANIFEST, REVIEW
from veu_assess.storage.reader import open_document

FORMAT_ID = "veua"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
ZIP64_THRESHOLD = (1 << 31) - 1


def _zinfo(name: str, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = compress
    info.external_attr = 0o644 << 16
    return info


def _json_entry(zf: zipfile.ZipFile, name: str, data: Any) -> str:
    payload = canonical_json(data)
    zf.writestr(_zinfo(name, zipfile.ZIP_DEFLATED), payload)
    return hashlib.sha256(payload).hexdigest()


def _copy_raw(zf: zipfile.ZipFile, name: str, src: ZipSource, pool: ArchivePool) -> None:
    """Copy an entry of another .veua byte for byte (its compressed form, its CRC, its sizes)."""
    zin, fin = pool.archive(src.zip_path), pool.raw(src.zip_path)
    old = zin.getinfo(src.member)
    fin.seek(old.header_offset)
    header = fin.read(30)
    if len(header) != 30 or header[:4] != b"PK\x03\x04":
        raise VeuaFormatError("its local header is damaged", src.member)
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    fin.seek(old.header_offset + 30 + name_len + extra_len)
    new = _zinfo(name, old.compress_type)
    new.CRC, new.compress_size, new.file_size = old.CRC, old.compress_size, old.file_size
    out = zf.fp
    assert out is not None
    new.header_offset = out.tell()
    out.write(new.FileHeader())
    left = old.compress_size
    while left:
        chunk = fin.read(min(CHUNK, left))
        if not chunk:
            raise VeuaFormatError("ends early; the file it comes from is truncated", src.member)
        out.write(chunk)
        left -= len(chunk)
    # Register the entry the way ZipFile.open(..., "w") does when it closes an entry.
    zf.filelist.append(new)
    zf.NameToInfo[name] = new
    zf.start_dir = out.tell()
    zf._didModify = True  # type: ignore[attr-defined]


def _copy_file(zf: zipfile.ZipFile, name: str, sha: str, src: FileSource) -> None:
    """Stream an attached file in, re-hashing it: the operator may have changed it since attaching."""
    try:
        size = src.path.stat().st_size
        info = _zinfo(name, zipfile.ZIP_STORED)  # evidence is mostly compressed already (PDF, images)
        info.file_size = size
        h = hashlib.sha256()
        with src.open() as fin, zf.open(info, "w", force_zip64=size > ZIP64_THRESHOLD) as dst:
            while chunk := fin.read(CHUNK):
                h.update(chunk)
                dst.write(chunk)
    except FileNotFoundError:
        raise VeuaError(f"the evidence file {src.path} is no longer there; attach it again",
                        "evidence") from None
    if h.hexdigest() != sha:
        raise VeuaIntegrityError(f"the evidence file {src.path.name} changed since it was attached; "
                                 "attach it again", "evidence")


def write_zip(doc: Document, fh: IO[bytes]) -> dict[str, Any]:
    """Write the document as a zip into an open binary file; return the manifest written."""
    needed = sorted(doc.assessment.evidence_hashes())
    missing = [h for h in needed if h not in doc.evidence]
    if missing:
        raise VeuaError(f"evidence {missing[0][:12]}… is referenced but its file is not available",
                        "evidence")
    with zipfile.ZipFile(fh, "w") as zf, ArchivePool() as pool:
        entries = {
            ASSESSMENT: _json_entry(zf, ASSESSMENT, doc.assessment.model_dump(mode="json")),
            REVIEW: _json_entry(zf, REVIEW, doc.review.model_dump(mode="json")),
        }
        for sha in needed:
            src = doc.evidence[sha]
            if isinstance(src, ZipSource):
                _copy_raw(zf, EVIDENCE_DIR + sha, src, pool)
            else:
                _copy_file(zf, EVIDENCE_DIR + sha, sha, src)
        manifest = {
            "format": FORMAT_ID,
            "schema_version": current_version(),
            "app_version": __version__,
            "catalog_id": doc.assessment.catalog_id,
            "catalog_version": doc.assessment.catalog_version,
            "content_digest": content_digest(doc.assessment, needed),
            "entries": entries,
            "evidence": needed,
        }
        zf.writestr(_zinfo(MANIFEST, zipfile.ZIP_DEFLATED), canonical_json(manifest))
    return manifest


def migration_backup_path(path: Path, version: int) -> Path:
    """Where the original of a migrated file is kept: ``NAME.veua.v1.bak``."""
    return path.with_name(fitted_name(path.name, after=f".v{version}.bak"))


def save_document(doc: Document, path: Path) -> None:
    """Save atomically (``atomic_file``): a crash, kill or full disk leaves the old file or the new
    one. The old file is linked to ``NAME.bak`` just before the replace and goes only once the new
    file opens again; a migrated file's original is kept as ``NAME.vN.bak``."""
    path = Path(path)
    if is_bundled(path):  # `sample -o` hands this file out: an edit saved over it would spread
        raise VeuaError(f"cannot save over {path.name}: it is the sample that comes with the app; "
                        "save your copy under another name")
    backup = backup_path(path)

    def keep_old() -> None:
        if path.exists():
            _keep_migration_original(doc, path)
            _link_or_copy(path, backup)  # the old version survives until the new one is in place

    try:
        with atomic_file(path, before_replace=keep_old) as fh:
            manifest = write_zip(doc, fh)
    except InputError as exc:  # not a file to save to (a folder, /dev/null, a missing folder)
        raise VeuaError(f"cannot save: {exc}") from None
    except OSError as exc:
        if path.exists():  # the old file is still in place, so its backup is not needed
            backup.unlink(missing_ok=True)
        reason = os.strerror(exc.errno) if exc.errno else exc.strerror or str(exc)
        raise VeuaError(f"cannot save {path.name}: {reason}; "
                        "the previous file is unchanged") from None
    _drop_backup(path, backup, manifest)
    _after_save(doc, path, manifest)


def backup_path(path: Path) -> Path:
    """The previous version, kept while a save replaces ``path``: ``NAME.veua.bak``."""
    return path.with_name(fitted_name(path.name, after=".bak"))


def _drop_backup(path: Path, backup: Path, manifest: dict[str, Any]) -> None:
    """Remove ``NAME.bak`` (this save's, or one an interrupted save left) once the new file opens.

    The backup is the previous version; it goes only when the file now at ``path`` opens as the
    document just written. If it does not, the backup stays and the save is reported as failed.
    """
    if not os.path.lexists(backup):
        return
    problem = _reopen_problem(path, manifest)
    if problem:
        raise VeuaError(f"{path.name} was written but does not open again ({problem}); "
                        f"the previous version is kept as {backup.name}")
    with contextlib.suppress(OSError):  # best effort: a leftover backup costs space, not data
        backup.unlink()


def _reopen_problem(path: Path, manifest: dict[str, Any]) -> str:
    """Why ``path`` does not open as the document whose manifest was just written ("" if it does)."""
    try:
        source = open_document(path).source
    except VeuaError as exc:
        return str(exc)
    if source is None or source.problems:
        return source.problems[0] if source is not None else "no manifest"
    if source.manifest_digest != manifest["content_digest"]:
        return "it holds another document (was it replaced meanwhile?)"
    return ""


def _keep_migration_original(doc: Document, path: Path) -> None:
    """Never overwrite a file of an older schema version without keeping it (first original wins)."""
    src = doc.source
    if src is None or src.migrated_from is None or doc.path is None:
        return
    try:
        same = os.path.samefile(doc.path, path)
    except OSError:
        same = False
    target = migration_backup_path(path, src.migrated_from)
    if same and not target.exists():
        _link_or_copy(path, target)
        fsync_dir(path.parent)


def _link_or_copy(src: Path, dst: Path) -> None:
    dst.unlink(missing_ok=True)
    try:
        os.link(src, dst)  # instant and takes no space
    except OSError:
        shutil.copy2(src, dst)  # file systems without hard links (FAT, some network shares)


def _after_save(doc: Document, path: Path, manifest: dict[str, Any]) -> None:
    doc.path = path
    # From now on evidence is read from the saved file (the operator's originals may move).
    with zipfile.ZipFile(path) as zf:
        doc.evidence = {sha: ZipSource(path, EVIDENCE_DIR + sha, zf.getinfo(EVIDENCE_DIR + sha).compress_type)
                        for sha in manifest["evidence"]}
    doc.source = SourceInfo(schema_version=current_version(), manifest_digest=manifest["content_digest"],
                            opened_digest=manifest["content_digest"])
