"""Report pages for route selection (before the score) and the ISO 27001 / SP 800-53 evidence map.

``route_info`` turns the engine's route result (engine/routes.py, data in forms/routes.yaml) into
plain, cleaned texts for one language; ``route_pages`` draws them right after the framing, so the
first pages say "for these sites and items, the VEU route is / is not the one to prepare" and that
the score that follows is readiness for the VEU route. ``control_pages`` adds, to the evidence index,
which ISO/IEC 27001:2022 Annex A controls and SP 800-53 families each shown requirement maps to.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, Spacer

from veu_assess.catalog.controls import default_control_map
from veu_assess.catalog.loader import Catalog
from veu_assess.engine.routes import SCORE_LABEL, affiliates_text, headline_text, select_routes, verdict_text
from veu_assess.engine.visibility import Item
from veu_assess.model.assessment import Assessment
from veu_assess.report.blocks import heading, table
from veu_assess.report.styles import Styles
from veu_assess.report.text import clean, markup

if TYPE_CHECKING:
    from veu_assess.report.context import ReportContext

TEXTS = {
    "routes_title": {"en": "Route selection: which authorization route fits", "ja": "ルートの選択：適する許可ルート"},
    "col_route": {"en": "Route", "ja": "ルート"},
    "col_verdict": {"en": "Verdict", "ja": "判定"},
    "col_reasons": {"en": "Reasons and citations", "ja": "理由と根拠"},
    "controls_title": {"en": "Evidence you may reuse: ISO/IEC 27001:2022 and NIST SP 800-53",
                       "ja": "流用できる証跡：ISO/IEC 27001:2022 と NIST SP 800-53"},
    "col_requirement": {"en": "Requirement", "ja": "要件"},
    "col_iso": {"en": "ISO/IEC 27001:2022 Annex A", "ja": "ISO/IEC 27001:2022 附属書 A"},
    "col_nist": {"en": "SP 800-53 families", "ja": "SP 800-53 ファミリー"},
}


def _t(key: str, lang: str) -> str:
    return TEXTS[key]["ja" if lang == "ja" else "en"]


@dataclass(frozen=True)
class RouteInfo:
    headline: str
    score_label: str
    affiliates: str
    rows: tuple[tuple[str, str, str], ...]  # route, verdict, reasons with citations


def route_info(catalog: Catalog, assessment: Assessment, lang: str, today: dt.date) -> RouteInfo:
    r = select_routes(catalog, assessment, today, lang)
    rows = tuple(
        (f.title, verdict_text(f.verdict, lang),
         "\n".join(f"{x.text} [{x.citation}]" for x in f.reasons if x.verdict is f.verdict))
        for f in r.findings
    )
    return RouteInfo(headline_text(r, lang), SCORE_LABEL["ja" if lang == "ja" else "en"],
                     affiliates_text(r, lang), rows)


def control_rows(items: list[Item], lang: str) -> tuple[tuple[str, str, str], ...]:
    cmap = default_control_map()
    seen: dict[str, tuple[str, str, str]] = {}
    for it in items:
        m = cmap.of(it.requirement.id)
        if m is None or it.requirement.id in seen:
            continue
        seen[it.requirement.id] = (f"{it.requirement.id} — {clean(it.requirement.title.get(lang), False)}",
                                   ", ".join(f"A.{c}" for c in m.iso27001), ", ".join(m.sp800_53))
    return tuple(seen.values())


def route_pages(ctx: ReportContext, s: Styles, width: float) -> list[Flowable]:
    info = ctx.routes
    if info is None:
        return []
    lang = ctx.lang
    out: list[Flowable] = [heading(s, _t("routes_title", lang), 0, "routes"),
                           s.para(f"<b>{markup(info.headline)}</b>")]
    header = [_t("col_route", lang), _t("col_verdict", lang), _t("col_reasons", lang)]
    out.append(table(s, header, [list(r) for r in info.rows], (110, 70, width - 180)))
    if info.affiliates:
        out += [Spacer(1, 4), s.para(markup(info.affiliates))]
    out += [Spacer(1, 4), s.para(f"<b>{markup(info.score_label)}</b>")]
    return out


def control_pages(ctx: ReportContext, s: Styles, width: float) -> list[Flowable]:
    if not ctx.control_map:
        return []
    lang = ctx.lang
    note = default_control_map().mapping.note.get(lang)
    header = [_t("col_requirement", lang), _t("col_iso", lang), _t("col_nist", lang)]
    return [Spacer(1, 8), heading(s, _t("controls_title", lang), 1, "controls"), s.para(markup(note), "muted"),
            table(s, header, [list(r) for r in ctx.control_map], (width - 220, 130, 90))]
