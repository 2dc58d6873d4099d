"""One verdict per sign-off, the same in the CLI, the app, the report and the OSCAL export.

- "valid, trusted": the signature verifies and the signer's certificate (or one in its chain) is
  in the trust list;
- "valid, signer not confirmed": it verifies, but nobody told this app to trust the signer; the
  fingerprint is shown so it can be confirmed out of band;
- "invalid (why)": the bytes, the certificate or the recorded signer do not hold up;
- "unsigned (legacy)": a sign-off without a signature (a name typed in, as before signatures).

Whether the content still matches what was signed is a separate fact (``matches``): a valid
signature over a digest the answers have since moved away from is still a valid signature.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import functools
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from veu_assess.model.review import SignOff
from veu_assess.signing.trust import TrustList
from veu_assess.storage.document import Document
from veu_assess.storage.integrity import changed_since


class SignatureState(StrEnum):
    TRUSTED = "valid, trusted"
    UNCONFIRMED = "valid, signer not confirmed"
    INVALID = "invalid"
    UNSIGNED = "unsigned (legacy)"


@dataclass(frozen=True)
class SignatureVerdict:
    index: int
    signoff: SignOff
    state: SignatureState
    matches: bool  # the content digest it records is the document's content now
    reason: str = ""  # why invalid
    signer: str = ""  # the certificate's subject (CN, O) for signed ones
    fingerprint: str = ""  # SHA-256 of the signer's certificate
    chain: tuple[str, ...] = field(default=())  # fingerprints of the issuers found

    @property
    def valid(self) -> bool:
        return self.state in (SignatureState.TRUSTED, SignatureState.UNCONFIRMED)

    @property
    def ok(self) -> bool:
        """What ``veu-assess verify`` exits 0 on: unsigned, or valid and still matching."""
        return self.state is SignatureState.UNSIGNED or (self.valid and self.matches)

    def label(self) -> str:
        return f"{self.state.value} ({self.reason})" if self.state is SignatureState.INVALID else self.state.value

    def line(self) -> str:
        """``#1 valid, signer not confirmed: Ann Auditor (Example LLP), SHA-256 AB:…; content matches``"""
        who = self.signer or self.signoff.name
        fp = f", SHA-256 {self.fingerprint}" if self.fingerprint else ""
        content = "content matches" if self.matches else "content changed after sign-off"
        return f"#{self.index + 1} {self.label()}: {who}{fp}; signed {self.signoff.date.isoformat()}; {content}"


def verify_signoff(doc: Document, index: int, trust: TrustList | None = None,
                   current: str | None = None) -> SignatureVerdict:
    """The verdict on sign-off ``index``; ``current`` is ``doc.digest()`` when already known."""
    so = doc.review.signoffs[index]
    matches = not changed_since(doc, so.digest, current)
    if so.signature is None:
        return SignatureVerdict(index, so, SignatureState.UNSIGNED, matches)
    state, reason, signer, fp, chain = _signature_facts(so, trust or TrustList())
    return SignatureVerdict(index, so, state, matches, reason, signer, fp, chain)


Facts = tuple[SignatureState, str, str, str, tuple[str, ...]]


def _signature_facts(so: SignOff, trust: TrustList) -> Facts:
    """The verdict on a sign-off's signature; it depends on the sign-off and the trust list only
    (not on the content), so the app's views, redrawn on every edit, check each signature once."""
    from veu_assess.signing.statement import statement_bytes

    return _checked(statement_bytes(so), so.signature or "", trust, so.name, so.organisation, so.date)


@functools.lru_cache(maxsize=256)
def _checked(statement: bytes, signature: str, trust: TrustList, name_recorded: str, org_recorded: str,
             date: dt.date) -> Facts:
    from veu_assess.signing.cms import SignatureInvalid, check
    from veu_assess.signing.keys import fingerprint, subject_field

    try:
        blob = base64.b64decode(signature, validate=True)
    except (binascii.Error, ValueError):
        return SignatureState.INVALID, "the signature is not base64", "", "", ()
    try:
        checked = check(statement, blob)
    except SignatureInvalid as exc:
        return SignatureState.INVALID, str(exc), "", "", ()
    cert = checked.cert
    try:  # the subject is parsed when first read: a damaged one says so here
        name, org = subject_field(cert, "CN"), subject_field(cert, "O")
    except ValueError as exc:
        return SignatureState.INVALID, f"the certificate's subject cannot be read ({str(exc)[:80]})", "", "", ()
    signer = f"{name} ({org})" if org else name
    fp = fingerprint(cert)
    chain = tuple(fingerprint(c) for c in checked.chain)
    reason = _recorded_signer_problem(name_recorded, org_recorded, date, name, org, checked.cert)
    if reason:
        return SignatureState.INVALID, reason, signer, fp, chain
    trusted = trust.trusts(fp, chain)
    return (SignatureState.TRUSTED if trusted else SignatureState.UNCONFIRMED), "", signer, fp, chain


def _recorded_signer_problem(name_recorded: str, org_recorded: str, date: dt.date, name: str, org: str,
                             cert: Any) -> str:
    """The name and organisation a sign-off shows must be the certificate's: a signature cannot
    lend one person's key to another person's name."""
    if name_recorded != name:
        return "the name recorded in the sign-off is not the certificate's"
    if org_recorded and org_recorded != org:
        return "the organisation recorded in the sign-off is not the certificate's"
    if not cert.not_valid_before_utc.date() <= date <= cert.not_valid_after_utc.date():
        return "the sign-off date is outside the certificate's validity"
    return ""


def verify_all(doc: Document, trust: TrustList | None = None) -> list[SignatureVerdict]:
    """Every sign-off's verdict, in the order they were made."""
    current = doc.digest() if doc.review.signoffs else None  # hashed once, not once per sign-off
    return [verify_signoff(doc, i, trust, current) for i in range(len(doc.review.signoffs))]


def summary(verdicts: list[SignatureVerdict]) -> str:
    """One clause for a one-line summary: "sign-offs: #1 valid, trusted (content matches); …"."""
    if not verdicts:
        return "no sign-offs"
    parts = [f"#{v.index + 1} {v.label()}" + ("" if v.state is SignatureState.UNSIGNED or v.matches
                                               else " (content changed after sign-off)") for v in verdicts]
    return "sign-offs: " + "; ".join(parts)


def document_verdicts(doc: Document) -> list[SignatureVerdict]:
    """The verdicts with this user's trust setting (what the app, the report and OSCAL show); a
    trust setting that cannot be read trusts nobody rather than stopping the view."""
    from veu_assess.signing.errors import SigningError
    from veu_assess.signing.trust import user_trust

    if not any(so.signed for so in doc.review.signoffs):
        trust = None  # nothing to check: do not even read the setting
    else:
        try:
            trust = user_trust()
        except SigningError:
            trust = None
    return verify_all(doc, trust)
