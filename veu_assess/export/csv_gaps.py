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
from veu_assess.textsafe import plain_text

COLUMNS = ("rank", "requirement_id", "site", "title", "section", "state", "priority", "citation",
           "remediation", "owner", "due", "rank_reason")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Make a cell inert in spreadsheets: formulas, DDE and macros start with these characters."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


# What a spreadsheet cell has no use for (controls, bidi overrides ...): ``textsafe.plain_text``,
# the one sanitizer the OSCAL exports use too. The PDF's text cleaning is not used: it replaces
# what its fonts cannot draw (emoji, say), and a spreadsheet can show those.


def _user_text(doc: Document | None, key: str, fallback_owner: str, fallback_site: str) -> tuple[str, str]:
    """Owner and site name of a gap as the operator typed them (controls removed)."""
    if doc is None:
        return fallback_owner, fallback_site
    a = doc.assessment
    answer = a.answers.get(key)
    site_id = key.partition("@")[2]
    names = {s.id: s.name for s in a.profile.sites}
    owner = answer.owner if answer is not None else fallback_owner
    site = names.get(site_id, site_id) if site_id else ""
    return plain_text(owner), plain_text(site)


def gaps_csv(ctx: ReportContext, doc: Document | None = None) -> bytes:
    """The CSV bytes (with BOM) of a context's ranked gaps, headers in the context's language.

    With ``doc``, the operator's own text (owner, site name) is taken from it as typed.
    """
    t = labels(ctx.lang)
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([t["csv"][c] for c in COLUMNS])
    for g in ctx.gaps:
        priority = t.code("priority", g.priority) + (f" ({t.text('gap_stretch')})" if g.stretch else "")
        owner, site = _user_text(doc, g.key, g.owner, g.site)
        row = [str(g.rank), g.requirement_id, site, g.title, g.section_title, t.code("state", g.state),
               priority, g.citation, g.remediation, owner, g.due, g.rank_reason]
        writer.writerow([neutralise(c) for c in row])
    return buf.getvalue().encode("utf-8-sig")


def write_gaps_csv(doc: Document, catalog: Catalog, out_path: Path, lang: str = "en") -> None:
    """Export the ranked gap list of a document to ``out_path`` (atomic write)."""
    write_atomic(Path(out_path), gaps_csv(build_context(doc, catalog, lang), doc))
