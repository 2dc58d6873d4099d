"""The verdict block of the report: what the first page and the executive summary must say.

A manager reads the first page and decides, so it carries the level and why (each failed or open
gate named with its citation and state), readiness and completeness side by side, the answered
items' score only under that label, and the one-line recommendation derived from the level.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from veu_assess.i18n_format import format_percent
from veu_assess.report.blocks import coloured, key_values
from veu_assess.report.context import GateInfo, ReportContext
from veu_assess.report.messages import Labels
from veu_assess.report.styles import MUTED, STATE_COLOURS, Styles
from veu_assess.report.text import clip, markup

GATE_LINES = 8  # gates named on the cover; the Gates part lists every one


def figure_rows(ctx: ReportContext, t: Labels) -> list[tuple[str, str]]:
    """Readiness and completeness (always together), then the answered items' score, labelled."""
    pct = format_percent
    return [
        (t.text("cover_readiness"), t.text("figure_readiness", value=pct(ctx.readiness, ctx.lang))),
        (t.text("cover_completeness"),
         t.text("figure_completeness", value=pct(ctx.completeness, ctx.lang), answered=ctx.answered,
                total=ctx.total, threshold=pct(ctx.completeness_threshold, ctx.lang))),
        (t.text("cover_answered_score"), pct(ctx.answered_score, ctx.lang)),
    ]


def gate_line(g: GateInfo, t: Labels) -> str:
    """``ELIG-03 — title (15 CFR 748.15(c)): Partially met`` as escaped markup, state coloured."""
    site = f" ({clip(g.site, 60)})" if g.site else ""
    head = t.text("gate_line", id="\x00", site=site, title=clip(g.title, 140), citation=g.citation, state="\x01")
    before, _, rest = head.partition("\x00")
    middle, _, after = rest.partition("\x01")
    state = coloured(t.code("state", g.state), STATE_COLOURS.get(g.state, MUTED))
    return f"{markup(before)}<b>{markup(g.requirement_id)}</b>{markup(middle)}{state}{markup(after)}"


def verdict_block(ctx: ReportContext, t: Labels, s: Styles, width: float) -> list[Flowable]:
    """The figures, why (gates), and the recommendation: for the cover, under the level."""
    out: list[Flowable] = [key_values(s, figure_rows(ctx, t), (140, width - 140))]
    gates = [*ctx.gates_failed, *ctx.gates_open]
    if gates:
        out += [Spacer(1, 6), s.para(markup(t.text("cover_why")), "label")]
        for g in gates[:GATE_LINES]:
            out.append(s.para(gate_line(g, t), "bullet"))
            out[-1].bulletText = "•"
        if len(gates) > GATE_LINES:
            out.append(s.para(markup(f"… +{len(gates) - GATE_LINES}"), "muted"))
    if ctx.recommendation:
        out += [Spacer(1, 6), s.para(markup(t.text("cover_recommendation")), "label"),
                s.para(f"<b>{markup(ctx.recommendation)}</b>")]
    return out
