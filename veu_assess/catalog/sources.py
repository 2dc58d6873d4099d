"""Sources as data (forms/sources.yaml) and the checks that every statement rests on one.

``veu-assess catalog --check`` refuses, naming the file and the requirement:
- a requirement or country group without a source, or naming a source that does not exist;
- a requirement without a timeline, or a status change without a source;
- a date after the catalog's ``as_of`` (a status change, a source, a country group's as-of);
  an ``until`` may lie after it (a suspension's announced end), but then needs ``after_until``;
- a requirement whose ``status`` is not the timeline's status on ``as_of``;
- a VERIFY without its note (a requirement, a country group or a source that was not read);
- a gate on a status that may not fail a gate (veu_assess.catalog.status.GATE_STATUSES).
``veu-assess catalog --sources`` prints every source with the requirements that rest on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from veu_assess.catalog.status import GATE_STATUSES, Source, Status, StatusChange, status_on

if TYPE_CHECKING:
    from veu_assess.catalog.loader import Catalog
    from veu_assess.catalog.schema import CatalogHeader, Requirement


def _mentions_verify(text: str) -> bool:
    """The capitalised marker (English) or 要確認 (Japanese); 'verifying identity' is no VERIFY."""
    return "VERIFY" in text or "要確認" in text


def source_file_problems(sources: Iterable[Source], as_of: dt.date, file: str) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for src in sources:
        where = f"{file}: source {src.id}"
        if src.id in seen:
            out.append(f"{where}: field id: duplicate source id")
        seen.add(src.id)
        if src.date is None and not (src.verify or "").strip():
            out.append(f"{where}: field date: no date given and no verify note saying why")
        if src.date is not None and src.date > as_of:
            out.append(f"{where}: field date: {src.date.isoformat()} is after the catalog's as_of "
                       f"{as_of.isoformat()}")
        if not src.read and not (src.verify or "").strip():
            out.append(f"{where}: field verify: not read (read: false) but no note of what to verify")
    return out


def _timeline_problems(where: str, timeline: list[StatusChange], known: set[str], as_of: dt.date) -> list[str]:
    out: list[str] = []
    for i, ch in enumerate(timeline):
        place = f"{where}: field timeline[{i}]"
        if not ch.sources:
            out.append(f"{place}.sources: the status change of {ch.date.isoformat()} ({ch.status.value}) "
                       "has no source")
        for sid in ch.sources:
            if sid not in known:
                out.append(f"{place}.sources: unknown source '{sid}' (not in sources.yaml)")
        if ch.date > as_of:
            out.append(f"{place}.date: {ch.date.isoformat()} is after the catalog's as_of {as_of.isoformat()}")
        if ch.until is not None:
            if ch.until < ch.date:
                out.append(f"{place}.until: {ch.until.isoformat()} is before the change's date")
            if ch.after_until is None:
                out.append(f"{place}.after_until: a status with an end date must say what to verify after it")
    return out


def requirement_problems(req: Requirement, file: str, known: set[str], as_of: dt.date) -> list[str]:
    where = f"{file}: requirement {req.id}"
    out: list[str] = []
    if not req.sources:
        out.append(f"{where}: field sources: no source given; every requirement needs at least one")
    for sid in req.sources:
        if sid not in known:
            out.append(f"{where}: field sources: unknown source '{sid}' (not in sources.yaml)")
    if not req.timeline:
        out.append(f"{where}: field timeline: no dated status given")
    out += _timeline_problems(where, req.timeline, known, as_of)
    current = status_on(req.timeline, as_of)
    if req.timeline and (current is None or current.status is not req.status):
        got = current.status.value if current else "none (every change is after as_of)"
        out.append(f"{where}: field status: '{req.status.value}' but the timeline says {got} on as_of "
                   f"{as_of.isoformat()}")
    wants_note = req.verify or _mentions_verify(req.guidance.en) or _mentions_verify(req.guidance.ja)
    if wants_note and req.verify_note is None:
        out.append(f"{where}: field verify_note: VERIFY without a note of what to verify")
    if req.verify and "VERIFY" not in req.guidance.en.upper():
        out.append(f"{where}: field guidance.en: marked verify but the guidance does not say so")
    if req.gate and req.status not in GATE_STATUSES:
        out.append(f"{where}: field gate: a '{req.status.value}' requirement may not be a gate "
                   "(only rules in force can fail eligibility)")
    return out


def header_source_problems(header: CatalogHeader, file: str, known: set[str]) -> list[str]:
    out: list[str] = []
    for g in header.country_groups:
        where = f"{file}: country group {g.id}"
        if not g.sources:
            out.append(f"{where}: field sources: no source given")
        for sid in g.sources:
            if sid not in known:
                out.append(f"{where}: field sources: unknown source '{sid}' (not in sources.yaml)")
        if g.as_of is not None and g.as_of > header.as_of:
            out.append(f"{where}: field as_of: {g.as_of.isoformat()} is after the catalog's as_of "
                       f"{header.as_of.isoformat()}")
        if g.verify and g.verify_note is None:
            out.append(f"{where}: field verify_note: VERIFY without a note of what to verify")
    for m in header.modules:
        where = f"modules.yaml: module {m.id}"
        for sid in m.sources:
            if sid not in known:
                out.append(f"{where}: field sources: unknown source '{sid}' (not in sources.yaml)")
        if m.as_of > header.as_of:
            out.append(f"{where}: field as_of: {m.as_of.isoformat()} is after the catalog's as_of "
                       f"{header.as_of.isoformat()}")
    return out


def sources_index(catalog: Catalog) -> dict[str, list[str]]:
    """Source id -> ids of the requirements and country groups resting on it (in catalog order)."""
    index: dict[str, list[str]] = {sid: [] for sid in catalog.sources}
    for _sec, req in catalog.iter_requirements():
        for sid in [*req.sources, *(s for ch in req.timeline for s in ch.sources)]:
            if req.id not in index.setdefault(sid, []):
                index[sid].append(req.id)
    for g in catalog.header.country_groups:
        for sid in g.sources:
            index.setdefault(sid, []).append(f"country group {g.id}")
    for m in catalog.header.modules:
        for sid in m.sources:
            index.setdefault(sid, []).append(f"module {m.id}")
    return index


def sources_text(catalog: Catalog) -> str:
    """What ``veu-assess catalog --sources`` prints."""
    lines = [f"sources of catalog {catalog.header.catalog_id} version {catalog.version}, "
             f"as of {catalog.header.as_of.isoformat()}", ""]
    for sid, users in sources_index(catalog).items():
        src = catalog.sources[sid]
        cite = f" [{src.cite}]" if src.cite else ""
        lines.append(f"{src.id}: {src.title}{cite}")
        day = src.date.isoformat() if src.date else "undated"
        lines.append(f"  {src.publisher}, {day}, {src.kind}; {src.url}")
        if src.verify:
            lines.append(f"  VERIFY: {src.verify}")
        lines.append("  used by: " + (", ".join(users) if users else "(nothing)"))
    return "\n".join(lines) + "\n"


def statuses_in(catalog: Catalog) -> dict[Status, int]:
    counts: dict[Status, int] = {}
    for _sec, req in catalog.iter_requirements():
        counts[req.status] = counts.get(req.status, 0) + 1
    return counts
