"""Read and write the .veua file: a zip of manifest.json, assessment.json, review.json and
evidence/<sha256> blobs.

Writing is atomic (temporary file in the target folder, fsync, replace). Entries get a fixed
timestamp so that the same document always gives the same bytes. Evidence is streamed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from veu_assess import __version__
from veu_assess.model.assessment import SCHEMA_VERSION, Assessment
from veu_assess.model.review import Review
from veu_assess.storage.digest import CHUNK, canonical_json, content_digest
from veu_assess.storage.document import Document, ZipSource
from veu_assess.storage.errors import VeuaError, VeuaIntegrityError

FORMAT_ID = "veua"
MANIFEST, ASSESSMENT, REVIEW, EVIDENCE_DIR = "manifest.json", "assessment.json", "review.json", "evidence/"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def _zinfo(name: str, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = compress
    info.external_attr = 0o644 << 16
    return info


def _json_entry(zf: zipfile.ZipFile, name: str, data: Any) -> str:
    payload = canonical_json(data)
    zf.writestr(_zinfo(name, zipfile.ZIP_DEFLATED), payload)
    return hashlib.sha256(payload).hexdigest()


def write_zip(doc: Document, fh: Any) -> dict[str, Any]:
    """Write the document as a zip into an open binary file; return the manifest written."""
    needed = sorted(doc.assessment.evidence_hashes())
    missing = [h for h in needed if h not in doc.evidence]
    if missing:
        raise VeuaError(f"evidence {missing[0][:12]}… is referenced but its file is not available", "evidence")
    with zipfile.ZipFile(fh, "w") as zf:
        entries: dict[str, str] = {}
        entries[ASSESSMENT] = _json_entry(zf, ASSESSMENT, doc.assessment.model_dump(mode="json"))
        entries[REVIEW] = _json_entry(zf, REVIEW, doc.review.model_dump(mode="json"))
        for sha in needed:
            # Evidence is mostly already compressed (PDF, images): stored, streamed in chunks.
            with doc.evidence[sha].open() as src, zf.open(_zinfo(EVIDENCE_DIR + sha, zipfile.ZIP_STORED), "w") as dst:
                shutil.copyfileobj(src, dst, CHUNK)  # type: ignore[misc]
        manifest = {
            "format": FORMAT_ID,
            "schema_version": SCHEMA_VERSION,
            "app_version": __version__,
            "catalog_id": doc.assessment.catalog_id,
            "catalog_version": doc.assessment.catalog_version,
            "content_digest": content_digest(doc.assessment, needed),
            "entries": entries,
            "evidence": needed,
        }
        zf.writestr(_zinfo(MANIFEST, zipfile.ZIP_DEFLATED), canonical_json(manifest))
    return manifest


def save_document(doc: Document, path: Path) -> None:
    """Save atomically: a crash leaves either the old file or the new one, never a mix."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            write_zip(doc, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        _fsync_dir(folder)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise VeuaError(f"cannot save {path.name}: {exc.strerror or exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    doc.path = path
    # From now on, evidence is read from the saved file (the operator's originals may move).
    doc.evidence = {sha: ZipSource(path, EVIDENCE_DIR + sha) for sha in doc.assessment.evidence_hashes()}


def _fsync_dir(folder: Path) -> None:
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not supported on this platform (Windows)
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


def _parse(model: type[BaseModel], data: Any, part: str) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "(top level)"
        more = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
        raise VeuaError(f"{where}: {err['msg']}{more}", part) from None


def _read_json(zf: zipfile.ZipFile, name: str) -> Any:
    try:
        return json.loads(zf.read(name).decode("utf-8"))
    except KeyError:
        raise VeuaError("missing from the file", name) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise VeuaError(f"not valid JSON ({exc})", name) from None


def open_document(path: Path) -> Document:
    """Open a .veua; raises VeuaError (or a subclass) with a readable message on any problem."""
    path = Path(path)
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise VeuaError(f"{path}: no such file") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise VeuaError(f"{path.name} is not a .veua assessment file ({exc})") from None
    with zf:
        manifest = _read_json(zf, MANIFEST)
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_ID:
            raise VeuaError("this is not a .veua assessment file", MANIFEST)
        assessment = _parse(Assessment, _read_json(zf, ASSESSMENT), ASSESSMENT)
        review = _parse(Review, _read_json(zf, REVIEW), REVIEW) if REVIEW in zf.namelist() else Review()
        names = set(zf.namelist())
        evidence = {}
        for sha in assessment.evidence_hashes():
            member = EVIDENCE_DIR + sha
            if member not in names:
                raise VeuaIntegrityError(f"evidence {sha[:12]}… is missing", EVIDENCE_DIR)
            evidence[sha] = ZipSource(path, member, zf.getinfo(member).compress_type)
    return Document(assessment=assessment, review=review, evidence=evidence, path=path)
