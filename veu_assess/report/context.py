"""The report context: plain, typed data built from the engine's result (no second scoring path).

``build_context()`` reads ``engine.scoring.evaluate()`` once and copies what the report and the
CSV export show into frozen dataclasses. Catalog texts are resolved to the report language;
user texts are cleaned (``report.text.clean``) but not escaped, because escaping belongs to the
output format (PDF markup, CSV). Answer states, priorities and statuses stay codes; the
language's labels (templates/report/<lang>/labels.yaml) name them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from veu_assess import __version__
from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import Status
from veu_assess.catalog.status import dated_status_text, day_text, status_on
from veu_assess.engine.inventory import Inventory, inventory_of
from veu_assess.engine.routes import select_routes
from veu_assess.engine.scoring import Result, evaluate
from veu_assess.engine.status import changed_since as catalog_changes_since
from veu_assess.engine.status import changes_text, framing_paragraphs, staleness
from veu_assess.engine.visibility import Item
from veu_assess.languages import check_language
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.report.module_context import ModuleInfo, module_infos
from veu_assess.report.routes import RouteInfo, control_rows, route_info
from veu_assess.report.text import clean
from veu_assess.report.verdict_text import level_note, rank_reason_text, recommendation_text
from veu_assess.review.adjusted import adjusted_result
from veu_assess.review.changes import changes_against, verdict_is_stale
from veu_assess.review.texts import changes_text as signoff_changes_text
from veu_assess.review.texts import protection_statement
from veu_assess.storage.digest import content_digest
from veu_assess.storage.document import Document
from veu_assess.storage.integrity import EvidenceProblem, integrity_state, verify_evidence


@dataclass(frozen=True)
class SiteInfo:
    id: str
    name: str
    address: str
    country: str


@dataclass(frozen=True)
class EvidenceInfo:
    filename: str
    size: int
    sha256: str
    used_by: tuple[str, ...] = ()  # answer keys that attach this file (evidence index only)


@dataclass(frozen=True)
class VerdictInfo:
    key: str
    requirement_id: str
    site: str
    state: str  # accepted / needs_info / rejected
    adjusted_state: str  # an AnswerState value, or "" when the auditor kept the operator's
    reviewer: str
    date: str
    comment: str
    stale: bool = False  # the item changed after the verdict (review.changes.verdict_is_stale)


@dataclass(frozen=True)
class ItemDetail:
    key: str
    requirement_id: str
    site: str
    title: str
    guidance: str
    citation: str
    status: str  # catalog Status value
    status_dated: str  # the status with its date in the report's language ("Suspended from … until …")
    verify: bool
    verify_what: str  # what to verify (the requirement's verify_note), "" when not given
    gate: bool
    importance: str
    state: str  # AnswerState value
    justification: str
    notes: str
    evidence: tuple[EvidenceInfo, ...]
    marked_for_review: bool
    owner: str
    due: str
    verdict: VerdictInfo | None


@dataclass(frozen=True)
class SectionInfo:
    id: str
    title: str
    description: str
    visible: bool  # False: out of scope for this profile
    in_overall: bool  # False: a stretch module scored apart
    rescinded: bool  # the module's rules were rescinded (never in the in-force score)
    module_title: str
    answered: int
    total: int
    score: float | None  # readiness: unanswered items count as not met
    items: tuple[ItemDetail, ...]
    completeness: float = 100.0  # answered share, percent
    answered_score: float | None = None  # the answered items alone (shown only labelled so)


@dataclass(frozen=True)
class GateInfo:
    key: str
    requirement_id: str
    site: str
    title: str
    citation: str
    state: str


@dataclass(frozen=True)
class GapInfo:
    rank: int
    key: str
    requirement_id: str
    site: str
    title: str
    section_id: str
    section_title: str
    state: str
    priority: str
    citation: str
    remediation: str
    owner: str
    due: str
    stretch: bool = False  # in a rescinded stretch module; ranked after every in-force gap
    rank_reason: str = ""  # why it is ranked here (engine/gaps.py), in the report's language


@dataclass(frozen=True)
class AdjustedInfo:
    """The operator's answers scored with the auditor's adjusted states in their place."""

    count: int  # verdicts that adjust a state
    level_label: str
    readiness: float | None
    gates_failed: int


@dataclass(frozen=True)
class UnansweredInfo:
    key: str
    requirement_id: str
    site: str
    title: str
    section_id: str
    section_title: str
    citation: str
    gate: bool


@dataclass(frozen=True)
class NotApplicableInfo:
    key: str
    requirement_id: str
    site: str
    title: str
    section_title: str
    justification: str


@dataclass(frozen=True)
class SignOffInfo:
    name: str
    organisation: str
    role: str
    kind: str  # SignOffRole value
    date: str
    statement: str
    digest: str
    matches: bool  # the digest it saw equals the current content digest
    signature: str = "unsigned"  # SignatureState name: trusted / unconfirmed / invalid / unsigned
    signature_reason: str = ""  # why invalid (English, from signing.cms)
    fingerprint: str = ""  # SHA-256 of the signer's certificate
    changes: str = ""  # which items changed since, in the report's language ("" when nothing changed)


@dataclass(frozen=True)
class ReportContext:
    lang: str
    report_date: dt.date
    assessment_title: str
    applicant: str
    destination_country: str
    parent_hq_country: str
    sites: tuple[SiteInfo, ...]
    catalog_title: str
    catalog_version: str
    catalog_as_of: str
    disclaimer: str
    level: str
    level_label: str
    # The qualifier when the route is not the VEU's (engine.verdict.level_qualified), else "": the level
    # is then shown in a neutral colour, never in its hopeful one.
    level_note: str
    level_description: str
    provisional: bool
    score: float | None
    answered: int
    total: int
    sections: tuple[SectionInfo, ...]
    gates_failed: tuple[GateInfo, ...]
    gates_open: tuple[GateInfo, ...]
    gaps: tuple[GapInfo, ...]
    not_applicable: tuple[NotApplicableInfo, ...]
    evidence: tuple[EvidenceInfo, ...]
    verdicts: tuple[VerdictInfo, ...]
    signoffs: tuple[SignOffInfo, ...]
    digest: str
    app_version: str
    integrity: str = "intact"  # intact / modified (by another program) / changed_after_signoff
    integrity_detail: str = ""  # what no longer matches, for "modified"
    integrity_since: dt.date | None = None  # the sign-off date, for "changed_after_signoff"
    evidence_checked: int = 0  # evidence files hashed against their SHA-256 for this report
    protection: str = ""  # what the sign-off digest protects against, and what it does not
    # The verdict's figures (issue 18): readiness counts unanswered items as not met; completeness
    # is the answered share; the level stays "incomplete" below completeness_threshold.
    readiness: float | None = None
    completeness: float = 100.0
    answered_score: float | None = None
    completeness_threshold: float = 90.0
    recommendation: str = ""
    unanswered: tuple[UnansweredInfo, ...] = ()
    inventory: Inventory | None = None
    confidentiality: str = ""  # the catalog's marking for the cover and every footer ("" = none)
    generated: dt.datetime | None = None  # when the report is generated (UTC); set by report.api
    # A signed report: the signer shown on the sign-off page above the box where the PDF
    # signature's visible block goes (report.blocks.SignatureSlotSpec).
    signature_slot: Any = None
    # legal status (report/framing.py): framing paragraphs (title, text), notes on what may have
    # changed since the research date, changes since the file's questionnaire version
    framing: tuple[tuple[str, str], ...] = ()
    status_notes: tuple[str, ...] = ()
    status_read_on: str = ""
    changes: tuple[str, ...] = ()
    file_catalog_version: str = ""
    # route selection before the score, and the ISO 27001 / SP 800-53 evidence map (report/routes.py)
    routes: RouteInfo | None = None
    control_map: tuple[tuple[str, str, str], ...] = ()
    modules: tuple[ModuleInfo, ...] = ()  # switched-on optional modules, each its own chapter
    adjusted: AdjustedInfo | None = None  # the auditor-adjusted result, beside the operator's (issue 20)

    @property
    def progress_pct(self) -> float:
        return 100.0 * self.answered / self.total if self.total else 100.0

    def gap_count(self, priority: str) -> int:
        return sum(1 for g in self.gaps if g.priority == priority)


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _country(catalog: Catalog, code: str, lang: str) -> str:
    for c in catalog.header.countries:
        if c.code == code:
            return f"{c.name.get(lang)} ({code})"
    return code


def _verdicts(doc: Document, items: list[Item]) -> dict[str, VerdictInfo]:
    """Every verdict, keyed by answer key; verdicts on items not shown (any more) are kept too."""
    out: dict[str, VerdictInfo] = {}
    for key in sorted(doc.review.verdicts):
        v = doc.review.verdicts[key]
        rid, _, site = key.partition("@")
        out[key] = VerdictInfo(
            key=clean(key), requirement_id=clean(rid), site=clean(site), state=v.state.value,
            adjusted_state=v.adjusted_state.value if v.adjusted_state else "",
            reviewer=clean(v.reviewer), date=_date(v.date), comment=clean(v.comment),
            stale=verdict_is_stale(doc, key),
        )
    order = {it.key: i for i, it in enumerate(items)}
    return dict(sorted(out.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))


def _evidence(items: list[Item], answers: dict[str, Answer]) -> tuple[EvidenceInfo, ...]:
    """One row per distinct file (by SHA-256), in the order the questionnaire first cites it."""
    found: dict[str, tuple[EvidenceInfo, dict[str, None]]] = {}  # keys as an ordered set
    for it in items:
        for ev in answers.get(it.key, Answer()).evidence:
            row = found.get(ev.sha256)
            if row is None:
                row = found[ev.sha256] = (EvidenceInfo(clean(ev.filename, False), ev.size, ev.sha256), {})
            row[1][it.key] = None
    return tuple(EvidenceInfo(e.filename, e.size, e.sha256, tuple(keys)) for e, keys in found.values())


SIGNOFF_CHANGES_SHOWN = 60
"""Items named per sign-off in the report; the rest are counted ("and N more"), to keep the page budget."""


def _signoffs(doc: Document, lang: str) -> tuple[SignOffInfo, ...]:
    """Each sign-off with the same signature verdict as ``veu-assess verify`` and the app, and the
    items changed since it (``review.changes``, the app's and ``veu-assess diff``'s rule)."""
    from veu_assess.signing.verify import document_verdicts

    current = doc.digest() if doc.review.signoffs else None  # hashed once for every sign-off
    return tuple(
        SignOffInfo(clean(v.signoff.name, False), clean(v.signoff.organisation, False), clean(v.signoff.role, False),
                    v.signoff.kind.value, v.signoff.date.isoformat(), clean(v.signoff.statement), v.signoff.digest,
                    v.matches, v.state.name.lower(), clean(v.reason, False), v.fingerprint,
                    clean(signoff_changes_text(changes_against(v.signoff, doc, i, current), lang,
                                               SIGNOFF_CHANGES_SHOWN), False))
        for i, v in enumerate(document_verdicts(doc))
    )


def build_context(doc: Document, catalog: Catalog, lang: str = "en", result: Result | None = None,
                  evidence_problems: list[EvidenceProblem] | None = None,
                  today: dt.date | None = None) -> ReportContext:
    """Everything the report shows, for one language, from one engine evaluation, escaped. Evidence
    is hashed unless ``evidence_problems`` (the result of ``verify_evidence`` the caller already
    ran) is given: "intact" must mean checked."""
    check_language(lang, "report")
    a = doc.assessment
    today = today or dt.date.today()  # legal statuses are read on the day the report is made
    result = result or evaluate(catalog, a)
    digest = content_digest(a)
    verdicts = _verdicts(doc, result.items)
    site_names = {s.id: s.name for s in a.profile.sites}
    by_section: dict[str, list[Item]] = {}
    for it in result.items:
        by_section.setdefault(it.section.id, []).append(it)

    def site_label(site_id: str | None) -> str:
        return clean(site_names.get(site_id, site_id), False) if site_id else ""

    infos: dict[tuple[str, int, str], EvidenceInfo] = {}

    def evidence_info(filename: str, size: int, sha256: str) -> EvidenceInfo:
        # One object per file: an answer may cite 1,000 files, most of them cited by other answers.
        key = (filename, size, sha256)
        if key not in infos:
            infos[key] = EvidenceInfo(clean(filename, False), size, sha256)
        return infos[key]

    def detail(it: Item) -> ItemDetail:
        ans, req = a.answers.get(it.key, Answer()), it.requirement
        return ItemDetail(
            key=it.key, requirement_id=req.id, site=site_label(it.site_id), title=req.title.get(lang),
            guidance=req.guidance.get(lang), citation=req.citation, status=req.status.value,
            status_dated=dated_status_text(status_on(req.timeline, today), lang, req.status),
            verify_what=req.verify_note.get(lang) if req.verify_note else "",
            verify=req.verify, gate=req.gate, importance=req.importance.value, state=ans.state.value,
            justification=clean(ans.justification), notes=clean(ans.notes),
            evidence=tuple(evidence_info(e.filename, e.size, e.sha256) for e in ans.evidence),
            marked_for_review=ans.marked_for_review, owner=clean(ans.owner, False), due=_date(ans.due),
            verdict=verdicts.get(it.key),
        )

    modules = {m.id: m for m in catalog.header.modules}
    sections = []
    for s in result.sections:
        sec_items = by_section.get(s.section.id, [])
        module = modules.get(s.section.module) if s.section.module else None
        sections.append(SectionInfo(
            id=s.section.id, title=s.section.title.get(lang), description=s.section.description.get(lang),
            visible=s.visible, in_overall=s.in_overall,
            rescinded=any(r.status is Status.CODIFIED_NOT_ENFORCED for r in s.section.requirements),
            module_title=module.title.get(lang) if module else "", answered=s.answered, total=s.total,
            score=s.readiness, items=tuple(detail(it) for it in sec_items) if s.visible else (),
            completeness=s.completeness, answered_score=s.answered_score,
        ))

    def gate(it: Item) -> GateInfo:
        return GateInfo(it.key, it.requirement.id, site_label(it.site_id), it.requirement.title.get(lang),
                        it.requirement.citation, a.answers.get(it.key, Answer()).state.value)

    gaps = tuple(
        GapInfo(
            rank=g.rank, key=g.item.key, requirement_id=g.requirement.id, site=site_label(g.item.site_id),
            title=g.requirement.title.get(lang), section_id=g.item.section.id,
            section_title=g.item.section.title.get(lang), state=g.state.value, priority=g.priority,
            citation=g.requirement.citation, remediation=g.requirement.remediation.get(lang),
            owner=clean(g.answer.owner, False), due=_date(g.answer.due), stretch=g.stretch,
            rank_reason=rank_reason_text(g.reason, lang) if g.reason else "",
        )
        for g in result.gaps
    )
    not_applicable = tuple(
        NotApplicableInfo(it.key, it.requirement.id, site_label(it.site_id), it.requirement.title.get(lang),
                          it.section.title.get(lang), clean(a.answers[it.key].justification))
        for it in result.items
        if a.answers.get(it.key, Answer()).state is AnswerState.NOT_APPLICABLE
    )
    level = next(lv for lv in catalog.header.scoring.levels if lv.id is result.level)
    headline = select_routes(catalog, a, today).headline
    problems = verify_evidence(doc) if evidence_problems is None else evidence_problems
    p, state = a.profile, integrity_state(doc, problems)
    return ReportContext(
        lang=lang, report_date=a.assessment_date, assessment_title=clean(a.title, False),
        applicant=clean(p.applicant_name, False),
        destination_country=_country(catalog, p.destination_country, lang),
        parent_hq_country=_country(catalog, p.parent_hq_country, lang),
        sites=tuple(SiteInfo(clean(s.id), clean(s.name, False), clean(s.address, False),
                             _country(catalog, s.country, lang)) for s in p.sites),
        catalog_title=catalog.header.title.get(lang), catalog_version=catalog.version,
        catalog_as_of=catalog.header.as_of.isoformat(), disclaimer=catalog.header.disclaimer.get(lang),
        level=result.level.value, level_label=level.label.get(lang),
        level_note=level_note(result, lang, headline), level_description=level.description.get(lang),
        provisional=result.provisional, score=result.score, answered=result.answered, total=result.total,
        sections=tuple(sections), gates_failed=tuple(gate(it) for it in result.gates_failed),
        gates_open=tuple(gate(it) for it in result.gates_open), gaps=gaps, not_applicable=not_applicable,
        evidence=_evidence(result.items, a.answers), verdicts=tuple(verdicts.values()),
        signoffs=_signoffs(doc, lang),
        digest=digest, app_version=__version__, integrity=state.kind.name.lower(),
        integrity_detail=clean(state.detail, False), integrity_since=state.signoff_date,
        evidence_checked=len(doc.assessment.evidence_hashes()), protection=protection_statement(lang),
        readiness=result.readiness, completeness=result.completeness, answered_score=result.answered_score,
        completeness_threshold=result.completeness_threshold,
        recommendation=recommendation_text(result, lang, headline),
        unanswered=tuple(
            UnansweredInfo(it.key, it.requirement.id, site_label(it.site_id), it.requirement.title.get(lang),
                           it.section.id, it.section.title.get(lang), it.requirement.citation, it.requirement.gate)
            for it in result.unanswered
        ),
        inventory=inventory_of(catalog, a),
        confidentiality=catalog.header.confidentiality.get(lang) if catalog.header.confidentiality else "",
        framing=tuple(framing_paragraphs(catalog, lang)),
        status_notes=tuple(n.text(lang) for n in staleness(catalog, today)),
        status_read_on=day_text(today, lang),
        changes=tuple(changes_text(catalog_changes_since(catalog, a.catalog_version,
                                                 {k.split("@", 1)[0] for k in a.answers}), lang)),
        file_catalog_version=clean(a.catalog_version, False),
        routes=route_info(catalog, a, lang, today),
        control_map=control_rows(result.items, lang),
        modules=module_infos(catalog, a, result, lang, clean),
        adjusted=_adjusted(catalog, doc, lang),
    )


def _adjusted(catalog: Catalog, doc: Document, lang: str) -> AdjustedInfo | None:
    adjusted = adjusted_result(catalog, doc)
    if adjusted is None:
        return None
    level = next(lv for lv in catalog.header.scoring.levels if lv.id is adjusted.level)
    count = sum(1 for v in doc.review.verdicts.values() if v.adjusted_state is not None)
    return AdjustedInfo(count, level.label.get(lang), adjusted.readiness, len(adjusted.gates_failed))

