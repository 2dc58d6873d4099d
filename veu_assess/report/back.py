"""The report's later parts: answers by section, Statement of Applicability, evidence index,
auditor review and sign-off, integrity.

Long user texts (notes, justifications, comments up to 100 000 characters) are set as plain
paragraphs, which split across pages, cut to about a page with a visible "continues" note
(``blocks.long_text``); table cells are bounded by lines and height (``layout.Bounded``),
because a table row cannot be taller than a page.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from veu_assess.i18n_format import format_percent
from veu_assess.report.blocks import (
    PAD_X,
    SignatureSlot,
    coloured,
    heading,
    kept,
    key_values,
    long_text,
    short,
    table,
    tag,
)
from veu_assess.report.context import ItemDetail, ReportContext, SectionInfo, SignOffInfo, VerdictInfo
from veu_assess.report.front import integrity_text
from veu_assess.report.layout import budget, fit
from veu_assess.report.messages import Labels, render_block
from veu_assess.report.rows import DETAIL_SITES, EVIDENCE_ROWS, SIGNOFF_FULL, VERDICT_ROWS, counts, runs
from veu_assess.report.styles import BAD, GOOD, MUTED, RULE, STATE_COLOURS, WARN, Styles
from veu_assess.report.text import date_text, hash_text, markup

TABLE_CLIP = 240  # characters of a comment in the verdicts table; the section detail shows more
TABLE_LINES = 4  # lines of a comment in the verdicts table (75 one-line ids made each row 16 lines)
ITEM_EVIDENCE = 12  # evidence files listed under one answer; the evidence index lists every file


def _size(t: Labels, size: int) -> str:
    return t.text("bytes", size=f"{size:,}")


def _long_text(s: Styles, label: str, text: str) -> list[Flowable]:
    return [s.para(markup(label), "label"), *long_text(s, text)]


def _verdict_line(v: VerdictInfo, t: Labels, s: Styles) -> str:
    parts = [markup(t.code("verdict", v.state))]
    if v.adjusted_state:
        parts.append(f"({markup(t.text('adjusted_to'))}: {markup(t.code('state', v.adjusted_state))})")
    who = ", ".join(x for x in (short(s, v.reviewer, 150), date_text(v.date, t.lang)) if x)
    if who:
        parts.append("— " + markup(who))
    line = " ".join(parts)
    return line + "<br/>" + coloured(t.text("review_verdict_stale"), BAD) if v.stale else line


def _item(it: ItemDetail, t: Labels, s: Styles) -> list[Flowable]:
    site = f" · {short(s, it.site)}" if it.site else ""
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
        answer += (f" · {markup(t.text('col_owner'))}: {markup(short(s, it.owner, 150) or '—')}"
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
        # One line per file (name clipped by width); the evidence index has each file's hash.
        out += [s.para(f"• {markup(short(s, e.filename, 330, 8))} — {markup(_size(t, e.size))}", "small")
                for e in it.evidence[:ITEM_EVIDENCE]]
        if len(it.evidence) > ITEM_EVIDENCE:  # an answer may cite 1,000 files: the index has them all
            out.append(s.para(markup(t.text("evidence_more", count=len(it.evidence) - ITEM_EVIDENCE)), "small"))
    if it.verdict:
        out.append(s.para(f"<b>{markup(t.text('auditor_verdict'))}:</b> {_verdict_line(it.verdict, t, s)}", "small"))
        out += long_text(s, it.verdict.comment)
    return out


def _section(sec: SectionInfo, t: Labels, s: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(120), heading(s, f"{sec.id}  {sec.title}", 1, f"sec-{sec.id}")]
    if not sec.visible:
        return [*out, s.para(markup(t.text("out_of_scope")), "muted")]
    # The heading, banner, description and score line stay on the page of the first requirement.
    if not sec.in_overall:
        banner = t.text("rescinded_banner") if sec.rescinded else t.text("stretch_note")
        out.append(kept(s.para(markup(banner), "banner")))
    # readiness: unanswered counts as not met; None when nothing in the section is applicable
    score = t.text("no_score") if sec.score is None else format_percent(sec.score, t.lang)
    out.append(kept(s.para(markup(sec.description), "muted")))
    out.append(kept(s.para(f"<b>{markup(t.text('col_readiness'))}:</b> {markup(score)} · "
                           f"<b>{markup(t.text('col_completeness'))}:</b> "
                           f"{markup(format_percent(sec.completeness, t.lang))} · "
                           f"<b>{markup(t.text('col_answered'))}:</b> {sec.answered} / {sec.total}", "small")))
    for group in runs(sec.items, lambda it: it.requirement_id):
        for it in group[:DETAIL_SITES]:
            out += _item(it, t, s)
        if len(group) > DETAIL_SITES:
            out += _more_sites(group[DETAIL_SITES:], t, s, width)
    return out


def _more_sites(rest: list[ItemDetail], t: Labels, s: Styles, width: float) -> list[Flowable]:
    """One row per further site of a requirement (``rows.DETAIL_SITES``): its answer's state,
    evidence count and verdict; the texts are said to be in the assessment file."""
    intro = t.text("detail_more_sites", count=len(rest), id=rest[0].requirement_id)
    rows: list[list[Flowable | str]] = [
        [short(s, it.site, 200, 7.5), t.code("state", it.state), str(len(it.evidence)),
         t.code("verdict", it.verdict.state) if it.verdict else "—"] for it in rest]
    return [kept(s.para(markup(intro), "muted")),
            table(s, [t.text("col_site"), t.text("col_answer"), t.text("col_evidence_count"),
                      t.text("col_verdict")], rows, (210, 110, 60, width - 380))]


def detail(ctx: ReportContext, t: Labels, s: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), heading(s, t.text("detail"), 0, "detail")]
    for sec in ctx.sections:
        out += _section(sec, t, s, width)
    return out


def applicability(ctx: ReportContext, t: Labels, s: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), heading(s, t.text("soa"), 0, "soa"), s.para(markup(t.text("soa_intro")))]
    if not ctx.not_applicable:
        return [*out, s.para(markup(t.text("no_na")))]
    for group in runs(ctx.not_applicable, lambda na: na.requirement_id):
        for na in group[:DETAIL_SITES]:
            site = f" · {short(s, na.site)}" if na.site else ""
            out.append(s.para(f"<b>{markup(na.requirement_id)}</b>{markup(site)} — {markup(na.title)}", "h3"))
            out.append(kept(s.para(markup(na.section_title), "muted")))  # heading, section, label, text
            out += _long_text(s, t.text("justification"), na.justification)
        rest = group[DETAIL_SITES:]
        if rest:  # one row per further site: the justification's first line, clipped by width
            intro = t.text("soa_more_sites", count=len(rest), id=rest[0].requirement_id)
            rows: list[list[Flowable | str]] = [
                [short(s, na.site, 200, 7.5), short(s, na.justification, width - 220, 7.5)] for na in rest]
            out += [kept(s.para(markup(intro), "muted")),
                    table(s, [t.text("col_site"), t.text("justification")], rows, (210, width - 210))]
    return out


def sites(ctx: ReportContext, t: Labels, s: Styles, width: float) -> list[Flowable]:
    """Every site in a table that repeats its header on each page (the cover lists the first few)."""
    if not ctx.sites:
        return []
    out: list[Flowable] = [CondPageBreak(160), heading(s, t.text("sites"), 0, "sites"),
                           s.para(markup(t.text("sites_intro")))]
    # Two lines at most per name and address (measured): 200 sites stay about five pages; the
    # full texts are in the assessment file.
    rows: list[list[Flowable | str]] = [
        [_lines(s, x.id, 80), _lines(s, x.name, 150), _lines(s, x.address, width - 360) or "—",
         x.country or "—"] for x in ctx.sites]
    header = [t.text("col_site_id"), t.text("col_name"), t.text("col_address"), t.text("col_country")]
    out.append(table(s, header, rows, (80, 150, width - 360, 130)))
    return out


def evidence_index(ctx: ReportContext, t: Labels, s: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(160), heading(s, t.text("evidence_index"), 0, "evidence"),
                           s.para(markup(t.text("evidence_intro")))]
    if not ctx.evidence:
        return [*out, s.para(markup(t.text("no_evidence_index")))]
    shown = ctx.evidence[:EVIDENCE_ROWS]
    rows: list[list[Flowable | str]] = [
        [_lines(s, e.filename, 150), _size(t, e.size), hash_text(e.sha256),
         _lines(s, f"({len(e.used_by)}) " + ", ".join(e.used_by[:20]), width - 390)] for e in shown]
    header = [t.text("col_file"), t.text("col_size"), t.text("col_sha"), t.text("col_used_by")]
    out.append(table(s, header, rows, (150, 70, 170, width - 390)))
    if len(ctx.evidence) > len(shown):
        out.append(s.para(markup(t.text("evidence_index_more", count=len(ctx.evidence) - len(shown))), "small"))
    return out


def _comment(text: str) -> str:
    """A verdict's comment in the verdicts table: its first ``TABLE_CLIP`` characters and
    ``TABLE_LINES`` lines, then an ellipsis (the answer's entry shows more, the file has all)."""
    kept_text, omitted = budget(text, TABLE_CLIP, TABLE_LINES)
    return kept_text + " …" if omitted else kept_text


def _lines(s: Styles, text: str, width: float, lines: float = 2.0) -> str:
    """``text`` on one line, clipped with an ellipsis to about ``lines`` lines of a table cell
    ``width`` points wide (measured; the cell's padding and a margin for line breaks aside)."""
    cell = s["cell"]
    room = (width - 2 * PAD_X) * lines - (lines - 1) * cell.fontSize * 2.5
    return fit(" ".join(text.split()), cell.fontSize, max(room, width / 2), s.fonts.body, s.fonts.order)


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
        shown, rest = ctx.verdicts[:VERDICT_ROWS], ctx.verdicts[VERDICT_ROWS:]
        rows: list[list[Flowable | str]] = [
            [_lines(s, v.key, 95), s.para(_verdict_line(v, t, s), "cell"), _comment(v.comment)]
            for v in shown]
        out.append(table(s, [t.text("col_requirement"), t.text("col_verdict"), t.text("col_comment")], rows,
                         (95, 150, width - 245)))
        if rest:  # each is also under its answer in Answers by section
            by_state = ", ".join(f"{n} {t.code('verdict', state)}" for state, n in counts([v.state for v in rest]))
            out.append(s.para(markup(t.text("verdicts_more", count=len(rest), by_state=by_state)), "small"))
    else:
        out.append(s.para(markup(t.text("no_verdicts"))))
    if ctx.signoffs:
        out.append(s.para(markup(t.text("signoffs")), "h3"))
    for so in ctx.signoffs[:SIGNOFF_FULL]:
        signed_on = date_text(so.date, t.lang)
        verdict = (coloured(t.text("signoff_matches"), GOOD) if so.matches
                   else coloured(t.text("signoff_changed", date=signed_on), BAD))
        block: list[Flowable] = [key_values(s, [
            (t.text("sign_name"), short(s, so.name, 2 * (width - 140))),
            (t.text("sign_org"), short(s, so.organisation, 2 * (width - 140)) or "—"),
            (t.text("sign_role"), f"{short(s, so.role, width - 140) or '—'} ({t.code('signoff_kind', so.kind)})"),
            (t.text("sign_date"), signed_on), (t.text("signoff_digest"), hash_text(so.digest)),
            *_signature_rows(so, t),
        ], (130, width - 130)), s.para(verdict, "small")]
        if so.changes:  # which items changed since (or that it cannot be determined): review.changes
            block.append(s.para(markup(so.changes), "small"))
        out.append(KeepTogether(block))
        out += long_text(s, so.statement)
        out.append(Spacer(1, 8))
    if len(ctx.signoffs) > SIGNOFF_FULL:
        out += _more_signoffs(ctx.signoffs[SIGNOFF_FULL:], t, s, width)
    if not ctx.signoffs and not ctx.signature_slot:  # nothing signed: lines to sign the printed copy by hand
        out += [s.para(markup(t.text("sign_here")), "h3"), _sign_lines(t, s, width)]
    if ctx.signature_slot:
        spec = ctx.signature_slot
        name, org, fp = spec.name, spec.organisation, spec.fingerprint
        out.append(KeepTogether([
            s.para(markup(t.text("pdf_signature")), "h3"), s.para(markup(t.text("pdf_signature_intro")), "small"),
            key_values(s, [(t.text("sign_name"), name), (t.text("sign_org"), org or "—"),
                           (t.text("signoff_fingerprint"), fp)], (130, width - 130)),
            Spacer(1, 6), SignatureSlot(min(width, 320), 84, spec), Spacer(1, 10)]))
    return out


def _more_signoffs(rest: tuple[SignOffInfo, ...], t: Labels, s: Styles, width: float) -> list[Flowable]:
    """One row per further sign-off (``rows.SIGNOFF_FULL``): who, as what, when, and both
    verdicts (content matches or changed; the signature's state); statements in the file."""
    rows: list[list[Flowable | str]] = []
    for so in rest:
        content = t.text("signoff_matches_short") if so.matches else t.text("signoff_changed_short")
        rows.append([_lines(s, so.name, 150), t.code("signoff_kind", so.kind), date_text(so.date, t.lang),
                     s.para(coloured(content, GOOD if so.matches else BAD), "cell"),
                     t.code("signature_state", so.signature)])
    return [kept(s.para(markup(t.text("signoffs_more", count=len(rest))), "small")),
            table(s, [t.text("sign_name"), t.text("sign_role"), t.text("sign_date"), t.text("col_content"),
                      t.text("signoff_signature")], rows, (150, 90, 70, width - 400, 90))]


def _signature_rows(so: SignOffInfo, t: Labels) -> list[tuple[str, str]]:
    """The signature verdict, worded as ``veu-assess verify`` words it, and the fingerprint."""
    verdict = t.code("signature_state", so.signature)
    if so.signature == "invalid" and so.signature_reason:
        verdict = f"{verdict} ({so.signature_reason})"
    rows = [(t.text("signoff_signature"), verdict)]
    if so.fingerprint:
        rows.append((t.text("signoff_fingerprint"), so.fingerprint))
    return rows


def integrity(ctx: ReportContext, t: Labels, s: Styles) -> list[Flowable]:
    state = integrity_text(ctx, t)
    return [heading(s, t.text("integrity"), 0, "integrity"),
            s.para(coloured(state, GOOD) if ctx.integrity == "intact" else f"<b>{coloured(state, BAD)}</b>"),
            *(s.para(b) for b in render_block(ctx.lang, "integrity", ctx=ctx))]
