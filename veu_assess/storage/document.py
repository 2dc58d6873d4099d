"""An open assessment document: the assessment, the review part, and where each evidence blob is.

Evidence is never held in memory: the store maps each SHA-256 to a source (a file on disk the
operator attached, or an entry of the .veua it was opened from) and streams from it when saving
or extracting.
"""

from __future__ import annotations

import datetime as dt
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, cast

from veu_assess.model.assessment import Assessment, EvidenceRef
from veu_assess.model.review import Review
from veu_assess.storage.digest import content_digest, sha256_stream
from veu_assess.storage.errors import VeuaError
from veu_assess.storage.files import NotRegularFileError, open_regular

if TYPE_CHECKING:  # only a type here: opening and validating a file needs no catalog
    from veu_assess.catalog.loader import Catalog


class ArchivePool:
    """The .veua files one pass over many evidence entries reads, each opened once.

    Building a ``ZipFile`` parses the file's whole directory, so opening one per entry made a pass
    over n entries cost n² (10 000 small entries: five minutes to verify). A pass (verifying,
    saving) opens its archives here and closes them all at the end.
    """

    def __init__(self) -> None:
        self._archives: dict[Path, zipfile.ZipFile] = {}
        self._raw: dict[Path, IO[bytes]] = {}

    def archive(self, path: Path) -> zipfile.ZipFile:
        if path not in self._archives:
            self._archives[path] = zipfile.ZipFile(path)
        return self._archives[path]

    def raw(self, path: Path) -> IO[bytes]:
        """The file itself, for copying an entry's bytes unchanged."""
        if path not in self._raw:
            self._raw[path] = path.open("rb")
        return self._raw[path]

    def close(self) -> None:
        for zf in self._archives.values():
            zf.close()
        for fh in self._raw.values():
            fh.close()
        self._archives.clear()
        self._raw.clear()

    def __enter__(self) -> ArchivePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass(frozen=True)
class FileSource:
    path: Path

    def open(self, pool: ArchivePool | None = None) -> IO[bytes]:
        return self.path.open("rb")


@dataclass(frozen=True)
class ZipSource:
    """An evidence entry inside a .veua; ``compress_type`` lets a save copy it unchanged."""

    zip_path: Path
    member: str
    compress_type: int = zipfile.ZIP_STORED

    def open(self, pool: ArchivePool | None = None) -> IO[bytes]:
        if pool is not None:
            return pool.archive(self.zip_path).open(self.member)
        zf = zipfile.ZipFile(self.zip_path)  # a fresh handle: sources outlive the reader
        try:
            inner = zf.open(self.member)
        except Exception:
            zf.close()
            raise
        return cast(IO[bytes], _ClosingStream(inner, zf))  # duck-typed: read/close/context


class _ClosingStream:
    """A zip member stream that closes its archive too."""

    def __init__(self, inner: IO[bytes], archive: zipfile.ZipFile) -> None:
        self._inner, self._archive = inner, archive

    def read(self, n: int = -1) -> bytes:
        return self._inner.read(n)

    def close(self) -> None:
        self._inner.close()
        self._archive.close()

    def __enter__(self) -> _ClosingStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


EvidenceSource = FileSource | ZipSource


@dataclass(frozen=True)
class SourceInfo:
    """What the reader learnt about the file a document was opened from (for integrity checks).

    ``problems`` lists hashes in the manifest that no longer match the content (the file was
    changed by another program); ``migrated_from`` is the file's schema version when it was older.
    """

    schema_version: int
    manifest_digest: str | None
    opened_digest: str
    problems: tuple[str, ...] = ()
    migrated_from: int | None = None


@dataclass
class Document:
    assessment: Assessment
    review: Review = field(default_factory=Review)
    evidence: dict[str, EvidenceSource] = field(default_factory=dict)
    path: Path | None = None
    source: SourceInfo | None = None

    def digest(self) -> str:
        return content_digest(self.assessment)

    def add_evidence_file(self, path: Path) -> EvidenceRef:
        """Hash a file (streamed) and remember where it is; returns the reference to attach."""
        try:
            fh, _ = open_regular(path)  # a pipe would block, /dev/zero would hash forever
            with fh:
                sha, size = sha256_stream(fh)
        except NotRegularFileError:
            raise VeuaError(f"cannot attach {path.name}: only regular files can be evidence") from None
        except OSError as exc:
            raise VeuaError(f"cannot read evidence file {path.name}: {exc.strerror or exc}") from exc
        self.evidence.setdefault(sha, FileSource(path))
        return EvidenceRef(sha256=sha, filename=path.name, size=size, added=dt.date.today())

    def open_evidence(self, sha256: str, pool: ArchivePool | None = None) -> IO[bytes]:
        """A stream of one evidence blob; pass a pool when reading many in one pass."""
        source = self.evidence.get(sha256)
        if source is None:
            raise VeuaError(f"evidence {sha256[:12]}… is not in this assessment")
        return source.open(pool)


def new_document(catalog: Catalog, today: dt.date | None = None, title: str = "") -> Document:
    today = today or dt.date.today()
    assessment = Assessment(
        id=str(uuid.uuid4()),
        title=title,
        catalog_id=catalog.header.catalog_id,
        catalog_version=catalog.version,
        created=today,
        assessment_date=today,
    )
    return Document(assessment=assessment)
