"""Detached CMS (PKCS #7) signatures over a sign-off statement: make one, and check one.

Signing uses ``cryptography``'s PKCS7SignatureBuilder (DER, detached, signed attributes with the
signing time, the signer's certificate and chain embedded), so ``openssl cms -verify -binary
-content STATEMENT`` checks it. Checking parses the blob with asn1crypto and leaves the
cryptographic check (message digest attribute and the signature over the signed attributes) to
pyHanko's ``validate_sig_integrity``; this module adds the policy: exactly one signer, whose
certificate is embedded, valid at the signing time and allowed to sign documents.
"""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from veu_assess.signing.errors import SigningError
from veu_assess.signing.keys import MAX_CHAIN, Identity, order_chain

if TYPE_CHECKING:
    from cryptography import x509

MAX_SIGNATURE_BYTES = 48 * 1024  # the model bounds the base64 text to 64 Ki characters

# Extended key usages that allow signing a document; a certificate without the extension may
# sign anything its key usage allows.
_SIGNING_EKUS = {
    "2.5.29.37.0",  # anyExtendedKeyUsage
    "1.3.6.1.5.5.7.3.4",  # emailProtection (S/MIME, what openssl cms checks by default)
    "1.3.6.1.5.5.7.3.36",  # documentSigning (RFC 9336)
    "1.3.6.1.4.1.311.10.3.12",  # Microsoft document signing
    "1.2.840.113583.1.1.5",  # Adobe Authentic Documents Trust
}


class SignatureInvalid(Exception):
    """The signature does not prove what it claims; ``str()`` is the reason, in a few words."""


@dataclass(frozen=True)
class CheckedSignature:
    """A signature whose bytes verify and whose certificate may sign: who signed, and when they say."""

    cert: x509.Certificate
    chain: tuple[x509.Certificate, ...]
    signing_time: dt.datetime | None


def check_signing_certificate(cert: x509.Certificate, at: dt.datetime) -> None:
    """Raise SignatureInvalid when ``cert`` could not sign at ``at``: outside its validity, or a
    key usage that does not include signing (a TLS server or CA-only certificate, say)."""
    from cryptography import x509 as _x509

    if at < cert.not_valid_before_utc:
        raise SignatureInvalid(f"the certificate was not yet valid at signing (valid from "
                               f"{cert.not_valid_before_utc:%Y-%m-%d %H:%M} UTC)")
    if at > cert.not_valid_after_utc:
        raise SignatureInvalid(f"the certificate had expired at signing (on {cert.not_valid_after_utc:%Y-%m-%d})")
    try:  # cryptography parses extensions when first asked: a damaged one raises ValueError here
        extensions = cert.extensions
        ku = _extension(extensions, _x509.KeyUsage)
        eku = _extension(extensions, _x509.ExtendedKeyUsage)
    except ValueError as exc:
        raise SignatureInvalid(f"the certificate cannot be read ({str(exc)[:80]})") from None
    if ku is not None and not (ku.digital_signature or ku.content_commitment):
        raise SignatureInvalid("the certificate's key usage does not allow signing")
    if eku is not None and not {oid.dotted_string for oid in eku} & _SIGNING_EKUS:
        raise SignatureInvalid("the certificate's extended key usage does not allow signing documents")


def _extension(extensions: Any, kind: Any) -> Any:
    from cryptography import x509 as _x509

    try:
        return extensions.get_extension_for_class(kind).value
    except _x509.ExtensionNotFound:
        return None


def sign(identity: Identity, data: bytes, now: dt.datetime | None = None) -> bytes:
    """A detached DER CMS signature over ``data``, with the signer's certificate and chain."""
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.serialization import pkcs7

    try:
        check_signing_certificate(identity.cert, now or dt.datetime.now(dt.UTC))
    except SignatureInvalid as exc:
        raise SigningError(f"this key cannot sign: {exc}") from None
    builder = pkcs7.PKCS7SignatureBuilder().set_data(data).add_signer(
        identity.cert, identity.key, hashes.SHA256())  # type: ignore[arg-type]  # checked: EC or RSA
    for extra in identity.chain:
        builder = builder.add_certificate(extra)
    return builder.sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature,
                                                      pkcs7.PKCS7Options.Binary])


def check(data: bytes, blob: bytes) -> CheckedSignature:
    """Check a detached signature over ``data``; raise SignatureInvalid with the reason otherwise."""
    from asn1crypto import cms, tsp  # noqa: F401  - tsp before any lookup: asn1crypto caches its OID map
    # on first use, and pyHanko's PDF signing needs the attributes tsp registers

    if len(blob) > MAX_SIGNATURE_BYTES:
        raise SignatureInvalid(f"the signature is {len(blob):,} bytes, more than {MAX_SIGNATURE_BYTES:,}")
    try:
        info = cms.ContentInfo.load(blob, strict=True)
        if info["content_type"].native != "signed_data":
            raise SignatureInvalid("the signature is not a CMS SignedData structure")
        signed = info["content"]
        signers = list(signed["signer_infos"])
        certs = [c.chosen for c in signed["certificates"] if c.name == "certificate"] \
            if signed["certificates"].native is not None else []
        if signed["encap_content_info"]["content"].native is not None:
            raise SignatureInvalid("the signature carries its own content instead of signing the statement")
    except SignatureInvalid:
        raise
    except Exception as exc:  # asn1crypto raises ValueError, TypeError and more for garbage
        raise SignatureInvalid(f"the signature cannot be read ({type(exc).__name__})") from None
    if len(signers) != 1:
        raise SignatureInvalid(f"the signature has {len(signers)} signers; exactly one is expected")
    if not certs:
        raise SignatureInvalid("the signer's certificate is not in the signature")
    if len(certs) > MAX_CHAIN + 1:
        raise SignatureInvalid(f"the signature holds {len(certs)} certificates; at most {MAX_CHAIN + 1}")
    signer = signers[0]
    try:
        cert_asn1 = _signer_cert(signer, certs)
        signing_time = _signing_time(signer)
        intact, valid = _integrity(signer, cert_asn1, data)
    except SignatureInvalid:
        raise
    except Exception as exc:  # a structure that parses but is not a usable signature
        raise SignatureInvalid(f"the signature cannot be checked ({type(exc).__name__}: {str(exc)[:80]})") from None
    if not intact:
        raise SignatureInvalid("the signature is over other bytes than this sign-off's statement")
    if not valid:
        raise SignatureInvalid("the signature does not match the certificate's key")
    if signing_time is None:
        raise SignatureInvalid("the signature has no signing time")
    # cryptography only warns about a malformed name in a certificate (a country code of eleven
    # letters, say); a certificate that breaks its own format is not one to trust a signer by.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            cert, others = _to_cryptography(cert_asn1, certs)
            check_signing_certificate(cert, signing_time)
            chain = order_chain(cert, others)
        except SigningError as exc:
            raise SignatureInvalid(str(exc)) from None
        except Warning as exc:
            raise SignatureInvalid(f"a certificate in the signature is malformed ({str(exc)[:80]})") from None
    return CheckedSignature(cert, chain, signing_time)


def _signer_cert(signer: Any, certs: list[Any]) -> Any:
    sid = signer["sid"]
    for c in certs:
        if sid.name == "issuer_and_serial_number":
            if c.issuer == sid.chosen["issuer"] and c.serial_number == sid.chosen["serial_number"].native:
                return c
        elif c.key_identifier == sid.chosen.native:
            return c
    raise SignatureInvalid("the signer's certificate is not in the signature")


def _signing_time(signer: Any) -> dt.datetime | None:
    attrs = signer["signed_attrs"]
    if attrs.native is None:
        raise SignatureInvalid("the signature has no signed attributes")
    for attr in attrs:
        if attr["type"].native == "signing_time":
            value = attr["values"][0].native
            return value if isinstance(value, dt.datetime) else None
    return None


def _integrity(signer: Any, cert: Any, data: bytes) -> tuple[bool, bool]:
    import hashlib

    from pyhanko.sign.validation.generic_cms import validate_sig_integrity

    algo = signer["digest_algorithm"]["algorithm"].native
    if algo not in ("sha256", "sha384", "sha512"):
        raise SignatureInvalid(f"the signature uses the digest {algo}, which is not accepted (SHA-2 only)")
    digest = hashlib.new(algo, data).digest()
    try:
        return validate_sig_integrity(signer, cert, "data", digest)
    except Exception as exc:  # pyHanko's SignatureValidationError and friends: not a valid signature
        raise SignatureInvalid(f"the signature is not valid ({str(exc)[:100] or type(exc).__name__})") from None


def _to_cryptography(cert_asn1: Any, certs: list[Any]) -> tuple[x509.Certificate, list[x509.Certificate]]:
    from cryptography import x509

    try:
        cert = x509.load_der_x509_certificate(cert_asn1.dump())
        others = [x509.load_der_x509_certificate(c.dump()) for c in certs if c is not cert_asn1]
    except Exception as exc:  # ValueError, and cryptography's InvalidVersion for a bad version field
        raise SignatureInvalid(f"a certificate in the signature cannot be read ({str(exc)[:80]})") from None
    return cert, others
