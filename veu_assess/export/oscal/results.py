"""The OSCAL assessment-results document (NIST OSCAL 1.0.6) of one assessment.

One result covers the assessment: reviewed controls are the visible requirements, observations
the operator's answers and the auditor's verdicts, findings every answered item (not-applicable
ones included, see ``findings.py``) with the auditor's verdict applied, risks the engine's gaps,
and attestations the sign-offs (with the items changed since each). The auditor-adjusted readiness,
when a verdict adjusts a state, is an observation of its own (``adjusted.py``): the result's
description and props stay the operator's. The result ends, and the metadata says it was last modified, on
the latest date the document carries (verdicts and sign-offs included). OSCAL requires an ``import-ap`` link to
an assessment plan; a self-assessment has none, so it points at a back-matter resource that
describes the questionnaire and its version.
"""

from __future__ import annotations

from typing import Any

from veu_assess.catalog.loader import Catalog
from veu_assess.export.oscal.adjusted import adjusted_observation
from veu_assess.export.oscal.common import NS, compact, paragraphs, prop, props, stamp
from veu_assess.export.oscal.context import ROLE_OF_SIGNOFF, OscalContext
from veu_assess.export.oscal.elements import control_id, observations_for, risk
from veu_assess.export.oscal.findings import finding
from veu_assess.export.oscal.inventory import inventory_observations
from veu_assess.export.oscal.markdown import md_escape, md_line
from veu_assess.i18n_format import format_figure
from veu_assess.model.assessment import AnswerState
from veu_assess.storage.document import Document


def _reviewed_controls(ctx: OscalContext) -> dict[str, Any]:
    ids = list(dict.fromkeys(control_id(it) for it in ctx.result.items))  # catalog order, no repeats
    selection = compact(
        {
            "description": "The requirements the applicant profile makes visible.",
            "include-controls": [{"control-id": cid} for cid in ids],
        }
    )
    return {
        "description": (
            "Requirements of the VEU readiness questionnaire; control ids are requirement ids in lower case."
        ),
        "control-selections": [selection],
    }


def _attestations(ctx: OscalContext) -> list[dict[str, Any]]:
    """One attestation per sign-off, saying whether the content still matches what was signed and
    the signature verdict ``veu-assess verify`` gives."""
    from veu_assess.review.changes import changes_against
    from veu_assess.review.texts import changes_text
    from veu_assess.signing.verify import SignatureState, document_verdicts

    out = []
    for i, verdict in enumerate(document_verdicts(ctx.doc)):
        signoff = verdict.signoff
        signed = verdict.state is not SignatureState.UNSIGNED
        person = ctx.person_uuid(signoff.name)
        matches = signoff.digest == ctx.digest
        changes = changes_against(signoff, ctx.doc, i)
        part = compact(
            {
                "uuid": ctx.uuid("attestation", str(i)),
                "name": "sign-off",
                "ns": NS,
                "title": f"Sign-off by {md_line(signoff.name)}"
                + (f", {md_line(signoff.role)}" if signoff.role.strip() else ""),
                "props": props(
                    prop("kind", signoff.kind.value),
                    prop("date", signoff.date),
                    prop("organisation", signoff.organisation),
                    prop("signed-digest", signoff.digest, "sha-256"),
                    # Tamper evidence: does the content exported here match what was signed?
                    prop("digest-matches", matches),
                    # What changed since, item by item (unknown for a sign-off of an earlier app).
                    prop("items-changed", len(changes.items) if changes.items_known else None),
                    prop("items-changed-known", changes.items_known),
                    prop("signature", verdict.state.name.lower()),
                    prop("signature-problem", verdict.reason),
                    prop("signer-certificate", verdict.fingerprint if signed else None, "sha-256"),
                ),
                "prose": paragraphs(
                    md_escape(signoff.statement),
                    f"Signed on {signoff.date.isoformat()} over content digest {signoff.digest}.",
                    None if matches else "The assessment changed after this sign-off.",
                    md_escape(changes_text(changes, ctx.lang)) or None,
                    f"Signature: {md_line(verdict.label())}"
                    + (f"; signer certificate SHA-256 {verdict.fingerprint}." if verdict.fingerprint else "."),
                ),
            }
        )
        responsible = [{"role-id": ROLE_OF_SIGNOFF[signoff.kind], "party-uuids": [person]}] if person else None
        out.append(compact({"responsible-parties": responsible, "parts": [part]}))
    return out


def _result(ctx: OscalContext) -> dict[str, Any]:
    a, result = ctx.doc.assessment, ctx.result
    gap_of = {g.item.key: g for g in result.gaps}
    # Every answered item, not-applicable ones included: an auditor must see those too.
    answered = [it for it in result.items if ctx.answer(it).state is not AnswerState.UNANSWERED]
    start = min(a.created, a.assessment_date)
    score = "not yet scored" if result.readiness is None else f"{format_figure(result.readiness)} / 100"
    return compact(
        {
            "uuid": ctx.uuid("result"),
            "title": f"VEU readiness self-assessment of {a.assessment_date.isoformat()}",
            "description": (
                f"Readiness level: {result.level.value}; readiness {score} (unanswered requirements count as"
                f" not met); completeness {format_figure(result.completeness)} % ({result.answered} of {result.total}"
                f" requirements answered); {len(result.gaps)} gaps."
            ),
            "start": stamp(start, "creation or assessment date"),
            "end": stamp(ctx.modified, "last-modified date"),
            "props": props(
                prop("readiness-level", result.level.value),
                prop("readiness-score", None if result.readiness is None else format_figure(result.readiness)),
                prop("completeness", format_figure(result.completeness)),
                prop("completeness-threshold", f"{result.completeness_threshold:g}"),
                prop("answered-items-score",
                     None if result.answered_score is None else format_figure(result.answered_score)),
                prop("answered", result.answered),
                prop("total", result.total),
                prop("gates-failed", len(result.gates_failed)),
                prop("gates-open", len(result.gates_open)),
            ),
            "local-definitions": {"components": [ctx.tool_component()]},
            "reviewed-controls": _reviewed_controls(ctx),
            "attestations": _attestations(ctx),
            "observations": observations_for(ctx, result.items) + inventory_observations(ctx)
            + [o for o in (adjusted_observation(ctx),) if o is not None],
            "risks": [risk(ctx, g) for g in result.gaps],
            "findings": [finding(ctx, it, gap_of.get(it.key)) for it in answered],
        }
    )


def build_assessment_results(doc: Document, catalog: Catalog, lang: str = "en") -> dict[str, Any]:
    """The assessment-results document as plain JSON data (``{"assessment-results": ...}``)."""
    ctx = OscalContext.build(doc, catalog, lang)
    a = doc.assessment
    # Build the result first: it registers the evidence and citation resources back-matter lists.
    result = _result(ctx)
    title = a.title.strip() or a.profile.applicant_name.strip() or "VEU readiness assessment"
    body = {
        "uuid": ctx.document_uuid("assessment-results"),
        "metadata": ctx.metadata(f"Assessment results: {md_line(title)}"),
        "import-ap": {
            "href": f"#{ctx.questionnaire_uuid}",
            "remarks": "A self-assessment has no assessment plan; this points to the questionnaire used.",
        },
        "results": [result],
        "back-matter": ctx.back_matter(),
    }
    return {"assessment-results": body}
