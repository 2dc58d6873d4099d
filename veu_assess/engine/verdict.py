"""The one-line recommendation, derived from the engine's level (texts live with each view).

The code says what to do next; the values fill the view's sentence. Deriving it here keeps the
report, the CLI and the app from ever recommending more than the level allows (an incomplete or
ineligible file is never told to apply).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from veu_assess.catalog.schema import LevelId
from veu_assess.engine.scoring import Result


@dataclass(frozen=True)
class Recommendation:
    # start_with_gates / answer_gates / answer_gates_only / answer_more / answer_more_close_gates / fix_failed_gates /
    # remediate / close_gates / prepare / apply / route_open / route_other / route_not_needed
    code: str
    gates: tuple[str, ...] = ()  # answer keys of the gates it names
    count: int = 0  # items to answer, or high-priority gaps that remain


def items_to_threshold(result: Result) -> int:
    """How many more visible items must be answered to reach the completeness threshold."""
    needed = math.ceil(result.completeness_threshold * result.total / 100 - 1e-9)
    return max(0, needed - result.answered)


def recommendation(result: Result, route_headline: str) -> Recommendation:
    """What to do next, from the level and the route finder's headline (engine.routes.select_routes).

    The readiness score measures the Data Center VEU route only, so it may never recommend applying
    for that route when the route finder says another route fits, none is needed, or it cannot tell
    yet (countries or inventory missing): a "Ready" level there is not a reason to apply.
    """
    if route_headline == "veu_not_route":
        return Recommendation("route_other")
    if route_headline == "veu_not_needed":
        return Recommendation("route_not_needed")
    rec = _by_level(result)
    if route_headline != "veu_prepare" and rec.code in ("prepare", "apply"):
        return Recommendation("route_open", (), rec.count)
    return rec


HOPEFUL_LEVELS = frozenset({LevelId.READY, LevelId.CONDITIONS})


def level_qualified(result: Result, route_headline: str) -> bool:
    """Whether a hopeful level ("Ready", "Ready with conditions") must be shown qualified and in a
    neutral colour: the level measures the Data Center VEU requirements only, and when the route
    finder says that route is not (or not yet) the one to take, a green "Ready" beside "Do not apply"
    would be read first and look surer than what is known."""
    return result.level in HOPEFUL_LEVELS and recommendation(result, route_headline).code.startswith("route_")


def _by_level(result: Result) -> Recommendation:
    urgent = sum(1 for g in result.gaps if not g.stretch and g.priority in ("critical", "high"))
    if result.level is LevelId.INELIGIBLE:
        return Recommendation("fix_failed_gates", tuple(it.key for it in result.gates_failed))
    if result.level is LevelId.INCOMPLETE:
        if result.answered == 0:
            return Recommendation("start_with_gates", tuple(it.key for it in result.gates_unanswered))
        if result.gates_unanswered:
            if not items_to_threshold(result):
                return Recommendation("answer_gates_only", tuple(it.key for it in result.gates_unanswered))
            return Recommendation("answer_gates", tuple(it.key for it in result.gates_unanswered),
                                  items_to_threshold(result))
        if result.gates_open:
            return Recommendation("answer_more_close_gates", tuple(it.key for it in result.gates_open),
                                  items_to_threshold(result))
        return Recommendation("answer_more", (), items_to_threshold(result))
    if result.level is LevelId.NOT_READY:
        return Recommendation("remediate", (), urgent)
    if result.gates_open:
        return Recommendation("close_gates", tuple(it.key for it in result.gates_open), urgent)
    if result.level is LevelId.CONDITIONS or urgent:
        return Recommendation("prepare", (), urgent)
    return Recommendation("apply")
