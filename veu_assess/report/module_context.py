"""What the report shows of each switched-on optional module: its own chapter, never the VEU score.

Built from the engine's ModuleResult (one scoring path): the module's title, description, as-of
date, sources, its own result (a score and level, or "prepared / items open" with progress), what
it deliberately does not claim, its open items and, for a module with a bill-of-materials item,
the US-origin share by value with the lines that decide it. User text is cleaned by the caller's
``clean`` (escaping happens where the text reaches reportlab).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import ModuleKind, QuestionType
from veu_assess.engine.bom import PRESUMPTION_PERCENT, share_text, us_share
from veu_assess.engine.scoring import Result
from veu_assess.model.assessment import Answer, Assessment


@dataclass(frozen=True)
class BomRow:
    line: int  # 1-based line number in the bill of materials
    description: str
    value: str
    origin: str  # ISO code, or "" when not known


@dataclass(frozen=True)
class UsContentInfo:
    lines: int
    total: str
    us_value: str
    share_low: str  # "52.30", "" for an empty BOM
    share_high: str
    presumption: str  # "51"
    outcome: str  # met / not_met / undetermined / empty
    deciding: tuple[BomRow, ...]


@dataclass(frozen=True)
class ModuleSource:
    id: str
    title: str
    publisher: str
    date: str
    url: str
    verify: str


@dataclass(frozen=True)
class ModuleInfo:
    id: str
    kind: str  # scored / checklist
    title: str
    short_title: str
    description: str
    not_claimed: str
    as_of: str
    score: float | None
    level_label: str
    provisional: bool
    status: str  # checklist: prepared / items_open
    answered: int
    done: int
    total: int
    progress: float  # 0..100
    open_items: tuple[tuple[str, str, str], ...]  # (key, title, state)
    sources: tuple[ModuleSource, ...]
    us_content: UsContentInfo | None


def _money(value: float) -> str:
    return f"{value:,.2f}"


def module_infos(catalog: Catalog, assessment: Assessment, result: Result, lang: str,
                 clean: Callable[[str, bool], str]) -> tuple[ModuleInfo, ...]:
    out = []
    for m in result.enabled_modules:
        mod = m.module
        level = next((lv.label.get(lang) for lv in catalog.header.scoring.levels if lv.id is m.level), "")
        us: UsContentInfo | None = None
        if any(it.requirement.question_type is QuestionType.BOM for it in m.items):
            share = us_share(assessment.bom)
            us = UsContentInfo(
                lines=len(assessment.bom), total=_money(float(share.total)), us_value=_money(float(share.us_value)),
                share_low=share_text(share.low), share_high=share_text(share.high),
                presumption=str(PRESUMPTION_PERCENT), outcome=share.outcome,
                deciding=tuple(BomRow(i + 1, clean(assessment.bom[i].description, False),
                                      _money(assessment.bom[i].value), assessment.bom[i].origin)
                               for i in share.deciding))
        sources = tuple(
            ModuleSource(s.id, s.title, s.publisher, s.date.isoformat() if s.date else "", s.url, s.verify or "")
            for s in (catalog.sources[sid] for sid in mod.sources if sid in catalog.sources))
        out.append(ModuleInfo(
            id=mod.id, kind=mod.kind.value, title=mod.title.get(lang), short_title=mod.short_title.get(lang),
            description=mod.description.get(lang), not_claimed=mod.not_claimed.get(lang),
            as_of=mod.as_of.isoformat(), score=m.score if mod.kind is ModuleKind.SCORED else None,
            level_label=level, provisional=m.provisional, status=m.status or "", answered=m.answered,
            done=m.done, total=m.total, progress=100.0 * m.progress,
            open_items=tuple((it.key, it.requirement.title.get(lang),
                              assessment.answers.get(it.key, Answer()).state.value) for it in m.open_items),
            sources=sources, us_content=us,
        ))
    return tuple(out)
