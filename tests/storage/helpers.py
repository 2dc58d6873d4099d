"""Builders shared by the storage tests: documents with evidence, and hand-made (hostile) zips."""

from __future__ import annotations

import datetime as dt
import io
import random
import zipfile
from pathlib import Path

from veu_assess.catalog.loader import Catalog
from veu_assess.model.assessment import Answer, AnswerState, EvidenceRef
from veu_assess.storage.digest import canonical_json
from veu_assess.storage.document import Document, new_document

TODAY = dt.date(2026, 11, 28)


def requirement_ids(catalog: Catalog, n: int) -> list[str]:
    """The first ``n`` requirement ids of the loaded catalog (never hard-coded: forms change)."""
    ids = list(catalog.requirements)
    assert len(ids) >= n, "the catalog has too few requirements for this test"
    return ids[:n]


def make_document(catalog: Catalog, folder: Path, sizes: tuple[int, ...] = (1000, 2000),
                  title: str = "Test assessment", seed: int = 0) -> Document:
    """A document answering a few requirements, each citing one evidence file written to ``folder``."""
    doc = new_document(catalog, today=TODAY, title=title)
    doc.assessment.profile.applicant_name = "株式会社テスト"
    rids = requirement_ids(catalog, len(sizes) + 1)
    for i, (rid, size) in enumerate(zip(rids, sizes, strict=False)):
        path = folder / f"evidence-{seed}-{i}.pdf"
        write_random(path, size, seed * 1000 + i)
        ref = doc.add_evidence_file(path)
        doc.assessment.set_answer(rid, Answer(state=AnswerState.MET, notes=f"note {i}", evidence=[ref]))
    doc.assessment.set_answer(rids[-1], Answer(state=AnswerState.NOT_APPLICABLE, justification="No site."))
    return doc


def write_random(path: Path, size: int, seed: int) -> None:
    """Deterministic incompressible bytes, written in chunks (sizes may be hundreds of MB)."""
    # A 1 MiB block from a seeded generator: incompressible, and different for every seed.
    block = random.Random(seed).randbytes(1 << 20)
    with path.open("wb") as fh:
        left = size
        while left:
            n = min(left, len(block))
            fh.write(block[:n])
            left -= n


def attach_bytes(doc: Document, folder: Path, name: str, data: bytes) -> EvidenceRef:
    path = folder / name
    path.write_bytes(data)
    return doc.add_evidence_file(path)


def read_entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def rezip(entries: dict[str, bytes] | list[tuple[str, bytes]], *, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    """Build a zip from (name, bytes) pairs; duplicates and any names are allowed on purpose."""
    buf = io.BytesIO()
    items = entries.items() if isinstance(entries, dict) else entries
    with zipfile.ZipFile(buf, "w", compression=compress) as zf:
        for name, data in items:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = compress
            zf.writestr(info, data)
    return buf.getvalue()


def replace_json(path: Path, name: str, data: object, out: Path | None = None) -> Path:
    """Rewrite one JSON part of a saved file (as another program would), keeping everything else."""
    entries = read_entries(path)
    entries[name] = canonical_json(data)
    target = out or path
    target.write_bytes(rezip(entries))
    return target
