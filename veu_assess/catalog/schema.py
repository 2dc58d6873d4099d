"""Pydantic models of the questionnaire (forms/): sections, requirements, scoring data (rules: rules.py).

The questionnaire is data. Everything a requirement needs (texts in both languages, citation,
status, weight, gate flag, scope, evidence hints, remediation hint, visibility rule) is declared
here and validated when forms/ is loaded; code elsewhere never hard-codes a requirement.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# Visibility rules live in rules.py; their names stay importable from here.
from veu_assess.catalog.rules import COUNTRY_FIELDS as COUNTRY_FIELDS
from veu_assess.catalog.rules import PROFILE_FIELDS as PROFILE_FIELDS
from veu_assess.catalog.rules import RULE_TAGS as RULE_TAGS
from veu_assess.catalog.rules import AllOf as AllOf
from veu_assess.catalog.rules import AnyOf as AnyOf
from veu_assess.catalog.rules import FieldEquals as FieldEquals
from veu_assess.catalog.rules import FieldIn as FieldIn
from veu_assess.catalog.rules import FieldInGroup as FieldInGroup
from veu_assess.catalog.rules import ModuleChosen as ModuleChosen
from veu_assess.catalog.rules import Not as Not
from veu_assess.catalog.rules import Rule as Rule

# The legal status and its timeline live in status.py; Status stays importable from here.
from veu_assess.catalog.status import Status as Status
from veu_assess.catalog.status import StatusChange
from veu_assess.model.assessment import AnswerState

ID_PATTERN = r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$"


class Frozen(BaseModel):
    """Base for catalog models: immutable, unknown keys are errors (typos in forms/ must fail)."""

    # defer_build: validators are built on the first model_validate (a full load of forms/), not at
    # import; a start-up served from the catalog cache (catalog/cache.py) never builds them.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class LocalText(Frozen):
    """A text in every supported language; both must be filled."""

    en: str = Field(min_length=1)
    ja: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


class LocalList(Frozen):
    """A list of short texts (e.g. typical evidence) in every supported language."""

    en: list[str] = Field(min_length=1)
    ja: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _same_length(self) -> LocalList:
        if len(self.en) != len(self.ja):
            raise ValueError(f"en has {len(self.en)} items but ja has {len(self.ja)}")
        return self

    def get(self, lang: str) -> list[str]:
        return self.ja if lang == "ja" else self.en




class Importance(StrEnum):
    MANDATORY = "mandatory"
    RECOMMENDED = "recommended"
    OPTIONAL = "optional"


class Scope(StrEnum):
    """Whether a requirement is answered once for the applicant or once per site."""

    APPLICANT = "applicant"
    SITE = "site"


# --- requirements and sections ----------------------------------------------------------------


class QuestionType(StrEnum):
    """Decides which editor the GUI shows; the GUI maps each type to one editor class."""

    STATE = "state"  # an answer state with justification, notes, evidence
    INVENTORY = "inventory"  # state + the per-site accelerator inventory (compute calculator)
    CALENDAR = "calendar"  # state + the semi-annual report calendar
    BOM = "bom"  # state + the hardware bill of materials (AI Exports Program US-content share)


class Requirement(Frozen):
    id: str = Field(pattern=ID_PATTERN)
    title: LocalText
    guidance: LocalText
    citation: str = Field(min_length=3)
    status: Status  # the status on the catalog's as_of date; checked against the timeline
    timeline: list[StatusChange] = []  # dated status changes, each with its sources
    sources: list[str] = []  # ids in forms/sources.yaml; the check refuses an empty list
    verify: bool = False  # the wording could not be confirmed: the guidance says VERIFY too
    verify_note: LocalText | None = None  # what to verify; the check refuses verify without it
    importance: Importance
    weight: int = Field(ge=1, le=5)
    gate: bool = False
    scope: Scope = Scope.APPLICANT
    question_type: QuestionType = QuestionType.STATE
    typical_evidence: LocalList
    remediation: LocalText
    visible_if: Rule | None = None
    renamed_from: list[str] = Field(default_factory=list)


class Section(Frozen):
    id: str = Field(pattern=ID_PATTERN)
    order: int
    title: LocalText
    description: LocalText
    module: str | None = None  # None: the in-force questionnaire; else an optional module's id
    visible_if: Rule | None = None
    requirements: list[Requirement] = Field(min_length=1)


# --- catalog-level data -----------------------------------------------------------------------


class ModuleKind(StrEnum):
    """How a module's own result is given (never mixed into the VEU readiness score)."""

    SCORED = "scored"  # its own weighted readiness score and level (no gates)
    CHECKLIST = "checklist"  # "prepared / items open" with progress, never a scored verdict


class Module(Frozen):
    """An optional module: a set of sections with its own title, description, sources, as-of date
    and its own result. Modules live in forms/modules.yaml; a section joins one by ``module:``.
    Their items never enter the VEU readiness score, and `catalog --check` refuses a gate in one."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: LocalText
    description: LocalText
    kind: ModuleKind = ModuleKind.SCORED
    as_of: dt.date  # the day its sources were last read; not after the catalog's as_of
    sources: list[str] = Field(min_length=1)  # ids in forms/sources.yaml
    short_title: LocalText  # the heading of its chapter, its part in `score --json` and the exports
    not_claimed: LocalText  # what the module deliberately does not claim (shown with its result)


class LevelId(StrEnum):
    READY = "ready"
    CONDITIONS = "ready_with_conditions"
    NOT_READY = "not_ready"
    INCOMPLETE = "incomplete"  # too little is answered to grade: never shown as any kind of ready
    INELIGIBLE = "ineligible"


class ReadinessLevel(Frozen):
    id: LevelId
    label: LocalText
    description: LocalText
    min_score: float = Field(ge=0, le=100)


class Scoring(Frozen):
    """Credit per answer state and the readiness thresholds (data, not code)."""

    # What spans fields (a credit for every scored state, one entry per level, thresholds in level
    # order, gate states that do not overlap) is checked by veu_assess.catalog.checks.
    credit: dict[Literal["met", "partially_met", "not_met", "uncertain"], float]
    levels: list[ReadinessLevel]
    # gate states that fail a gate outright (-> ineligible) and that leave it open (caps the level)
    gate_fail_states: list[AnswerState] = Field(default=[AnswerState.NOT_MET], min_length=1)
    gate_open_states: list[AnswerState] = [
        AnswerState.PARTIALLY_MET,
        AnswerState.UNCERTAIN,
        AnswerState.UNANSWERED,
    ]
    capped_level_when_gate_open: LevelId = LevelId.CONDITIONS
    # The level stays "incomplete" until every gate is answered and at least this share (percent)
    # of the visible in-force items is answered.
    completeness_threshold: float = Field(default=90.0, ge=0, le=100)

    @field_validator("credit")
    @classmethod
    def _credits_in_range(cls, v: dict[str, float]) -> dict[str, float]:
        for state, c in v.items():
            if not 0.0 <= c <= 1.0:
                raise ValueError(f"credit for {state} must be between 0 and 1, got {c}")
        if v.get("met") != 1.0:
            raise ValueError("credit for met must be 1.0")
        return v


class CountryGroup(Frozen):
    id: str
    title: LocalText
    countries: list[str]  # ISO 3166-1 alpha-2 codes
    verify: bool = False
    verify_note: LocalText | None = None
    citation: str
    as_of: dt.date | None = None  # membership is data with its own date and sources
    sources: list[str] = []


class RevisionChange(Frozen):
    """What changed for one requirement in a catalog revision (shown to files saved before it)."""

    id: str = Field(pattern=ID_PATTERN)
    kind: Literal["status", "meaning", "gate", "new", "citation"]
    what: LocalText


class Revision(Frozen):
    """A catalog version and what changed since the version before it."""

    version: str
    previous: str
    changes: list[RevisionChange] = Field(min_length=1)


class Country(Frozen):
    code: str = Field(pattern=r"^[A-Z]{2}$")
    name: LocalText


class Thresholds(Frozen):
    """3A090 classification thresholds and the report calendar, from the brief (section L, N)."""

    a_tpp: float
    a_tpp_with_density: float
    a_density: float
    b_tpp_low: float
    b_tpp_high: float
    b_density_low: float
    b_density_high: float
    b_alt_tpp: float
    b_alt_density_low: float
    citation: str
    report_deadlines: list[tuple[int, int]]  # (month, day) of each semi-annual deadline
    record_retention_years: int
    calendar_citation: str


class CatalogHeader(Frozen):
    """forms/catalog.yaml: identity and catalog-wide data."""

    catalog_id: str
    version: str
    as_of: dt.date
    title: LocalText
    disclaimer: LocalText
    # The report's confidentiality marking (cover and every footer), e.g. "Confidential — prepared
    # for legal counsel"; none when the catalog sets none.
    confidentiality: LocalText | None = None
    scoring: Scoring
    modules: list[Module] = []  # read from forms/modules.yaml by the loader
    country_groups: list[CountryGroup] = []
    countries: list[Country] = []
    thresholds: Thresholds
    framing: dict[str, LocalText] = {}  # the honest framing shown first (report and app)
    revisions: list[Revision] = []  # newest first
