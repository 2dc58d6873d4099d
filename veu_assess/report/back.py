"""The report's later parts: answers by section, Statement of Applicability, evidence index,
auditor review and sign-off, integrity.

Long user texts (notes, justifications, comments up to 100 000 characters) are set as plain
paragraphs, which split across pages; tables only ever get clipped text, because a table row
cannot be taller than a page.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from veu_assess.report.blocks import coloured, heading, kept, key_values, table, tag
from veu_assess.report.context import ItemDetail, ReportContext, SectionInfo, VerdictInfo
from veu_assess.report.front import integrity_text
from veu_assess.report.messages import Labels, render_block
from veu_assess.report.styles import BAD, GOOD, MUTED, RULE, STATE_COLOURS, WARN, Styles
from veu_assess.report.text import clip, date_text, markup, paragraphs

TABLE_CLIP = 600


def _size(t: Labels, size: int) -> str:
    return t.text("bytes", size=f"{size:,}")


def _long_text(s: Styles, label: str, text: str) -> list[Flowable]:
    return [s.para(markup(label), "label"), *(s.para(markup(p), "small") for p in paragraphs(text))]


def _verdict_line(v: VerdictInfo, t: Labels) -> str:
    parts = [markup(t.code("verdict", v.state))]
    if v.adjusted_state:
        parts.append(f"({markup(t.text('adjusted_to'))}: {markup(t.code('state', v.adjusted_state))})")
    who = ", ".join(x for x in (v.reviewer, date_text(v.date, t.lang)) if x)
    if who:
        parts.append("— " + markup(who))
    return " ".join(parts)


def _item(it: ItemDetail, t: Labels, s: Styles) -> list[Flowable]:
    site = f" · {it.site}" if it.site else ""
    tags = [tag(it.status_dated or t.code("status", it.status),
                BAD if it.status == "codified_not_enforced" else MUTED)]
    if it.gate:
        tags.append(tag(t.text("gate_tag"), BAD))
    if it.verify:
        tags.append(tag(t.text("verify_tag"), WARN))
    title = f"<b>{markup(it.requirement_id)}</b>{markup(site)} — {markup(it.title)} {' '.join(tags)}"
    answer = (f"<b>{markup(t.text('answer'))}:</b> "
              + coloured(t.code("state", it.state), STATE_COLOURS.get(it.state, MUTED)))
    if it.marked_for_review:
        answer += " " + tag(t.text("marked_for_review"), WARN)
    if it.owner or it.due:
        answer += (f" · {markup(t.text('col_owner'))}: {markup(it.owner or '—')}"
                   f" · {markup(t.text('col_due'))}: {markup(date_text(it.due, t.lang) or '—')}")
    head: list[Flowable] = [s.para(title, "h3"), s.para(markup(it.citation), "muted")]
    if it.verify:
        head.append(s.para(markup(f"VERIFY: {it.verify_what}" if it.verify_what else t.text("verify_note")), "muted"))
    head.append(s.para(answer, "small"))
    out: list[Flowable] = [KeepTogether(head)]
    if it.justification:
        out += _long_text(s, t.text("justification"), it.justification)
    if it.notes:
        out += _long_text(s, t.text("notes"), it.notes)
    if it.evidence:
        out.append(s.para(markup(t.text("evidence")), "label"))
        out += [s.para(f"• {markup(e.filename)} — {markup(_size(t, e.size))} — "
                       f'<font color="{MUTED.hexval()}">{e.sha256}</font>', "small") for e in it.evidence]
    if it.verdict:
        out.append(s.para(f"<b>{markup(t.text('auditor_verdict'))}:</b> {_verdict_line(it.verdict, t)}", "small"))
        out += [s.para(markup(p), "small") for p in paragraphs(it.verdict.comment)]
    return out


def _section(sec: SectionInfo, t: Labels, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(120), heading(s, f"{sec.id}  {sec.title}", 1, f"sec-{sec.id}")]
    if not sec.visible:
        return [*out, s.para(markup(t.text("out_of_scope")), "muted")]
    # The heading, banner, description and score line stay on the page of the first requirement.
    if not sec.in_overall:
        banner = t.text("rescinded_banner") if sec.rescinded else t.text("stretch_note")
        out.append(kept(s.para(markup(banner), "banner")))
    score = t.text("no_score") if sec.score is None else f"{sec.score:.1f}%"
    out.append(kept(s.para(markup(sec.description), "muted")))
    out.append(kept(s.para(f"<b>{markup(t.text('col_score'))}:</b> {markup(score)} · "
                           f"<b>{markup(t.text('col_answered'))}:</b> {sec.answered} / {sec.total}", "small")))
    for it in sec.items:
        out += _item(it, t, s)
    return out


def detail(ctx: ReportContext, t: Labels, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), heading(s, t.text("detail"), 0, "detail")]
    for sec in ctx.sections:
        out += _section(sec, t, s)
    return out


def applicability(ctx: ReportContext, t: Labels, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), heading(s, t.text("soa"), 0, "soa"), s.para(markup(t.text("soa_intro")))]
    if not ctx.not_applicable:
        return [*out, s.para(markup(t.text("no_na")))]
    for na in ctx.not_applicable:
        site = f" · {na.site}" if na.site else ""
        out.append(s.para(f"<b>{markup(na.requirement_id)}</b>{markup(site)} — {markup(na.title)}", "h3"))
        out.append(kept(s.para(markup(na.section_title), "muted")))  # heading, section, label, text
        out += _long_text(s, t.text("justification"), na.justification)
    return out


def evidence_index(ctx: ReportContext, t: Labels, s: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(160), heading(s, t.text("evidence_index"), 0, "evidence"),
                           s.para(markup(t.text("evidence_intro")))]
    if not ctx.evidence:
        return [*out, s.para(markup(t.text("no_evidence_index")))]
    rows = [[clip(e.filename, 200), _size(t, e.size), e.sha256, clip(", ".join(e.used_by), 300)]
            for e in ctx.evidence]
    header = [t.text("col_file"), t.text("col_size"), t.text("col_sha"), t.text("col_used_by")]
    out.append(table(s, header, rows, (150, 70, 170, width - 390)))
    return out


def _sign_lines(t: Labels, s: Styles, width: float) -> Table:
    roles = [t.code("signoff_kind", "operator_officer"), t.code("signoff_kind", "auditor")]
    fields = ["sign_name", "sign_org", "sign_role", "sign_date", "sign_signature"]
    data = [[s.para(f"<b>{markup(r)}</b>", "small") for r in roles]]
    for f in fields:
        data.append([s.para(markup(t.text(f)), "muted") for _ in roles])
    box = Table(data, colWidths=[width / 2 - 6] * 2, rowHeights=[18] + [30] * len(fields), hAlign="LEFT")
    box.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), s.fonts.body),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.6, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 14),
    ]))
    return box


def review(ctx: ReportContext, t: Labels, s: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), heading(s, t.text("review"), 0, "review"),
                           s.para(markup(t.text("verdicts")), "h3")]
    if ctx.verdicts:
        rows = [[v.key, _verdict_line(v, t), clip(v.comment, TABLE_CLIP)] for v in ctx.verdicts]
        rows = [[r[0], s.para(r[1], "cell"), r[2]] for r in rows]
        out.append(table(s, [t.text("col_requirement"), t.text("col_verdict"), t.text("col_comment")], rows,
                         (95, 150, width - 245)))
    else:
        out.append(s.para(markup(t.text("no_verdicts"))))
    out.append(s.para(markup(t.text("signoffs")), "h3"))
    for so in ctx.signoffs:
        signed_on = date_text(so.date, t.lang)
        verdict = (coloured(t.text("signoff_matches"), GOOD) if so.matches
                   else coloured(t.text("signoff_changed", date=signed_on), BAD))
        block: list[Flowable] = [key_values(s, [
            (t.text("sign_name"), so.name), (t.text("sign_org"), so.organisation or "—"),
            (t.text("sign_role"), f"{so.role or '—'} ({t.code('signoff_kind', so.kind)})"),
            (t.text("sign_date"), signed_on), (t.text("signoff_digest"), so.digest),
        ], (130, width - 130)), s.para(verdict, "small")]
        out.append(KeepTogether(block))
        out += [s.para(markup(p), "small") for p in paragraphs(so.statement)]
        out.append(Spacer(1, 8))
    if not ctx.signoffs:  # nothing signed in the app: leave lines to sign the printed copy by hand
        out += [s.para(markup(t.text("sign_here")), "h3"), _sign_lines(t, s, width)]
    return out


def integrity(ctx: ReportContext, t: Labels, s: Styles) -> list[Flowable]:
    state = integrity_text(ctx, t)
    return [heading(s, t.text("integrity"), 0, "integrity"),
            s.para(coloured(state, GOOD) if ctx.integrity == "intact" else f"<b>{coloured(state, BAD)}</b>"),
            *(s.para(b) for b in render_block(ctx.lang, "integrity", ctx=ctx))]
