"""Two report parts built from the engine: the accelerator inventory and the unanswered appendix.

The inventory lists, per site, each accelerator with quantity, TPP, performance density and the
3A090 classification from the engine's calculator (``engine.inventory``), the site's 4A090
system classification, and totals per classification. The appendix lists every visible item that
is still unanswered, with its section and citation, so the summary's count can be checked.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from veu_assess.engine.calculators import RULES, Classification
from veu_assess.engine.inventory import decimal_text
from veu_assess.i18n_format import format_number
from veu_assess.report.blocks import heading, table
from veu_assess.report.context import ReportContext
from veu_assess.report.messages import Labels
from veu_assess.report.rows import UNANSWERED_ROWS
from veu_assess.report.styles import Styles
from veu_assess.report.text import clip, markup


def inventory(ctx: ReportContext, t: Labels, s: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [heading(s, t.text("inventory"), 0, "inventory"), s.para(markup(t.text("inventory_intro")))]
    inv = ctx.inventory
    if inv is None or inv.empty:
        return [*out, s.para(markup(t.text("inventory_none")))]
    header = [t.text("col_model"), t.text("col_quantity"), t.text("col_tpp"), t.text("col_density"),
              t.text("col_eccn")]
    widths = (150.0, 60.0, 75.0, 55.0, width - 340.0)
    for site in inv.sites:
        out.append(s.para(markup(t.text("inventory_site", name=clip(site.site_name, 120), id=site.site_id,
                                        system=site.inventory.system_eccn)), "h3"))
        rows: list[list[Flowable | str]] = []
        for line in site.inventory.lines:
            c = line.classification
            rows.append([
                clip(line.accelerator.model, 120),
                format_number(line.accelerator.count, ctx.lang),
                decimal_text(c.tpp, 1) or "—",
                decimal_text(c.density, 2) or "—",
                s.para(f"<b>{markup(c.eccn)}</b><br/>{markup(_reason(c, t, inv.rule_figures))}", "cell"),
            ])
        out.append(table(s, header, rows, widths))
    out += [Spacer(1, 6), s.para(markup(t.text("inventory_totals")), "h3")]
    totals = [[eccn, format_number(n, ctx.lang)] for eccn, n in sorted(inv.totals.items())]
    out += [table(s, [t.text("col_eccn"), t.text("col_quantity")], totals, (200.0, 80.0)), Spacer(1, 4)]
    out.append(s.para(markup(t.text("inventory_sites_4a090", count=inv.systems_4a090))))
    return out


def _reason(c: Classification, t: Labels, figures: dict[str, str]) -> str:
    """The engine's reason in the report's language (its own words are English)."""
    return t.text(f"inventory_rule_{c.rule}", **figures) if c.rule in RULES else c.reason


def unanswered(ctx: ReportContext, t: Labels, s: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [heading(s, t.text("unanswered"), 0, "unanswered"),
                           s.para(markup(t.text("unanswered_intro")))]
    if not ctx.unanswered:
        return [*out, s.para(markup(t.text("unanswered_none")))]
    rows: list[list[Flowable | str]] = []
    for u in ctx.unanswered[:UNANSWERED_ROWS]:
        site = f" ({clip(u.site, 80)})" if u.site else ""
        gate = f" [{t.text('gate_tag')}]" if u.gate else ""
        rows.append([f"{u.section_id}  {u.section_title}",
                     s.para(f"<b>{markup(u.requirement_id)}</b>{markup(site + gate)}<br/>{markup(u.title)}", "cell"),
                     s.para(markup(u.citation), "cell")])
    out.append(table(s, [t.text("col_section"), t.text("col_requirement"), t.text("col_citation")], rows,
                     (130.0, width - 260.0, 130.0)))
    if len(ctx.unanswered) > UNANSWERED_ROWS:  # each is also marked unanswered in Answers by section
        out.append(s.para(markup(t.text("unanswered_more", count=len(ctx.unanswered) - UNANSWERED_ROWS)), "small"))
    return out
