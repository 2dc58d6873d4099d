"""The operator's warning before the first edit of a signed file: continue / save a copy / cancel.

An edit of signed content makes every intact sign-off read "changed after sign-off". Before, the
operator learnt that only from the auditor. Now the first edit of a file with an intact sign-off
asks first; "Save a copy…" saves the file under a new name (the signed file stays as it is on
disk) and the edit goes on in the copy. Cancel refuses the edit and the controls show the model.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from veu_assess.review import signoff_status
from veu_assess.ui import dialogs
from veu_assess.ui.session import Session


def install_signed_edit_guard(window: QWidget, session: Session, save_as: Callable[[], bool]) -> None:
    """Ask before ``session``'s first edit when its document has an intact sign-off. ``window``
    parents the question; ``save_as`` saves under a new name ("Save a copy…"): True when started."""
    if session.review_mode:
        return  # the auditor never edits the answers

    def guard() -> bool:
        intact = [st.signoff for st in signoff_status(session.document) if st.intact]
        if not intact:
            return True
        signers = ", ".join(dict.fromkeys(so.name for so in intact))
        choice = dialogs.ask_edit_signed(window, signers)
        if choice is dialogs.SignedEditChoice.CONTINUE:
            return True
        if choice is dialogs.SignedEditChoice.SAVE_COPY:
            # The copy is written from the content as it is now (still the signed content); the
            # edit then goes on in the copy, which Save writes to from now on.
            return save_as()
        return False

    session.edit_guard = guard
