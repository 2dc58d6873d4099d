"""What both OSCAL documents share: the engine result, parties, roles, sites, back-matter.

``OscalContext.build`` runs ``engine.scoring.evaluate`` once (the one scoring path) and derives
every party, location and back-matter resource with a stable UUID, so the assessment results
and the POA&M of one assessment refer to the same things by the same UUIDs.

Text that OSCAL reads as Markdown (titles, descriptions, citation texts) is escaped with
``markdown.md_line`` / ``md_escape``; names of parties and addresses are plain strings in OSCAL
and stay as they are.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from veu_assess import __version__
from veu_assess.catalog.loader import Catalog
from veu_assess.engine.scoring import Result, evaluate
from veu_assess.engine.visibility import Item
from veu_assess.export.oscal.common import (
    OSCAL_VERSION,
    compact,
    export_lang,
    last_modified,
    line,
    prop,
    props,
    stable_uuid,
    stamp,
)
from veu_assess.export.oscal.markdown import md_line
from veu_assess.i18n_format import format_figure
from veu_assess.model.assessment import Answer
from veu_assess.model.review import SignOffRole
from veu_assess.storage.digest import canonical_json
from veu_assess.storage.document import Document

ROLES = (
    (
        "applicant",
        "Applicant (data center operator)",
        "The company applying for Data Center VEU authorization.",
    ),
    ("assessor", "Auditor", "Reviews the operator's answers and evidence, records verdicts, signs off."),
    ("operator-officer", "Operator's signing officer", "Signs the assessment on behalf of the operator."),
)
ROLE_OF_SIGNOFF = {SignOffRole.AUDITOR: "assessor", SignOffRole.OPERATOR_OFFICER: "operator-officer"}


@dataclass
class OscalContext:
    doc: Document
    catalog: Catalog
    result: Result
    lang: str
    digest: str
    revision: str  # changes when the content or the review changes: keys the document uuid
    operator_uuid: str
    tool_uuid: str
    questionnaire_uuid: str
    modified: dt.date  # metadata last-modified and the end of the result: see ``last_modified``
    persons: dict[str, str] = field(default_factory=dict)  # person name -> party uuid
    person_org: dict[str, str] = field(default_factory=dict)  # person name -> organisation
    orgs: dict[str, str] = field(default_factory=dict)  # organisation name -> party uuid
    evidence: dict[str, dict[str, Any]] = field(default_factory=dict)  # sha256 -> resource
    citations: dict[str, str] = field(default_factory=dict)  # citation text -> resource uuid

    @classmethod
    def build(cls, doc: Document, catalog: Catalog, lang: str = "en") -> OscalContext:
        """Evaluate the assessment once and collect the parties its review names."""
        aid = doc.assessment.id
        ctx = cls(
            doc=doc,
            catalog=catalog,
            result=evaluate(catalog, doc.assessment),
            lang=export_lang(lang),
            digest=doc.digest(),
            revision=hashlib.sha256(
                (doc.digest() + "\n").encode() + canonical_json(doc.review.model_dump(mode="json"))
            ).hexdigest(),
            operator_uuid=stable_uuid(aid, "party", "operator"),
            tool_uuid=stable_uuid(aid, "component", "tool"),
            questionnaire_uuid=stable_uuid(aid, "resource", "questionnaire"),
            modified=last_modified(doc),
        )
        ctx._collect_people()
        return ctx

    # --- lookups ---------------------------------------------------------------------------

    def uuid(self, *path: str) -> str:
        """The stable UUID of an element of this assessment's exports."""
        return stable_uuid(self.doc.assessment.id, *path)

    def document_uuid(self, kind: str) -> str:
        """The UUID of a whole document: one per kind, language and revision (content + review),
        so the English and the Japanese export of one revision are told apart. Elements inside
        keep language-free UUIDs: an observation is the same subject in either language."""
        return self.uuid(kind, self.lang, self.revision)

    def answer(self, item: Item) -> Answer:
        """The operator's answer to an item (a blank one when there is none)."""
        return self.doc.assessment.answers.get(item.key, Answer())

    def text(self, local: Any) -> str:
        """A catalog text in the export's language (plain text, not escaped)."""
        return str(local.get(self.lang))

    def item_title(self, item: Item) -> str:
        """A markup-line title of an item: requirement id and title, and the site's name."""
        title = f"{md_line(item.requirement.id)}: {md_line(self.text(item.requirement.title))}"
        if item.site_id:
            title += f" (site {md_line(self.site_name(item.site_id))})"
        return title

    def site_name(self, site_id: str) -> str:
        """The name the operator gave a site (plain text), or its id."""
        site = next((s for s in self.doc.assessment.profile.sites if s.id == site_id), None)
        return site.name if site else site_id

    def person_uuid(self, name: str) -> str | None:
        """The party UUID of a named person, if the review names them."""
        return self.persons.get(line(name) or "")

    def citation_uuid(self, citation: str) -> str:
        """The back-matter resource holding a citation; created on first use."""
        key = line(citation) or citation
        if key not in self.citations:
            self.citations[key] = self.uuid("resource", "citation", key)
        return self.citations[key]

    def evidence_uuid(self, sha256: str, filename: str, size: int, added: Any) -> str:
        """The back-matter resource of an evidence file (one per SHA-256); created on first use."""
        if sha256 not in self.evidence:
            self.evidence[sha256] = compact(
                {
                    "uuid": self.uuid("resource", "evidence", sha256),
                    "title": md_line(filename),
                    "description": f"Evidence file {md_line(filename)} ({size} bytes) attached by the operator.",
                    "props": props(prop("size-bytes", size), prop("added", added)) or None,
                    # The href is where the blob lives inside the .veua file; the hash proves it.
                    "rlinks": [{"href": f"evidence/{sha256}", "hashes": [{"algorithm": "SHA-256", "value": sha256}]}],
                }
            )
        return str(self.evidence[sha256]["uuid"])

    # --- parties -----------------------------------------------------------------------------

    def _collect_people(self) -> None:
        # Sign-off authors and verdict reviewers become person parties, keyed by their name.
        review = self.doc.review
        named: list[tuple[str, str]] = [(s.name, s.organisation) for s in review.signoffs]
        named += [(v.reviewer, "") for _, v in sorted(review.verdicts.items()) if v.reviewer]
        for raw_name, raw_org in named:
            name, org = line(raw_name), line(raw_org)
            if not name:
                continue
            self.persons.setdefault(name, self.uuid("party", "person", name))
            if org and not self.person_org.get(name):
                self.person_org[name] = org
        applicant = line(self.doc.assessment.profile.applicant_name)
        for org in sorted(set(self.person_org.values())):
            self.orgs[org] = self.operator_uuid if org == applicant else self.uuid("party", "org", org)

    def _parties(self) -> list[dict[str, Any]]:
        profile = self.doc.assessment.profile
        out = [
            compact(
                {
                    "uuid": self.operator_uuid,
                    "type": "organization",
                    "name": line(profile.applicant_name) or "Applicant (name not given)",
                    "props": props(prop("destination-country", profile.destination_country)) or None,
                }
            )
        ]
        out += [
            {"uuid": uid, "type": "organization", "name": org}
            for org, uid in sorted(self.orgs.items())
            if uid != self.operator_uuid
        ]
        for name, uid in sorted(self.persons.items()):
            org = self.person_org.get(name)
            out.append(
                compact(
                    {
                        "uuid": uid,
                        "type": "person",
                        "name": name,
                        "member-of-organizations": [self.orgs[org]] if org else None,
                    }
                )
            )
        return out

    def _responsible_parties(self) -> list[dict[str, Any]]:
        review = self.doc.review
        by_role: dict[str, set[str]] = {
            "applicant": {self.operator_uuid},
            "assessor": set(),
            "operator-officer": set(),
        }
        for s in review.signoffs:
            uid = self.person_uuid(s.name)
            if uid:
                by_role[ROLE_OF_SIGNOFF[s.kind]].add(uid)
        for v in review.verdicts.values():
            uid = self.person_uuid(v.reviewer)
            if uid:
                by_role["assessor"].add(uid)
        return [{"role-id": r, "party-uuids": sorted(u)} for r, u in by_role.items() if u]

    def _locations(self) -> list[dict[str, Any]]:
        out = []
        for site in self.doc.assessment.profile.sites:
            address = compact(
                {"addr-lines": [a] if (a := line(site.address)) else None, "country": site.country or None}
            )
            out.append(
                {
                    "uuid": self.uuid("location", site.id),
                    "title": md_line(site.name) or md_line(site.id),
                    "address": address,
                    "props": [prop("site-id", site.id)],
                }
            )
        return out

    def metadata(self, title: str) -> dict[str, Any]:
        """The metadata of either document; ``title`` is markup-line text (already escaped)."""
        a, header, result = self.doc.assessment, self.catalog.header, self.result
        return compact(
            {
                "title": title,
                # The latest date in the document (verdicts and sign-offs included), not the clock.
                "last-modified": stamp(self.modified, "last-modified date"),
                # The document version changes exactly when the operator's content changes.
                "version": f"{a.assessment_date.isoformat()}+{self.digest[:12]}",
                "oscal-version": OSCAL_VERSION,
                "props": props(
                    prop("assessment-id", a.id),
                    prop("language", self.lang),
                    prop("content-digest", self.digest, "sha-256"),
                    prop("catalog-id", header.catalog_id),
                    prop("catalog-version", header.version),
                    prop("catalog-as-of", header.as_of),
                    prop("readiness-level", result.level.value),
                    prop("readiness-score", None if result.readiness is None else format_figure(result.readiness)),
                    prop("completeness", format_figure(result.completeness)),
                    prop("provisional", result.provisional),
                    prop("generator", f"veu-assess {__version__}"),
                ),
                "roles": [{"id": i, "title": t, "description": d} for i, t, d in ROLES],
                "locations": self._locations(),
                "parties": self._parties(),
                "responsible-parties": self._responsible_parties(),
            }
        )

    def tool_component(self) -> dict[str, Any]:
        """This tool as a local software component (the origin of gaps and risks)."""
        return {
            "uuid": self.tool_uuid,
            "type": "software",
            "title": "VEU Readiness Assessor",
            "description": "The self-assessment tool that scored the answers and derived gaps and risks.",
            "props": [prop("version", __version__)],
            "status": {"state": "operational"},
        }

    def back_matter(self) -> dict[str, Any]:
        """The questionnaire, then every evidence file and citation the document referred to."""
        header, a = self.catalog.header, self.doc.assessment
        as_of = header.as_of.isoformat()
        questionnaire: dict[str, Any] = {
            "uuid": self.questionnaire_uuid,
            "title": f"{md_line(self.text(header.title))} (version {md_line(header.version)}, as of {as_of})",
            "description": (
                "The questionnaire this assessment answers. A self-assessment has no separate "
                "assessment plan; this resource stands in for it (import-ap points here)."
            ),
            "props": props(
                prop("catalog-id", header.catalog_id),
                prop("catalog-version", header.version),
                prop("catalog-as-of", header.as_of),
                prop("assessment-catalog-version", a.catalog_version),
            ),
        }
        resources = [questionnaire]
        resources += [self.evidence[sha] for sha in sorted(self.evidence)]
        resources += [
            {"uuid": uid, "title": md_line(text), "citation": {"text": md_line(text)}}
            for text, uid in sorted(self.citations.items())
        ]
        return {"resources": resources}
