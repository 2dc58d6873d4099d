"""The accelerator inventory as CSV: one row per accelerator line, then totals per classification.

Its own file (``veu-assess export --format csv-inventory``), from the engine's inventory and
calculator (``engine.inventory``), the same lines the PDF report shows. UTF-8 with a BOM; cells a
spreadsheet would run as a formula are neutralised as in the gap list.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.inventory import Inventory, decimal_text, inventory_of
from veu_assess.export.csv_gaps import neutralise
from veu_assess.report.messages import labels
from veu_assess.storage.document import Document
from veu_assess.storage.files import write_atomic
from veu_assess.textsafe import plain_text

COLUMNS = ("site", "site_name", "model", "quantity", "tpp", "performance_density", "eccn", "reason", "system_eccn")


def inventory_csv(inv: Inventory, lang: str = "en") -> bytes:
    t = labels(lang)
    head = t["csv_inventory"]
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([head[c] for c in COLUMNS])
    for site in inv.sites:
        for line in site.inventory.lines:
            c = line.classification
            row = [site.site_id, plain_text(site.site_name), plain_text(line.accelerator.model),
                   str(line.accelerator.count),
                   (decimal_text(c.tpp, 1) or "").replace(",", ""),
                   (decimal_text(c.density, 2) or "").replace(",", ""), c.eccn, c.reason, site.inventory.system_eccn]
            writer.writerow([neutralise(x) for x in row])
    writer.writerow([])
    writer.writerow([head["eccn"], head["quantity"]])
    for eccn, n in sorted(inv.totals.items()):
        writer.writerow([neutralise(eccn), str(n)])
    return buf.getvalue().encode("utf-8-sig")


def write_inventory_csv(doc: Document, catalog: Catalog, out_path: Path, lang: str = "en") -> None:
    """Export the classified accelerator inventory of a document to ``out_path`` (atomic write)."""
    write_atomic(Path(out_path), inventory_csv(inventory_of(catalog, doc.assessment), lang))
