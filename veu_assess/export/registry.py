"""Export formats by name; re-exports ``write_atomic`` (storage/files.py), which every exporter uses.

``EXPORT_FORMATS`` maps a format name (as typed after ``veu-assess export --format``) to the
dotted path of a function ``(doc, catalog, out_path, lang) -> None``. Paths, not imports, so a
format is added with one line and the CLI loads only the exporter it runs.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from veu_assess.storage.files import write_atomic

if TYPE_CHECKING:  # the CLI builds `export --format` choices from this module: keep it light
    from veu_assess.catalog.loader import Catalog
    from veu_assess.storage.document import Document

__all__ = ["EXPORT_FORMATS", "Exporter", "export_formats", "get_exporter", "write_atomic"]

Exporter = Callable[["Document", "Catalog", Path, str], None]

EXPORT_FORMATS: dict[str, str] = {
    "csv": "veu_assess.export.csv_gaps:write_gaps_csv",
    "csv-inventory": "veu_assess.export.csv_inventory:write_inventory_csv",
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
