"""One chapter per switched-on optional module (its own heading, result and sources).

Placed after the remediation plan and before the detail: the VEU verdict comes first and a module
never changes it. A checklist module shows "prepared / items open" and progress, never a score.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer

from veu_assess.i18n_format import format_figure, format_percent
from veu_assess.report.blocks import coloured, heading, kept, key_values, table
from veu_assess.report.context import ReportContext
from veu_assess.report.messages import Labels
from veu_assess.report.module_context import ModuleInfo, UsContentInfo
from veu_assess.report.styles import MUTED, STATE_COLOURS, Styles
from veu_assess.report.text import clip, markup


def _result_rows(m: ModuleInfo, t: Labels) -> list[tuple[str, str]]:
    if m.kind == "checklist":
        status = t.text("module_prepared") if m.status == "prepared" else t.text("module_items_open")
        return [(t.text("module_result"), status),
                (t.text("module_progress"),
                 f"{m.done} / {m.total} ({format_figure(m.progress, t.lang, decimals=0)}%)")]
    score = t.text("no_score") if m.score is None else t.text("figure_readiness", value=format_percent(m.score, t.lang))
    level = m.level_label + (f" ({t.text('provisional')})" if m.provisional else "")
    # Readiness as for the VEU score (engine/modules.py): said with what it counts.
    return [(t.text("module_result"), level), (t.text("cover_readiness"), score),
            (t.text("col_answered"), f"{m.answered} / {m.total}")]


def _us_content(u: UsContentInfo, t: Labels, s: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [kept(s.para(markup(t.text("us_content")), "h3"))]
    if u.outcome == "empty":
        return [*out, s.para(markup(t.text("us_empty")))]
    share = f"{u.share_low} %" if u.share_low == u.share_high else f"{u.share_low} – {u.share_high} %"
    rows = [(t.text("us_share"), share), (t.text("us_presumption"), f"≥ {u.presumption} %"),
            (t.text("us_outcome"), t.text(f"us_{u.outcome}")),
            (t.text("us_values"), f"{u.us_value} / {u.total} ({u.lines} {t.text('us_lines')})")]
    out.append(key_values(s, rows, (170, width - 170)))
    out.append(s.para(markup(t.text(f"us_deciding_{u.outcome}")), "small"))
    if u.deciding:
        body = [[str(r.line), clip(r.description, 300), r.value, r.origin or t.text("origin_unknown")]
                for r in u.deciding]
        out.append(table(s, [t.text("col_line"), t.text("col_description"), t.text("col_value"),
                             t.text("col_origin")], body, (40, width - 220, 110, 70)))
    return out


def _chapter(m: ModuleInfo, t: Labels, s: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), heading(s, m.short_title, 0, f"module-{m.id}"),
                           kept(s.para(markup(t.text("module_banner")), "banner")),
                           kept(s.para(f"<b>{markup(m.title)}</b>")),
                           s.para(markup(m.description), "muted"),
                           s.para(markup(t.text("module_as_of", day=m.as_of)), "small"),
                           Spacer(1, 4), key_values(s, _result_rows(m, t), (170, width - 170)),
                           kept(s.para(markup(t.text("module_not_claimed")), "h3")),
                           s.para(markup(m.not_claimed))]
    if m.us_content is not None:
        out += _us_content(m.us_content, t, s, width)
    out.append(kept(s.para(markup(t.text("module_open_items")), "h3")))
    if m.open_items:
        rows = [[clip(key, 60), clip(title, 400),
                 s.para(coloured(t.code("state", state), STATE_COLOURS.get(state, MUTED)), "cell")]
                for key, title, state in m.open_items]
        out.append(table(s, [t.text("col_requirement"), t.text("col_title"), t.text("col_state")], rows,
                         (80, width - 180, 100)))
    else:
        out.append(s.para(markup(t.text("module_none_open"))))
    out.append(kept(s.para(markup(t.text("module_sources")), "h3")))
    for src in m.sources:
        line = f"<b>{markup(src.id)}</b> — {markup(src.title)}. {markup(src.publisher)}"
        line += f", {markup(src.date)}" if src.date else f", {markup(t.text('source_undated'))}"
        line += f". {markup(src.url)}"
        out.append(s.para(line, "small"))
        if src.verify:
            out.append(s.para(f"VERIFY: {markup(src.verify)}", "muted"))
    return out


def module_chapters(ctx: ReportContext, t: Labels, s: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = []
    for m in ctx.modules:
        out += _chapter(m, t, s, width)
    return out
