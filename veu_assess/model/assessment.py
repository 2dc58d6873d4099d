"""The assessment: applicant profile, sites, answers, evidence references, accelerator inventory.

These are the operator's data. The auditor's verdicts and sign-offs live apart, in
``veu_assess.model.review``, and travel in their own part of the .veua file.
Every model forbids unknown keys and bounds its strings, because a saved file is untrusted input.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

SCHEMA_VERSION = 2
"""The current schema version of assessment.json; older versions are migrated (model/migrations.py)."""

MAX_TEXT = 100_000  # characters in a free-text field (notes, justification)
MAX_SHORT = 1_000  # characters in a name, address, owner ...

ShortText = Annotated[str, StringConstraints(max_length=MAX_SHORT)]
LongText = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
SITE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


def _not_a_number(value: object) -> object:
    # pydantic would read 20261102 as seconds since 1970 and then complain about the time of day.
    if isinstance(value, int | float):
        raise ValueError("a date is expected, written YYYY-MM-DD")
    return value


Day = Annotated[dt.date, BeforeValidator(_not_a_number)]
"""A calendar date; in the file always the text YYYY-MM-DD."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class AnswerState(StrEnum):
    UNANSWERED = "unanswered"
    MET = "met"
    PARTIALLY_MET = "partially_met"
    NOT_MET = "not_met"
    UNCERTAIN = "uncertain"
    NOT_APPLICABLE = "not_applicable"


ANSWERED_STATES = frozenset(AnswerState) - {AnswerState.UNANSWERED}


class Site(Strict):
    """A data center the authorization would name."""

    id: str = Field(pattern=SITE_ID.pattern)
    name: ShortText = Field(min_length=1)
    address: ShortText = ""
    country: str = Field(default="", pattern=r"^([A-Z]{2})?$")


class Profile(Strict):
    """The applicant profile; it drives the catalog's visibility rules."""

    applicant_name: ShortText = ""
    destination_country: str = Field(default="", pattern=r"^([A-Z]{2})?$")
    parent_hq_country: str = Field(default="", pattern=r"^([A-Z]{2})?$")
    sells_compute_to_third_parties: bool | None = None
    hosts_model_training: bool | None = None
    has_government_ownership: bool | None = None
    modules: list[Annotated[str, StringConstraints(max_length=64)]] = Field(
        default_factory=list, max_length=32
    )
    sites: list[Site] = Field(default_factory=list, max_length=200)

    @field_validator("sites")
    @classmethod
    def _unique_sites(cls, sites: list[Site]) -> list[Site]:
        ids = [s.id for s in sites]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"site ids must be unique; repeated: {', '.join(dupes)}")
        return sites


class EvidenceRef(Strict):
    """An evidence file attached to an answer; the bytes are stored once, by SHA-256."""

    sha256: Sha256
    filename: ShortText = Field(min_length=1)
    size: int = Field(ge=0)
    added: Day | None = None


class Answer(Strict):
    state: AnswerState = AnswerState.UNANSWERED
    justification: LongText = ""  # required when state is not_applicable
    notes: LongText = ""
    evidence: list[EvidenceRef] = Field(default_factory=list, max_length=1000)
    marked_for_review: bool = False
    owner: ShortText = ""  # remediation owner for the gap list
    due: Day | None = None  # remediation due date

    @model_validator(mode="after")
    def _na_needs_justification(self) -> Answer:
        if self.state is AnswerState.NOT_APPLICABLE and not self.justification.strip():
            raise ValueError("a 'not applicable' answer needs a justification")
        return self

    def is_blank(self) -> bool:
        return self == Answer()


class Accelerator(Strict):
    """One line of a site's accelerator inventory (compute classification calculator input)."""

    model: ShortText = Field(min_length=1)
    count: int = Field(ge=0, le=10_000_000)
    tops: float = Field(ge=0, le=1e9)  # dense TOPS / TFLOPS at the given bit length (2 x MacTOPS)
    bits: int = Field(ge=1, le=128)
    die_area_mm2: float | None = Field(default=None, gt=0, le=1e6)
    datacenter_part: bool = True  # designed or marketed for data centers (Note 2 to 3A090)


MAX_BOM_VALUE = 10**15  # a BOM line's value; a bound that no real bill of materials reaches


class BomLine(Strict):
    """One line of the hardware layer's bill of materials (AI Exports Program US-content share)."""

    description: ShortText = Field(min_length=1)
    value: float = Field(ge=0, le=MAX_BOM_VALUE, allow_inf_nan=False)  # in one currency for the whole BOM
    origin: str = Field(default="", pattern=r"^([A-Z]{2})?$")  # ISO 3166 code; empty: not known


def answer_key(requirement_id: str, site_id: str | None = None) -> str:
    """Answers are keyed by requirement id, plus ``@site`` for site-level requirements."""
    return f"{requirement_id}@{site_id}" if site_id else requirement_id


def split_key(key: str) -> tuple[str, str | None]:
    rid, _, site = key.partition("@")
    return rid, (site or None)


class Assessment(Strict):
    schema_version: int = SCHEMA_VERSION
    id: str = Field(pattern=r"^[0-9a-f-]{8,64}$")
    title: ShortText = ""
    catalog_id: ShortText
    catalog_version: ShortText
    created: Day
    assessment_date: Day
    profile: Profile = Field(default_factory=Profile)
    answers: dict[Annotated[str, StringConstraints(max_length=200)], Answer] = Field(default_factory=dict)
    inventory: dict[Annotated[str, StringConstraints(max_length=40)], list[Accelerator]] = Field(
        default_factory=dict
    )
    bom: list[BomLine] = Field(default_factory=list, max_length=10_000)  # AI Exports Program hardware layer

    @field_validator("schema_version")
    @classmethod
    def _current_version(cls, v: int) -> int:
        if v != SCHEMA_VERSION:
            raise ValueError(f"schema_version must be {SCHEMA_VERSION} after migration, got {v}")
        return v

    def answer(self, requirement_id: str, site_id: str | None = None) -> Answer:
        return self.answers.get(answer_key(requirement_id, site_id), Answer())

    def set_answer(self, requirement_id: str, answer: Answer, site_id: str | None = None) -> None:
        key = answer_key(requirement_id, site_id)
        if answer.is_blank():
            self.answers.pop(key, None)
        else:
            self.answers[key] = answer

    def evidence_hashes(self) -> set[str]:
        return {ev.sha256 for a in self.answers.values() for ev in a.evidence}
