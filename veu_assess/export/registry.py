"""Export formats by name, and the atomic file write every exporter uses.

``EXPORT_FORMATS`` maps a format name (as typed after ``veu-assess export --format``) to the
dotted path of a function ``(doc, catalog, out_path, lang) -> None``. Paths, not imports, so a
format is added with one line and the CLI loads only the exporter it runs.
"""

from __future__ import annotations

import importlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from veu_assess.catalog.loader import Catalog
from veu_assess.storage.document import Document

Exporter = Callable[[Document, Catalog, Path, str], None]

EXPORT_FORMATS: dict[str, str] = {
    "csv": "veu_assess.export.csv_gaps:write_gaps_csv",
    "oscal-ar": "veu_assess.export.oscal:export_oscal_ar",
    "oscal-poam": "veu_assess.export.oscal:export_oscal_poam",
}


def export_formats() -> list[str]:
    return sorted(EXPORT_FORMATS)


def get_exporter(name: str) -> Exporter:
    """The exporter of a format; ValueError naming the known formats for an unknown one."""
    try:
        target = EXPORT_FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown export format {name!r} (known: {', '.join(export_formats())})") from None
    module, _, func = target.partition(":")
    exporter: Exporter = getattr(importlib.import_module(module), func)
    return exporter


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file so that a crash leaves the old file or the new one, never half of one."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise IsADirectoryError(21, "is a folder, not a file", str(path))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp creates the file private (0600); a report is an ordinary document.
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
