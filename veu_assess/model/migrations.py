"""Schema migrations: upgrade the raw parts of an older .veua step by step, before validation.

A step is registered for the version it upgrades *from* and turns the raw parts of a file of that
version (``{"manifest": ..., "assessment": ..., "review": ...}``, plain JSON data) into the parts of
the next version. Steps work on raw data because the current pydantic models cannot describe old
files. ``check_chain`` guarantees there is a step for every version from 1 up to SCHEMA_VERSION - 1.

Steps: 1 -> 2 adds the AI Exports Program bill of materials (``assessment.bom``, empty for old
files). Tests also register synthetic steps to prove the mechanism.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from veu_assess.model import assessment as _assessment

RawParts = dict[str, Any]
Step = Callable[[RawParts], RawParts]

FIRST_VERSION = 1


def current_version() -> int:
    """The schema version this app writes, looked up at call time (tests simulate future versions)."""
    return _assessment.SCHEMA_VERSION

MIGRATIONS: dict[int, Step] = {}
"""from-version -> step producing version from-version + 1."""


class MigrationError(Exception):
    """The file's version cannot be read by this app (too new, unknown, or a step failed)."""


def migration(from_version: int) -> Callable[[Step], Step]:
    """Decorator registering the step that upgrades ``from_version`` to ``from_version + 1``."""

    def register(step: Step) -> Step:
        if from_version in MIGRATIONS:
            raise ValueError(f"a migration from version {from_version} is already registered")
        MIGRATIONS[from_version] = step
        return step

    return register


def check_chain(current: int | None = None, steps: dict[int, Step] | None = None) -> list[int]:
    """Return the versions that have no upgrade step (an empty list means the chain is complete)."""
    current = current_version() if current is None else current
    steps = MIGRATIONS if steps is None else steps
    missing = [v for v in range(FIRST_VERSION, current) if v not in steps]
    extra = [v for v in steps if not FIRST_VERSION <= v < current]
    return sorted(missing + extra)


def check_version(version: Any, current: int | None = None) -> int:
    """Accept a readable schema version or raise MigrationError naming both versions."""
    current = current_version() if current is None else current
    if isinstance(version, bool) or not isinstance(version, int):
        raise MigrationError(f"the file's schema version {str(version)[:40]!r} is not a whole number")
    if version > current:
        raise MigrationError(
            f"the file was written by a newer version of the app (file schema version {version}; this "
            f"app reads schema versions {FIRST_VERSION} to {current}); update the app to open it"
        )
    if version < FIRST_VERSION:
        raise MigrationError(f"the file's schema version {version} is unknown (the first version is "
                             f"{FIRST_VERSION})")
    return version


def migrate(parts: RawParts, from_version: int, current: int | None = None) -> RawParts:
    """Upgrade raw parts from ``from_version`` to ``current``; the input is never modified."""
    current = current_version() if current is None else current
    check_version(from_version, current)
    data = copy.deepcopy(parts)
    for version in range(from_version, current):
        step = MIGRATIONS.get(version)
        if step is None:
            raise MigrationError(f"no upgrade from schema version {version} to {version + 1} is known")
        try:
            data = step(data)
        except MigrationError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            # Raw data of an old file can be malformed in ways the step did not foresee.
            raise MigrationError(f"upgrading from schema version {version} to {version + 1} failed: "
                                 f"{type(exc).__name__}: {str(exc)[:120]}") from None
        for part in ("manifest", "assessment"):
            if isinstance(data.get(part), dict):
                data[part]["schema_version"] = version + 1
    return data


@migration(1)
def _add_bom(parts: RawParts) -> RawParts:
    """Version 2 adds ``bom`` (the hardware bill of materials); a version-1 file has none."""
    assessment = parts["assessment"]
    if not isinstance(assessment, dict):
        raise MigrationError("assessment.json is not a JSON object")
    if "bom" in assessment:
        raise MigrationError("a version-1 assessment cannot have a 'bom' field")
    assessment["bom"] = []
    return parts
