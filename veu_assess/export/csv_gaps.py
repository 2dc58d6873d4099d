"""The gap list as CSV: the remediation plan for a spreadsheet (POA&M style).

UTF-8 with a byte-order mark so spreadsheet programs read Japanese correctly; one row per ranked
gap from the same report context the PDF uses (no second scoring path). Cells that a
spreadsheet would run as a formula (starting with = + - @, or a tab/carriage return) get a
leading apostrophe: the file may be opened by someone who did not write its text.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from veu_assess.catalog.loader import Catalog
from veu_assess.report.context import ReportContext, build_context
from veu_assess.report.messages import labels
from veu_assess.storage.document import Document
from veu_assess.storage.files import write_atomic

COLUMNS = ("rank", "requirement_id", "site", "title", "section", "state", "priority", "citation",
           "remediation", "owner", "due")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Make a cell inert in spreadsheets: formulas, DDE and macros start with these characters."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def gaps_csv(ctx: ReportContext) -> bytes:
    """The CSV bytes (with BOM) of a context's ranked gaps, headers in the context's language."""
    t = labels(ctx.lang)
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([t["csv"][c] for c in COLUMNS])
    for g in ctx.gaps:
        priority = t.code("priority", g.priority) + (f" ({t.text('gap_stretch')})" if g.stretch else "")
        row = [str(g.rank), g.requirement_id, g.site, g.title, g.section_title, t.code("state", g.state),
               priority, g.citation, g.remediation, g.owner, g.due]
        writer.writerow([neutralise(c) for c in row])
    return buf.getvalue().encode("utf-8-sig")


def write_gaps_csv(doc: Document, catalog: Catalog, out_path: Path, lang: str = "en") -> None:
    """Export the ranked gap list of a document to ``out_path`` (atomic write)."""
    write_atomic(Path(out_path), gaps_csv(build_context(doc, catalog, lang)))
