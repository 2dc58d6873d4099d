"""Write OSCAL documents: deterministic JSON (stable key order, indent 2, UTF-8, trailing newline),
atomically (``storage.files.write_atomic``: temporary file in the target folder, fsync,
replace), so an export never leaves a half-written file and the same assessment always gives
the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from veu_assess.catalog.loader import Catalog
from veu_assess.export.oscal.poam import build_poam
from veu_assess.export.oscal.results import build_assessment_results
from veu_assess.storage.document import Document
from veu_assess.storage.files import write_atomic
from veu_assess.textsafe import plain_text

Kind = Literal["ar", "poam"]
BUILDERS: dict[str, Callable[[Document, Catalog, str], dict[str, Any]]] = {
    "ar": build_assessment_results,
    "poam": build_poam,
}


def _sanitized(value: Any) -> Any:
    """``value`` with every string (keys too) passed through ``textsafe.plain_text``: OSCAL JSON
    must convert to OSCAL XML, which cannot hold control characters; bidi overrides go too."""
    if isinstance(value, str):
        return plain_text(value)
    if isinstance(value, dict):
        return {plain_text(k): _sanitized(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_sanitized(v) for v in value]
    return value


def dumps(data: dict[str, Any]) -> bytes:
    """The document's bytes. Builders insert keys in a fixed order, so no sorting is needed
    (and OSCAL readers find ``uuid`` and ``metadata`` first)."""
    return (json.dumps(_sanitized(data), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def render_oscal(doc: Document, catalog: Catalog, kind: Kind, lang: str = "en") -> bytes:
    if kind not in BUILDERS:
        raise ValueError(f"unknown OSCAL document kind {kind!r}; use one of {', '.join(BUILDERS)}")
    return dumps(BUILDERS[kind](doc, catalog, lang))


def write_oscal(doc: Document, catalog: Catalog, out_path: Path, kind: Kind, lang: str = "en") -> Path:
    """Build and write one OSCAL document; returns the path written."""
    write_atomic(Path(out_path), render_oscal(doc, catalog, kind, lang))
    return Path(out_path)


# The signature of ``export.registry.Exporter``: (doc, catalog, out_path, lang) -> None.
def export_oscal_ar(doc: Document, catalog: Catalog, out_path: Path, lang: str = "en") -> None:
    """Export format ``oscal-ar``: OSCAL 1.0.6 assessment results."""
    write_oscal(doc, catalog, out_path, "ar", lang)


def export_oscal_poam(doc: Document, catalog: Catalog, out_path: Path, lang: str = "en") -> None:
    """Export format ``oscal-poam``: OSCAL 1.0.6 plan of action and milestones."""
    write_oscal(doc, catalog, out_path, "poam", lang)
