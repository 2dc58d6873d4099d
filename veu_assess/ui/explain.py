"""What the marks on a requirement card mean: tooltips for GATE, weight, VERIFY, statuses and answer
states, and the facts of the "How scoring works" help.

Every rule stated here is read from the catalog's scoring section (credits, level thresholds,
gate states, completeness threshold) or restates the engine's documented rules (engine/scoring.py,
engine/status.py); nothing is a rule of its own.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import Status
from veu_assess.model.assessment import AnswerState
from veu_assess.ui.labels import STATE_ORDER, state_label, status_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("explain", text)


def _states(states: list[AnswerState]) -> str:
    return ", ".join(state_label(s) for s in states)


def gate_tip(catalog: Catalog, lang: str) -> str:
    sc = catalog.header.scoring
    capped = next((lv.label.get(lang) for lv in sc.levels if lv.id is sc.capped_level_when_gate_open), "")
    return _tr(
        "GATE: a condition of eligibility. A gate in force answered {fail} makes the result Ineligible "
        "whatever the score; while a gate is {open}, the result is at best {capped}. Only a rule in "
        "force can be a gate."
    ).format(fail=_states(sc.gate_fail_states), open=_states(sc.gate_open_states), capped=capped)


def _credit_text(credit: float) -> str:
    if credit >= 1:
        return _tr("its full weight")
    if credit <= 0:
        return _tr("nothing")
    return _tr("{pct}% of its weight").format(pct=f"{credit * 100:g}")


def weight_tip(catalog: Catalog) -> str:
    credit = catalog.header.scoring.credit
    return _tr(
        "Weight: how much this item counts in the readiness score. Readiness is the weighted credit of "
        "every applicable item: {met} earns {c_met}, {partial} {c_partial}, {not_met} and {uncertain} "
        "{c_none}; an unanswered item earns nothing but stays in the total; {na} leaves it."
    ).format(
        met=state_label(AnswerState.MET), c_met=_credit_text(credit["met"]),
        partial=state_label(AnswerState.PARTIALLY_MET), c_partial=_credit_text(credit["partially_met"]),
        not_met=state_label(AnswerState.NOT_MET), uncertain=state_label(AnswerState.UNCERTAIN),
        c_none=_credit_text(max(credit["not_met"], credit["uncertain"])),
        na=state_label(AnswerState.NOT_APPLICABLE),
    )


def verify_tip() -> str:
    return _tr(
        "VERIFY: the wording of this requirement could not be confirmed against the primary legal "
        "text. Check it (the note says what to check) before relying on it."
    )


def status_tip(status: Status) -> str:
    """What a legal status means for the score (engine/status.py)."""
    scored = _tr("It counts in the score but is never a gate.")
    context = _tr("Context only: never in the score, the progress or the gates.")
    texts = {
        Status.IN_FORCE: _tr("A rule in force. It counts in the score and, if it is a gate, can make the "
                             "applicant ineligible."),
        Status.GUIDANCE: scored,
        Status.PRACTICE: scored,
        Status.ANNOUNCED_EXPECTATION: scored,
        Status.SUSPENDED: scored,
        Status.CODIFIED_NOT_ENFORCED: _tr("Only in the optional module, which is scored on its own: never in "
                                          "the VEU readiness score."),
        Status.PROPOSED: context,
        Status.PROPOSED_STALLED: context,
        Status.WITHDRAWN: context,
    }
    return f"{status_label(status)}: {texts[status]}"


def state_tip(state: AnswerState, catalog: Catalog) -> str:
    """What an answer state does to the score (credits from the catalog)."""
    credit = catalog.header.scoring.credit
    gap = _tr("It is listed as a gap.")
    earns = _tr("Earns {credit}.")
    texts = {
        AnswerState.UNANSWERED: _tr("Earns nothing and lowers completeness; the item stays in the total."),
        AnswerState.MET: earns.format(credit=_credit_text(credit["met"])),
        AnswerState.PARTIALLY_MET: earns.format(credit=_credit_text(credit["partially_met"])) + " " + gap,
        AnswerState.NOT_MET: earns.format(credit=_credit_text(credit["not_met"])) + " " + gap,
        AnswerState.UNCERTAIN: earns.format(credit=_credit_text(credit["uncertain"])) + " " + gap,
        AnswerState.NOT_APPLICABLE: _tr("Leaves the score altogether; it needs a justification."),
    }
    return f"{state_label(state)}: {texts[state]}"


def scoring_help_html(catalog: Catalog, lang: str) -> str:
    """The "How scoring works" page as rich text; figures come from the catalog."""
    sc = catalog.header.scoring
    esc = html.escape
    levels = "".join(
        f"<li><b>{esc(lv.label.get(lang))}</b> — {esc(lv.description.get(lang))}</li>" for lv in sc.levels
    )
    states = "".join(f"<li>{esc(state_tip(s, catalog))}</li>" for s in STATE_ORDER)
    statuses = "".join(f"<li>{esc(status_tip(s))}</li>" for s in Status)
    parts = [
        f"<h2>{esc(_tr('How scoring works'))}</h2>",
        f"<p>{esc(_tr('Two figures always go together. Readiness is the weighted credit over every applicable item; completeness is the share of items answered. A score alone can look surer than what is known.'))}</p>",  # noqa: E501
        f"<h3>{esc(_tr('Answer states'))}</h3><ul>{states}</ul>",
        f"<h3>{esc(_tr('Weights'))}</h3><p>{esc(weight_tip(catalog))}</p>",
        f"<h3>{esc(_tr('Gates'))}</h3><p>{esc(gate_tip(catalog, lang))}</p>",
        f"<h3>{esc(_tr('Levels'))}</h3><p>"
        + esc(_tr("No level other than Incomplete (or Ineligible) is given until every gate is answered and "
                  "at least {n}% of the items are answered.").format(n=f"{sc.completeness_threshold:g}"))
        + f"</p><ul>{levels}</ul>",
        f"<h3>{esc(_tr('Legal status'))}</h3><ul>{statuses}</ul>",
        f"<h3>{esc(_tr('VERIFY'))}</h3><p>{esc(verify_tip())}</p>",
    ]
    return "".join(parts)


