"""The report's first parts: cover, contents, executive summary, section scores, gates, remediation plan.

Each function returns flowables for one part of the report from the context and the language's
labels. Prose comes from the jinja templates (already escaped); everything else is escaped here.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepInFrame, NextPageTemplate, PageBreak, Spacer, Table, TableStyle

from veu_assess.i18n_format import format_percent
from veu_assess.report.blocks import PAD_X, coloured, heading, kept, key_values, short, table
from veu_assess.report.chart import score_chart
from veu_assess.report.context import GateInfo, ReportContext
from veu_assess.report.layout import fit
from veu_assess.report.messages import Labels, render_block
from veu_assess.report.rows import PLAN_FULL, SUMMARY_GATES
from veu_assess.report.styles import LEVEL_COLOURS, MUTED, STATE_COLOURS, Styles
from veu_assess.report.summary_page import verdict_block
from veu_assess.report.text import date_text, markup
from veu_assess.report.toc import Contents

TABLE_CLIP = 600  # characters of user text in a table cell; the section detail shows it all


def _prose(styles: Styles, blocks: list[str]) -> list[Flowable]:
    out: list[Flowable] = []
    for b in blocks:
        if b.startswith("- "):
            out.append(styles.para(b[2:], "bullet"))
            out[-1].bulletText = "•"
        else:
            out.append(styles.para(b))
    return out


COVER_SITES = 8  # sites listed on the cover; the Sites section lists them all
COVER_VALUE_LINES = 1.8  # a cover value (a name, a title) is clipped to about two lines


def site_line(name: str, address: str, country: str) -> str:
    """"Name — address, country" without stray punctuation for the parts that are empty."""
    tail = ", ".join(p for p in (address.strip(), country.strip()) if p)
    return f"{name} — {tail}" if tail else name


def cover_sites(ctx: ReportContext, t: Labels, s: Styles, width: float) -> str:
    """Up to ``COVER_SITES`` sites, one clipped line each, then "and N more (see Sites)"."""
    if not ctx.sites:
        return t.text("cover_no_sites")
    body = s["body"]
    lines = [fit(site_line(x.name, x.address, x.country), body.fontSize, width, s.fonts.body, s.fonts.order)
             for x in ctx.sites[:COVER_SITES]]
    if len(ctx.sites) > COVER_SITES:
        lines.append(t.text("cover_more_sites", count=len(ctx.sites) - COVER_SITES))
    return "\n".join(lines)


def cover(ctx: ReportContext, t: Labels, s: Styles, width: float, height: float) -> list[Flowable]:
    """The first page, whatever the assessment holds: if its parts (eight gate lines, long
    names, the disclaimer) would run over, the page is drawn slightly smaller rather than
    leaving a line or two alone on a second page."""
    value_w = width - 140 - 2 * PAD_X

    def short(text: str) -> str:  # about two lines, so the level stays on the first page
        return fit(text, s["body"].fontSize, value_w * COVER_VALUE_LINES, s.fonts.body, s.fonts.order)

    rows = [
        (t.text("cover_applicant"), short(ctx.applicant or t.text("unnamed_applicant"))),
        (t.text("cover_assessment"), short(ctx.assessment_title or "—")),
        (t.text("cover_date"), date_text(ctx.report_date, ctx.lang)),
        (t.text("cover_destination"), ctx.destination_country or t.text("not_set")),
        (t.text("cover_parent"), ctx.parent_hq_country or t.text("not_set")),
        (t.text("cover_sites"), cover_sites(ctx, t, s, value_w)),
    ]
    if ctx.generated is not None:
        when = f"{date_text(ctx.generated.date(), ctx.lang)} {ctx.generated:%H:%M} UTC"
        rows.append((t.text("cover_generated"), t.text("cover_generated_value", date=when, version=ctx.app_version)))
    level_cell: list[Flowable] = [s.para(markup(ctx.level_label), "cover_level")]
    if ctx.level_note:  # the level measures the VEU's requirements, and the route is not the VEU's
        level_cell.append(s.para(markup(ctx.level_note), "cover_level_note"))
    level = Table([[level_cell]], colWidths=[width], hAlign="LEFT")
    level.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), s.fonts.body),
        ("BACKGROUND", (0, 0), (-1, -1), MUTED if ctx.level_note else LEVEL_COLOURS.get(ctx.level, MUTED)),
        ("TOPPADDING", (0, 0), (-1, -1), 10), ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
    ]))
    marking = s.para(markup(ctx.confidentiality), "cover_marking") if ctx.confidentiality else Spacer(1, 12)
    out: list[Flowable] = [
        marking,
        Spacer(1, 18),
        s.para(markup(t.text("report_title")), "cover_title"),
        s.para(markup(ctx.catalog_title), "cover_sub"),
        key_values(s, rows, (140, width - 140)),
        Spacer(1, 22),
        s.para(markup(t.text("cover_level")), "label"),
        level,
        Spacer(1, 8),
        *verdict_block(ctx, t, s, width),
        Spacer(1, 6),
        key_values(s, [
            (t.text("cover_catalog"),
             t.text("cover_catalog_version", version=ctx.catalog_version,
                    as_of=date_text(ctx.catalog_as_of, ctx.lang))),
            (t.text("cover_integrity"), integrity_text(ctx, t)),
            *adjusted_rows(ctx, t),
        ], (140, width - 140)),
    ]
    if ctx.level == "incomplete":
        out.append(s.para(markup(t.text("cover_incomplete", missing=ctx.total - ctx.answered, total=ctx.total,
                                        threshold=format_percent(ctx.completeness_threshold, ctx.lang))),
                          "cover_draft"))
    elif ctx.provisional:
        out.append(s.para(markup(t.text("cover_provisional", missing=ctx.total - ctx.answered,
                                        total=ctx.total)), "cover_draft"))
    out += [Spacer(1, 18), s.para(markup(ctx.disclaimer), "muted")]
    return [KeepInFrame(width, height, out, mode="shrink"), NextPageTemplate("content"), PageBreak()]


def adjusted_rows(ctx: ReportContext, t: Labels) -> list[tuple[str, str]]:
    """The auditor-adjusted result beside the operator's level above (none when nothing is adjusted)."""
    if ctx.adjusted is None:
        return []
    a = ctx.adjusted
    return [(t.text("cover_adjusted"), t.text("cover_adjusted_value", level=a.level_label, n=a.count,
                                              readiness=format_percent(a.readiness, ctx.lang),
                                              failed=a.gates_failed))]


def integrity_text(ctx: ReportContext, t: Labels) -> str:
    """Intact, modified by another program, or changed after sign-off on DATE (plain text)."""
    return t.text(f"integrity_{ctx.integrity}", detail=ctx.integrity_detail,
                  date=date_text(ctx.integrity_since, ctx.lang))


def contents(t: Labels, s: Styles) -> list[Flowable]:
    toc = Contents()  # seeded with the story's headings by pdf.render_pdf
    toc.levelStyles = [
        ParagraphStyle("toc-1", parent=s["toc1"]),
        ParagraphStyle("toc-2", parent=s["toc2"]),
    ]
    toc.dotsMinLevel = 0
    # The TOC is a table too: name the font, or reportlab sets Helvetica (not embedded) per cell.
    toc.tableStyle = TableStyle([("FONTNAME", (0, 0), (-1, -1), s.fonts.body),
                                 ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                 ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
    return [s.para(markup(t.text("contents")), "h1"), toc, PageBreak()]


def summary_blocks(ctx: ReportContext, s: Styles) -> list[str]:
    """The executive summary's paragraphs (escaped markup). It names the first gates and the
    first gaps with sites and owners clipped by width; the Gates part and the plan list all."""
    gates = [*ctx.gates_failed, *ctx.gates_open]
    named = [(g, short(s, g.site, 200)) for g in gates[:SUMMARY_GATES]]
    first_gaps = [(g, short(s, g.site, 200), short(s, g.owner, 200)) for g in ctx.gaps[:5]]
    return render_block(ctx.lang, "summary", ctx=ctx, gates=named, more_gates=len(gates) - len(named),
                        first_gaps=first_gaps)


def summary(ctx: ReportContext, t: Labels, s: Styles) -> list[Flowable]:
    return [heading(s, t.text("summary"), 0, "summary"), *_prose(s, summary_blocks(ctx, s))]


def scores(ctx: ReportContext, t: Labels, s: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [heading(s, t.text("scores"), 0, "scores")]
    shown = [x for x in ctx.sections if x.visible]
    if shown:
        legend = (t.text("chart_legend_readiness"), t.text("chart_legend_completeness"),
                  t.text("chart_legend_thresholds"))
        out += [score_chart(shown, s.fonts, width, t.text("no_score"), legend),
                s.para(markup(t.text("scores_pair_note")), "muted")]
    rows = []
    for x in ctx.sections:
        if not x.visible:
            note = t.text("out_of_scope")
        elif not x.in_overall:
            note = t.text("stretch_note")
        else:
            note = ""
        readiness = "" if not x.visible else (t.text("no_score") if x.score is None
                                              else format_percent(x.score, ctx.lang))
        completeness = "" if not x.visible else format_percent(x.completeness, ctx.lang)
        answered = f"{x.answered} / {x.total}" if x.visible else ""
        rows.append([f"{x.id}  {x.title}", answered, readiness, completeness, note])
    out += [Spacer(1, 6), table(s, [t.text("col_section"), t.text("col_answered"), t.text("col_readiness"),
                                    t.text("col_completeness"), t.text("col_note")],
                                rows, (190, 50, 60, 72, width - 372))]
    return out


def _gate_rows(gates: tuple[GateInfo, ...], t: Labels, s: Styles) -> list[list[object]]:
    rows: list[list[object]] = []
    for g in gates:
        site = f" ({short(s, g.site, 150, 7.5)})" if g.site else ""
        rows.append([
            s.para(f"<b>{markup(g.requirement_id)}</b>{markup(site)} {markup(g.title)}", "cell"),
            g.citation,
            s.para(coloured(t.code("state", g.state), STATE_COLOURS.get(g.state, MUTED)), "cell"),
        ])
    return rows


def gates(ctx: ReportContext, t: Labels, s: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [heading(s, t.text("gates"), 0, "gates"), s.para(markup(t.text("gates_intro")))]
    header = [t.text("col_requirement"), t.text("col_citation"), t.text("col_state")]
    for key, found in (("gates_failed", ctx.gates_failed), ("gates_open", ctx.gates_open)):
        out.append(s.para(markup(t.text(key)), "h3"))
        if found:
            out.append(table(s, header, _gate_rows(found, t, s), (250, width - 330, 80)))
        else:
            out.append(s.para(markup(t.text("none"))))
    return out


RANK_WIDTH = 28.0  # room for a three-digit rank on one line at the cell font size


def plan_widths(width: float) -> tuple[float, ...]:
    """Column widths of the remediation plan: rank, requirement, state, remediation, owner/due.

    They add up to ``width``; the remediation column takes what the fixed columns leave.
    """
    fixed = (RANK_WIDTH, 170.0, 72.0, 108.0)
    return (*fixed[:3], width - sum(fixed), fixed[3])


def plan(ctx: ReportContext, t: Labels, s: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [heading(s, t.text("plan"), 0, "plan"), s.para(markup(t.text("plan_intro")))]
    if not ctx.gaps:
        return [*out, s.para(markup(t.text("no_gaps")))]
    blank = "________________"
    rows = []
    for g in ctx.gaps[:PLAN_FULL]:
        site = f" ({short(s, g.site, 120, 7.5)})" if g.site else ""
        requirement = (f"<b>{markup(g.requirement_id)}</b>{markup(site)}<br/>{markup(g.title)}"
                       f'<br/><font color="{MUTED.hexval()}">{markup(g.citation)}</font>')
        state = (coloured(t.code("state", g.state), STATE_COLOURS.get(g.state, MUTED))
                 + "<br/>" + markup(t.code("priority", g.priority))
                 + (f"<br/>{markup(t.text('gap_stretch'))}" if g.stretch else "")
                 + (f'<br/><font color="{MUTED.hexval()}" size="6.5">{markup(g.rank_reason)}</font>'
                    if g.rank_reason else ""))
        owner = markup(short(s, g.owner, 180, 7.5)) if g.owner else blank
        due = markup(date_text(g.due, ctx.lang)) if g.due else blank
        who = f"{markup(t.text('col_owner'))}: {owner}<br/>{markup(t.text('col_due'))}: {due}"
        rows.append([str(g.rank), s.para(requirement, "cell"), s.para(state, "cell"), g.remediation,
                     s.para(who, "cell")])
    header = [t.text("col_rank"), t.text("col_requirement"), t.text("col_state") + " / " + t.text("col_priority"),
              t.text("col_remediation"), t.text("col_owner_due")]
    out.append(table(s, header, rows, plan_widths(width)))
    rest = ctx.gaps[PLAN_FULL:]
    if rest:  # every gap keeps its row; the further ones without the texts their requirement repeats
        out.append(kept(s.para(markup(t.text("plan_more", count=len(rest))), "small")))
        compact: list[list[Flowable | str]] = [
            [str(g.rank), short(s, f"{g.requirement_id} ({g.site})" if g.site else g.requirement_id, width - 315, 7.5),
             t.code("state", g.state),
             t.code("priority", g.priority) + (f" · {t.text('gap_stretch')}" if g.stretch else ""),
             short(s, g.owner, 68, 7.5) or "—", date_text(g.due, ctx.lang) or "—"] for g in rest]
        out.append(table(s, [t.text("col_rank"), t.text("col_requirement"), t.text("col_state"),
                             t.text("col_priority"), t.text("col_owner"), t.text("col_due")], compact,
                         (RANK_WIDTH + 6, width - 305, 70, 60, 77, 64)))
    return out
