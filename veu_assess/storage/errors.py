"""The one typed error the storage layer raises: every refusal says what is wrong and where."""

from __future__ import annotations


class VeuaError(Exception):
    """A .veua file cannot be read or written. ``part`` names the part of the file concerned."""

    def __init__(self, message: str, part: str | None = None) -> None:
        self.part = part
        super().__init__(f"{part}: {message}" if part else message)


class VeuaVersionError(VeuaError):
    """The file was written by a newer version of the app, or its version is unknown."""


class VeuaLimitError(VeuaError):
    """The file exceeds a safety limit (size, entry count, compression ratio, nesting...)."""


class VeuaIntegrityError(VeuaError):
    """Evidence or content does not match the hashes recorded for it."""
