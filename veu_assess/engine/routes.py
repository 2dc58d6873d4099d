"""Route selection, before the score: which authorization route fits this profile (no Qt).

Facts come from the profile (site countries, destination, the ultimate parent's headquarters) and
from the accelerator inventory classified by the one TPP calculator (engine.calculators). The legal
reading lives in forms/routes.yaml; this module only matches facts against its rules. The result
says whether the Data Center VEU route -- the one the readiness score measures -- is the one to
prepare, with the reasons and citations of every rule that matched, and the Affiliates-rule status on
the day of reading (from OWN-07's timeline).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.routes import RANK, RoutesFile, Verdict, default_routes
from veu_assess.catalog.status import Status, status_on
from veu_assess.engine.calculators import UNDETERMINED, A, site_inventory
from veu_assess.model.assessment import Assessment

AFFILIATES_REQUIREMENT = "OWN-07"  # its timeline carries the Affiliates rule's suspension


def facts(catalog: Catalog, assessment: Assessment, routes: RoutesFile) -> set[str]:
    """The fact names of catalog.routes.FACTS that hold for this assessment."""
    p = assessment.profile
    d5 = catalog.country_group("D5_OR_MACAU")
    out: set[str] = set()
    site_countries = [s.country for s in p.sites]
    places = [c for c in [*site_countries, p.destination_country] if c]
    if any(c in d5 for c in places):
        out.add("site_in_d5_or_macau")
    if p.sites and all(site_countries):
        out.add("sites_known")
        if all(c == "US" for c in site_countries):
            out.add("all_sites_us")
    if p.parent_hq_country:
        out.add("parent_known")
        if p.parent_hq_country in d5:
            out.add("parent_in_d5_or_macau")
        if p.parent_hq_country in routes.country_set("AIEP_CONCERN"):
            out.add("parent_in_aiep_concern")
    th = catalog.header.thresholds
    for site_id, lines in assessment.inventory.items():
        if not lines:
            continue
        out.add("inventory_given")
        for line in site_inventory(site_id, lines, th).lines:
            if line.classification.controlled:
                out.add("controlled_items")
            if line.classification.eccn == A and line.accelerator.datacenter_part:
                out.add("datacenter_a_items")
            if line.classification.eccn == UNDETERMINED:
                out.add("undetermined_items")
    return out


@dataclass(frozen=True)
class RouteReason:
    rule_id: str
    verdict: Verdict
    text: str
    citation: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class RouteFinding:
    route_id: str
    title: str
    verdict: Verdict
    reasons: tuple[RouteReason, ...]


@dataclass(frozen=True)
class RouteResult:
    facts: frozenset[str]
    findings: tuple[RouteFinding, ...]
    headline: str  # key of the headline message: veu_prepare, veu_not_route, veu_not_needed, veu_open
    affiliates: Status | None  # the Affiliates rule's status on the day read
    affiliates_ended: bool  # a dated suspension has passed its end: VERIFY

    def finding(self, route_id: str) -> RouteFinding:
        for f in self.findings:
            if f.route_id == route_id:
                return f
        raise KeyError(route_id)


HEADLINES = {
    "veu_prepare": {
        "en": "For these sites and items, the Data Center VEU route is one to prepare; compare it with an "
              "individual licence with conditions.",
        "ja": "これらのサイトと品目については、データセンター VEU ルートを準備する価値があります。"
              "条件付き個別許可と比較してください。",
    },
    "veu_not_route": {
        "en": "For these sites and items, the Data Center VEU route is not the one to prepare.",
        "ja": "これらのサイトと品目については、データセンター VEU は準備すべきルートではありません。",
    },
    "veu_not_needed": {
        "en": "For these sites and items, a Data Center VEU is not needed.",
        "ja": "これらのサイトと品目については、データセンター VEU は必要ありません。",
    },
    "veu_open": {
        "en": "The route cannot be told yet: complete the profile and the accelerator inventory.",
        "ja": "まだルートを判断できません。プロフィールとアクセラレータ在庫を入力してください。",
    },
}
SCORE_LABEL = {
    "en": "The readiness score below measures readiness for the Data Center VEU route only.",
    "ja": "以下の準備スコアは、データセンター VEU ルートに対する準備状況のみを示します。",
}
VERDICT_TEXT = {
    Verdict.EXCLUDED: {"en": "excluded", "ja": "対象外"},
    Verdict.FITS: {"en": "fits", "ja": "適合"},
    Verdict.MAY_APPLY: {"en": "may apply", "ja": "適用の可能性あり"},
    Verdict.NOT_NEEDED: {"en": "not needed", "ja": "不要"},
    Verdict.OPEN: {"en": "open: to be checked", "ja": "未確定：要確認"},
}


def _affiliates(catalog: Catalog, day: dt.date) -> tuple[Status | None, bool]:
    req = catalog.requirements.get(AFFILIATES_REQUIREMENT)
    if req is None:
        return None, False
    change = status_on(req.timeline, day)
    if change is None:
        return None, False
    ended = change.until is not None and day > change.until
    return change.status, ended


def select_routes(catalog: Catalog, assessment: Assessment, day: dt.date,
                  lang: str = "en", routes: RoutesFile | None = None) -> RouteResult:
    routes = routes or default_routes()
    held = facts(catalog, assessment, routes)
    reasons: dict[str, list[RouteReason]] = {r.id: [] for r in routes.routes}
    for rule in routes.rules:
        if not rule.when.holds(held):
            continue
        for o in rule.outcomes:
            reasons[o.route].append(RouteReason(rule.id, o.verdict, rule.reason.get(lang), rule.citation,
                                                tuple(rule.sources)))
    findings = []
    for r in routes.routes:
        rs = sorted(reasons[r.id], key=lambda x: RANK[x.verdict])
        verdict = rs[0].verdict if rs else Verdict.OPEN
        findings.append(RouteFinding(r.id, r.title.get(lang), verdict, tuple(rs)))
    veu = next(f for f in findings if f.route_id == "veu").verdict
    headline = {Verdict.EXCLUDED: "veu_not_route", Verdict.FITS: "veu_prepare",
                Verdict.NOT_NEEDED: "veu_not_needed"}.get(veu, "veu_open")
    status, ended = _affiliates(catalog, day)
    return RouteResult(frozenset(held), tuple(findings), headline, status, ended)


def headline_text(result: RouteResult, lang: str) -> str:
    return HEADLINES[result.headline]["ja" if lang == "ja" else "en"]


AFFILIATES = {
    "ended": {
        "en": "Affiliates (50 %) rule: its suspension ended on 9 Nov 2026; VERIFY whether it was extended or "
              "the rule applies again. Screen ownership to the ultimate parent (OWN-07, OWN-08, OWN-09).",
        "ja": "関連会社（50 %）ルール：適用停止は 2026 年 11 月 9 日に終了しました。"
              "延長の有無を確認してください（要確認（VERIFY））。最終親会社まで所有関係を確認してください"
              "（OWN-07、OWN-08、OWN-09）。",
    },
    "suspended": {
        "en": "Affiliates (50 %) rule: suspended from 10 Nov 2025 until 9 Nov 2026; ownership red flags "
              "still call for review (OWN-07, OWN-09).",
        "ja": "関連会社（50 %）ルール：2025 年 11 月 10 日から 2026 年 11 月 9 日まで適用停止中。"
              "所有関係のレッドフラグは引き続き確認してください（OWN-07、OWN-09）。",
    },
    "in_force": {
        "en": "Affiliates (50 %) rule: in force; entities 50 % or more owned by listed parties are treated "
              "as listed (OWN-07).",
        "ja": "関連会社（50 %）ルール：施行中。掲載者が 50 % 以上所有する事業体は掲載者と同様に扱われます（OWN-07）。",
    },
}


def affiliates_text(result: RouteResult, lang: str) -> str:
    """One line on the Affiliates (50 %) rule beside the headquarters rule."""
    if result.affiliates is None:
        return ""
    key = ("ended" if result.affiliates_ended
           else "suspended" if result.affiliates is Status.SUSPENDED else "in_force")
    return AFFILIATES[key]["ja" if lang == "ja" else "en"]


def verdict_text(verdict: Verdict, lang: str) -> str:
    return VERDICT_TEXT[verdict]["ja" if lang == "ja" else "en"]
