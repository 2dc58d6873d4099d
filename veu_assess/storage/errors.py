"""The typed errors the storage layer raises: every refusal says what is wrong and where.

Callers catch ``VeuaError``; the subclasses let the GUI choose a better dialog (e.g. "made by a
newer version of the app") without parsing messages.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


class VeuaError(Exception):
    """A .veua file cannot be read or written. ``part`` names the part of the file concerned."""

    def __init__(self, message: str, part: str | None = None) -> None:
        self.part = part
        text = f"{part}: {message}" if part else message
        # Messages quote untrusted names and keys: keep them on one printable line.
        super().__init__(_CONTROL.sub("?", text))


class VeuaFormatError(VeuaError):
    """The file is not a well-formed .veua (not a zip, unexpected names, broken JSON, wrong types)."""


class VeuaVersionError(VeuaError):
    """The file was written by a newer version of the app, or its version is unknown."""


class VeuaLimitError(VeuaError):
    """The file exceeds a safety limit (size, entry count, compression ratio, nesting...)."""


class VeuaIntegrityError(VeuaError):
    """Evidence or content does not match the hashes recorded for it."""
