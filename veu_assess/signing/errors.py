"""The one error every signing problem raises: bad key files, wrong passphrases, refused certificates.

A ValueError, so the CLI prints it on one line and exits 2, and the GUI shows it in the dialog.
"""

from __future__ import annotations


class SigningError(ValueError):
    """A key, certificate or signature cannot be used; the message says what and why."""
