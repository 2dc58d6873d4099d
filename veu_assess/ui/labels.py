"""Display texts and colours for enum values (answer states, rule status, levels, priorities).

Kept in one place so every page words an answer state or a status tag the same way. The
strings go through ``QCoreApplication.translate`` with literal source texts so that
pyside6-lupdate can extract them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import LevelId, Status
from veu_assess.catalog.status import status_text
from veu_assess.engine.scoring import Result
from veu_assess.engine.verdict import level_qualified
from veu_assess.model.assessment import AnswerState
from veu_assess.ui.i18n import current_language


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def state_label(state: AnswerState) -> str:
    texts = {
        AnswerState.UNANSWERED: _tr("Not answered"),
        AnswerState.MET: _tr("Met"),
        AnswerState.PARTIALLY_MET: _tr("Partially met"),
        AnswerState.NOT_MET: _tr("Not met"),
        AnswerState.UNCERTAIN: _tr("Uncertain"),
        AnswerState.NOT_APPLICABLE: _tr("Not applicable"),
    }
    return texts[state]


# The order in which the answer control offers the states.
STATE_ORDER = (
    AnswerState.UNANSWERED,
    AnswerState.MET,
    AnswerState.PARTIALLY_MET,
    AnswerState.NOT_MET,
    AnswerState.UNCERTAIN,
    AnswerState.NOT_APPLICABLE,
)


# Text colours of an answer state on the window background (contrast >= 4.5:1 on white).
STATE_TEXT_COLOURS = {
    AnswerState.UNANSWERED: "#455a64",
    AnswerState.MET: "#1b5e20",
    AnswerState.PARTIALLY_MET: "#8d4b00",
    AnswerState.NOT_MET: "#b71c1c",
    AnswerState.UNCERTAIN: "#8d4b00",
    AnswerState.NOT_APPLICABLE: "#455a64",
}


def status_label(status: Status) -> str:
    """The status word in the interface language (texts in both languages live in the core, so the
    app, the CLI and the report word a status the same way)."""
    return status_text(status, current_language())


# Background colours of the status tag: dark enough for white text (contrast >= 4.5:1).
STATUS_COLOURS = {
    Status.IN_FORCE: "#1b5e20",
    Status.GUIDANCE: "#0d47a1",
    Status.PROPOSED: "#6a1b9a",
    Status.PROPOSED_STALLED: "#4a148c",
    Status.WITHDRAWN: "#424242",
    Status.CODIFIED_NOT_ENFORCED: "#b71c1c",
    Status.SUSPENDED: "#8d3b00",
    Status.ANNOUNCED_EXPECTATION: "#37474f",
    Status.PRACTICE: "#00695c",
}

LEVEL_COLOURS = {
    LevelId.READY: "#1b5e20",
    LevelId.CONDITIONS: "#8d5b00",
    LevelId.NOT_READY: "#b71c1c",
    LevelId.INCOMPLETE: "#455a64",  # no verdict yet: neutral, never a hopeful colour
    LevelId.INELIGIBLE: "#4a148c",
}


def shown_level_colour(result: Result, route_headline: str) -> str:
    """The level's colour, neutral when the level is qualified (engine.verdict.level_qualified): a
    green "Ready" beside "Do not apply" would be read first."""
    if level_qualified(result, route_headline):
        return LEVEL_COLOURS[LevelId.INCOMPLETE]
    return LEVEL_COLOURS[result.level]


def level_label(catalog: Catalog, level: LevelId, lang: str) -> str:
    for lv in catalog.header.scoring.levels:
        if lv.id is level:
            return lv.label.get(lang)
    return level.value


def priority_label(priority: str) -> str:
    texts = {
        "critical": _tr("Critical"),
        "high": _tr("High"),
        "medium": _tr("Medium"),
        "low": _tr("Low"),
    }
    return texts.get(priority, priority)


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"  # pragma: no cover - the loop always returns


def country_name(catalog: Catalog, code: str, lang: str) -> str:
    for c in catalog.header.countries:
        if c.code == code:
            return c.name.get(lang)
    return code
