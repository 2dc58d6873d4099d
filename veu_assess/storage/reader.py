"""Open a .veua: every check of the untrusted file, and migration of older versions.

Damage is caught where it shows: around the zip calls (``ZIP_ERRORS``), JSON parsing
(``load_json``), model validation (``_parse``) and migration steps. Anything else that leaves
``open_document`` is a bug of the app, not a problem of the file, and is not disguised as one: the
fuzzers check that every input ends in a VeuaError or a document.

Opening is fast whatever the evidence size: evidence is only located (ZipSource), never read or
hashed here; ``integrity.verify_evidence`` does the streamed hashing when asked.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from veu_assess.model.assessment import Assessment
from veu_assess.model.migrations import MigrationError, check_version, current_version, migrate
from veu_assess.model.review import Review
from veu_assess.storage.archive import ZIP_ERRORS, open_zip
from veu_assess.storage.digest import content_digest
from veu_assess.storage.document import Document, EvidenceSource, SourceInfo, ZipSource
from veu_assess.storage.errors import (
    VeuaError,
    VeuaFormatError,
    VeuaIntegrityError,
    VeuaLimitError,
    VeuaVersionError,
)
from veu_assess.storage.files import NotRegularFileError, open_regular
from veu_assess.storage.limits import (
    ASSESSMENT,
    DEFAULT_LIMITS,
    EVIDENCE_DIR,
    MANIFEST,
    REVIEW,
    Limits,
    load_json,
)

FORMAT_ID = "veua"


class Manifest(BaseModel):
    """The manifest as this version writes it; unknown keys are ignored for forward tolerance."""

    model_config = ConfigDict(extra="ignore")
    format: str = Field(max_length=20)
    schema_version: int
    app_version: str = Field(default="", max_length=100)
    content_digest: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    entries: dict[str, str] = Field(default_factory=dict, max_length=10)
    evidence: list[str] = Field(default_factory=list, max_length=20_000)


def open_document(path: Path, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Open a .veua; raises VeuaError (or a subclass) with a readable message on any problem."""
    path = Path(path)
    try:
        return _open(path, limits)
    except VeuaError:
        raise
    except FileNotFoundError:
        raise VeuaError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise VeuaError(f"{path} is a folder, not a .veua file") from None
    except PermissionError:
        raise VeuaError(f"{path}: permission denied") from None
    except OSError as exc:
        raise VeuaError(f"{path.name} cannot be read: {exc.strerror or exc}") from None
    except MemoryError:
        raise VeuaLimitError("the file needs more memory than is available to open", path.name) from None


def _read_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    # The size was bounded by check_entries; read at most one byte more to notice a lying header.
    cap = info.file_size
    try:
        with zf.open(info) as fh:
            raw = fh.read(cap + 1)
    except ZIP_ERRORS as exc:
        raise VeuaFormatError(f"is damaged ({str(exc)[:160] or type(exc).__name__})", info.filename) from None
    if len(raw) != info.file_size:
        raise VeuaFormatError("its size does not match the size recorded for it", info.filename)
    return raw


def _open(path: Path, limits: Limits) -> Document:
    if path.is_dir():
        raise VeuaError(f"{path} is a folder, not a .veua file")
    try:
        fh, size = open_regular(path)  # a pipe or device would block or never end
    except NotRegularFileError as exc:
        raise VeuaError(str(exc)) from None
    with fh:
        if size > limits.max_file_bytes:
            raise VeuaLimitError(f"is {size:,} bytes, more than the limit of {limits.max_file_bytes:,}",
                                 path.name)
        zf, infos = open_zip(fh, size, limits)
        with zf:
            if MANIFEST not in infos:
                raise VeuaFormatError("missing: this is not a .veua assessment file", MANIFEST)
            if ASSESSMENT not in infos:
                raise VeuaFormatError("missing from the file", ASSESSMENT)
            raws = {name: _read_part(zf, infos[name]) for name in (MANIFEST, ASSESSMENT, REVIEW)
                    if name in infos}
    return _build(path, raws, infos, limits)


def _build(path: Path, raws: dict[str, bytes], infos: dict[str, zipfile.ZipInfo], limits: Limits) -> Document:
    raw_manifest = load_json(raws[MANIFEST], MANIFEST, limits)
    if not isinstance(raw_manifest, dict) or raw_manifest.get("format") != FORMAT_ID:
        raise VeuaFormatError("this is not a .veua assessment file", MANIFEST)
    try:
        version = check_version(raw_manifest.get("schema_version"))
    except MigrationError as exc:
        raise VeuaVersionError(str(exc), MANIFEST) from None
    manifest: Manifest = _parse(Manifest, raw_manifest, MANIFEST)
    parts: dict[str, Any] = {"manifest": raw_manifest,
                             "assessment": load_json(raws[ASSESSMENT], ASSESSMENT, limits)}
    if REVIEW in raws:
        parts["review"] = load_json(raws[REVIEW], REVIEW, limits)
    if not isinstance(parts["assessment"], dict):
        raise VeuaFormatError("must be a JSON object", ASSESSMENT)
    own = parts["assessment"].get("schema_version")
    if own != version or isinstance(own, bool):
        # repr, not str: the text "1" must not read as the number 1 it is not
        raise VeuaVersionError(f"its schema version {repr(own)[:40]} disagrees with the manifest's "
                               f"({version}); it must be the same whole number", ASSESSMENT)
    if version != current_version():
        try:
            parts = migrate(parts, version)
        except MigrationError as exc:
            raise VeuaVersionError(str(exc), path.name) from None
    assessment: Assessment = _parse(Assessment, parts["assessment"], ASSESSMENT)
    review: Review = _parse(Review, parts["review"], REVIEW) if "review" in parts else Review()

    evidence: dict[str, EvidenceSource] = {}
    for sha in sorted(assessment.evidence_hashes()):
        info = infos.get(EVIDENCE_DIR + sha)
        if info is None:
            raise VeuaIntegrityError(f"evidence {sha[:12]}… is referenced by an answer but missing",
                                     EVIDENCE_DIR)
        evidence[sha] = ZipSource(path, info.filename, info.compress_type)
    digest = content_digest(assessment)
    source = SourceInfo(
        schema_version=version,
        manifest_digest=manifest.content_digest,
        opened_digest=digest,
        problems=tuple(_manifest_problems(manifest, raws, digest, sorted(evidence), version)),
        migrated_from=version if version != current_version() else None,
    )
    return Document(assessment=assessment, review=review, evidence=evidence, path=path, source=source)


def _manifest_problems(manifest: Manifest, raws: dict[str, bytes], digest: str, evidence: list[str],
                       version: int) -> list[str]:
    """Hashes the manifest records that the content no longer matches: edits by another program."""
    problems = []
    for name in (ASSESSMENT, REVIEW):
        recorded = manifest.entries.get(name)
        if name in raws and recorded != hashlib.sha256(raws[name]).hexdigest():
            problems.append(f"{name} does not match the hash recorded in the manifest")
    # An older version's digest was computed by that version's rules; the entry hashes cover it.
    if version == current_version() and manifest.content_digest != digest:
        problems.append("the content digest recorded in the manifest does not match the content")
    if sorted(set(manifest.evidence)) != evidence:
        problems.append("the evidence list in the manifest does not match the answers' evidence")
    return problems


def _parse(model: type[BaseModel], data: Any, part: str) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p)[:60] for p in err["loc"]) or "(top level)"
        more = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
        raise VeuaFormatError(f"{where}: {err['msg'][:200]}{more}", part) from None
