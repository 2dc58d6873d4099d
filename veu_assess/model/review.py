"""The auditor's part of a .veua file: verdicts per answer and sign-offs, kept apart from answers.

The operator's answers are never changed by a review; a verdict may carry an auditor-adjusted
state, which the engine can show beside the operator's own.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints

from veu_assess.model.assessment import MAX_SHORT, MAX_TEXT, AnswerState, Day, Strict

ShortText = Annotated[str, StringConstraints(max_length=MAX_SHORT)]
LongText = Annotated[str, StringConstraints(max_length=MAX_TEXT)]


class VerdictState(StrEnum):
    ACCEPTED = "accepted"
    NEEDS_INFO = "needs_info"
    REJECTED = "rejected"


class Verdict(Strict):
    state: VerdictState
    comment: LongText = ""
    adjusted_state: AnswerState | None = None
    reviewer: ShortText = ""
    date: Day | None = None


class SignOffRole(StrEnum):
    OPERATOR_OFFICER = "operator_officer"
    AUDITOR = "auditor"


class SignOff(Strict):
    """A sign-off records the content digest it saw, so later changes can be detected."""

    name: ShortText = Field(min_length=1)
    organisation: ShortText = ""
    role: ShortText = ""
    kind: SignOffRole = SignOffRole.AUDITOR
    date: Day
    statement: LongText = ""
    digest: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class Review(Strict):
    schema_version: int = 1
    verdicts: dict[Annotated[str, StringConstraints(max_length=200)], Verdict] = Field(default_factory=dict)
    signoffs: list[SignOff] = Field(default_factory=list, max_length=100)
