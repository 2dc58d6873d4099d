"""The file's integrity in the window: the evidence check after opening, and the warning text.

Opening a .veua only locates its evidence (fast at any size); whether each blob still matches its
SHA-256 is found out here, on a worker thread, right after the document is shown. Until then the
state covers the manifest and the sign-offs. The warning follows ``Session.integrity()``, the
same rule as ``veu-assess validate`` and the report: modified by another program first, then
changed after the latest sign-off.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from veu_assess.storage.document import Document, ZipSource
from veu_assess.storage.integrity import IntegrityKind, verify_evidence
from veu_assess.ui import i18n
from veu_assess.ui.session import Session, snapshot
from veu_assess.ui.workers import Progress, Task, start_task


def _tr(text: str) -> str:
    return QCoreApplication.translate("Integrity", text)


def start_evidence_check(session: Session) -> Task | None:
    """Hash the evidence of a file just opened, off the GUI thread; None when there is none.

    Works on a snapshot (the operator may edit meanwhile). The task's signals belong to the
    session, so a result for a document that was closed meanwhile is never delivered.
    """
    doc = session.document
    if not any(isinstance(src, ZipSource) for src in doc.evidence.values()):
        return None  # a new document's evidence was hashed when it was attached
    copy: Document = snapshot(doc)

    def work(progress: Progress) -> object:
        return verify_evidence(copy)

    session.evidence_check_pending = True
    return start_task(work, on_success=session.set_evidence_problems,
                      on_failure=lambda exc: session.set_evidence_check_failed(f"{type(exc).__name__}: {exc}"),
                      parent=session)


def sign_off_warning(session: Session) -> str:
    """Why a sign-off needs the signer's confirmation now, or "" when it needs none."""
    if session.integrity().kind is IntegrityKind.MODIFIED:  # known already (the manifest), or found
        return integrity_warning(session)[1]
    if session.evidence_check_failed:
        return _tr("The evidence could not be checked against the hashes recorded when the file was saved "
                   "({error}); whether another program modified it is not known.").format(
                       error=session.evidence_check_failed)
    if session.evidence_check_pending:
        return _tr("The evidence is still being checked against the hashes recorded when the file was "
                   "saved; whether another program modified it is not known yet.")
    return ""


def integrity_warning(session: Session | None) -> tuple[str, str]:
    """(short warning for the status bar, longer explanation) or ("", "") when all is well."""
    if session is None:
        return "", ""
    state = session.integrity()
    if state.kind is IntegrityKind.MODIFIED:
        return (_tr("Modified by another program since it was saved"),
                _tr("The file no longer matches the hashes recorded when it was saved: {detail}. "
                    "Check the answers and evidence before relying on them or signing off.")
                .format(detail=state.detail))
    invalid = _invalid_signature(session)
    if invalid:
        return invalid
    if state.kind is IntegrityKind.CHANGED_AFTER_SIGNOFF and state.signoff_date is not None:
        return _changed_after_signoff(session, state.signoff_date.isoformat())
    return "", ""


class _ChangedItems(QObject):
    """The count of changed items in the plural forms of the language (``tr``'s %n)."""

    def texts(self, n: int) -> tuple[str, str]:
        return (self.tr("Changed after sign-off on {date}: %n item(s)", "", n),
                self.tr("Changed after sign-off on {date}: %n item(s) differ from what was signed.", "", n))


def _changed_after_signoff(session: Session, date: str) -> tuple[str, str]:
    """The warning with how many items changed since the latest sign-off (the Show filter's
    "Changed since sign-off" lists them); a sign-off made before items were recorded cannot say."""
    from veu_assess.review import changes_since_signoff
    from veu_assess.review.texts import changes_text

    changes = changes_since_signoff(session.document)
    if changes is not None and changes.items_known and changes.items:
        short, long = _ChangedItems().texts(len(changes.items))
        if changes.other_changed:
            long += " " + _tr("Other parts of the answers or evidence differ too.")
        return short.format(date=date), long.format(date=date)
    long = _tr("Changed after sign-off on {date}: the answers or evidence differ from what was signed.")
    if changes is not None and not changes.items_known:  # said, never guessed
        long += " " + changes_text(changes, i18n.current_language())
    return _tr("Changed after sign-off on {date}").format(date=date), long.format(date=date)


def _invalid_signature(session: Session) -> tuple[str, str] | None:
    """The first sign-off whose signature is invalid, as ``veu-assess verify`` says it."""
    if not any(so.signed for so in session.document.review.signoffs):
        return None
    from veu_assess.signing.verify import SignatureState, document_verdicts

    for v in document_verdicts(session.document):
        if v.state is SignatureState.INVALID:
            return (_tr("A sign-off's signature is invalid"),
                    _tr("The signature of sign-off #{number} ({name}) is invalid: {reason}. Do not rely on "
                        "this sign-off.").format(number=v.index + 1, name=v.signoff.name, reason=v.reason))
    return None
