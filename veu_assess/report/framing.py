"""The report's first page after the cover: the honest framing, staleness notes, catalog changes.

What the score means and does not mean, that the codified and the enforced text differ and which
one the questionnaire assumes, that no Data Center VEU has been found listed and licences with
conditions are the route used so far, and the research date: all from forms/catalog.yaml
(``framing``) in the report's language. Then, never silently: statuses that may have changed
since (engine/status.py ``staleness``) and, for a file saved against an older questionnaire, which
of its requirements changed status or meaning, and the version its sign-offs were made against.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer

from veu_assess.report.blocks import heading
from veu_assess.report.context import ReportContext
from veu_assess.report.messages import Labels
from veu_assess.report.styles import Styles
from veu_assess.report.text import markup


def framing(ctx: ReportContext, t: Labels, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [heading(s, t.text("framing_title"), 0, "framing")]
    for title, text in ctx.framing:
        out.append(s.para(f"<b>{markup(title)}</b>", "h3"))
        out.append(s.para(markup(text)))
    if ctx.status_notes:
        out += [Spacer(1, 6), s.para(f"<b>{markup(t.text('framing_stale', day=ctx.status_read_on))}</b>", "h3")]
        for note in ctx.status_notes:
            out.append(s.para(markup(note), "bullet"))
            out[-1].bulletText = "•"
    if ctx.changes:
        title = t.text("framing_changes", old=ctx.file_catalog_version, new=ctx.catalog_version)
        out += [Spacer(1, 6), s.para(f"<b>{markup(title)}</b>", "h3")]
        for change in ctx.changes:
            out.append(s.para(markup(change), "bullet"))
            out[-1].bulletText = "•"
    if ctx.signoffs and ctx.file_catalog_version:
        out.append(s.para(markup(t.text("framing_signoff_version", version=ctx.file_catalog_version)), "muted"))
    out.append(PageBreak())
    return out
