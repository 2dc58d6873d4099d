"""The signature parser takes any bytes: it returns a checked signature or says why not, never
another exception; a changed byte of the signed attributes or the signature value is invalid."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from veu_assess.signing.cms import CheckedSignature, SignatureInvalid, check, sign
from veu_assess.signing.keys import new_identity

IDENT = new_identity("Ann Auditor", "Example LLP")
DATA = b'{"format":"veua-signoff-statement-v1"}\n'
BLOB = sign(IDENT, DATA)


def _outcome(data: bytes, blob: bytes) -> CheckedSignature | str:
    try:
        return check(data, blob)
    except SignatureInvalid as exc:
        assert str(exc)
        return str(exc)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=4096))
def test_any_bytes_are_checked_without_crashing(blob: bytes) -> None:
    assert isinstance(_outcome(DATA, blob), str)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=len(BLOB) - 1), st.integers(min_value=1, max_value=255))
def test_a_changed_byte_never_crashes_and_never_changes_the_signer(position: int, xor: int) -> None:
    mutated = BLOB[:position] + bytes([BLOB[position] ^ xor]) + BLOB[position + 1:]
    result = _outcome(DATA, mutated)
    if isinstance(result, CheckedSignature):  # a byte the signature does not cover (the
        # certificate's own self-signature, say): the signing key is still Ann's
        assert result.cert.public_key() == IDENT.cert.public_key()


def test_the_tail_of_the_blob_is_the_signature_value() -> None:
    # The SignerInfo comes last, its signature value at the very end: changing it is invalid.
    for position in range(len(BLOB) - 20, len(BLOB)):
        mutated = BLOB[:position] + bytes([BLOB[position] ^ 0x01]) + BLOB[position + 1:]
        assert isinstance(_outcome(DATA, mutated), str)
    assert isinstance(_outcome(DATA, BLOB), CheckedSignature)
    assert isinstance(_outcome(DATA + b" ", BLOB), str)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=2000), st.integers(min_value=1, max_value=255))
def test_verify_gives_a_verdict_for_any_damaged_signature(position: int, xor: int) -> None:
    import base64

    from veu_assess.resources import sample_path
    from veu_assess.signing.signoff import signed_sign_off
    from veu_assess.signing.verify import SignatureState, verify_signoff
    from veu_assess.storage.veua import open_document

    global _DOC
    if _DOC is None:
        _DOC = open_document(sample_path())
        signed_sign_off(_DOC, IDENT, "auditor")
    so = _DOC.review.signoffs[0]
    blob = base64.b64decode(_ORIGINAL.setdefault("sig", so.signature or ""))
    position %= len(blob)
    mutated = blob[:position] + bytes([blob[position] ^ xor]) + blob[position + 1:]
    _DOC.review.signoffs = [so.model_copy(update={"signature": base64.b64encode(mutated).decode()})]
    v = verify_signoff(_DOC, 0)
    assert v.state in (SignatureState.INVALID, SignatureState.UNCONFIRMED)
    assert v.state is SignatureState.INVALID or v.signoff.name == "Ann Auditor"


_DOC = None
_ORIGINAL: dict[str, str] = {}


def test_a_certificate_name_turned_malformed_is_invalid_not_a_warning() -> None:
    # Found by the property above in CI: one changed byte turns the organisation attribute
    # (OID 2.5.4.10, "Example LLP") into a country (2.5.4.6) of eleven letters; cryptography only
    # warns, which must not reach the user as a crash nor pass as a valid signer.
    issuer = BLOB.index(b"\x55\x04\x0a")  # the certificate's issuer, then its subject: change the subject
    position = BLOB.index(b"\x55\x04\x0a", issuer + 1) + 2
    mutated = BLOB[:position] + bytes([BLOB[position] ^ 12]) + BLOB[position + 1:]
    result = _outcome(DATA, mutated)
    assert isinstance(result, str) and "malformed" in result
