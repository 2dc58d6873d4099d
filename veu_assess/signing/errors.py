"""The one error every signing problem raises: bad key files, wrong passphrases, refused certificates.

An InputError (bad input, not a bug of the app), so the CLI prints it on one line and exits 2,
and the GUI shows it in the dialog.
"""

from __future__ import annotations

from veu_assess.bugs import InputError


class SigningError(InputError):
    """A key, certificate or signature cannot be used; the message says what and why."""
