"""Signer identities: a certificate, its private key and its chain, read from a PKCS #12 file, or
a new self-signed one made for an auditor who has none from their organisation.

A PKCS #12 file is untrusted input: its size is bounded, the key must belong to the certificate,
the key type must be one CMS signing supports, and the chain in the file must not loop.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from veu_assess.signing.errors import SigningError

if TYPE_CHECKING:
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

MAX_P12_BYTES = 1 << 20  # a key, a certificate and a chain take a few kB
MAX_CHAIN = 10  # certificates in a chain; real chains have 2 to 4
DEFAULT_DAYS = 3 * 365


@dataclass(frozen=True)
class Identity:
    """What signing needs: the private key, its certificate and the rest of its chain."""

    key: PrivateKeyTypes
    cert: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.cert)

    @property
    def name(self) -> str:
        return subject_field(self.cert, "CN")

    @property
    def organisation(self) -> str:
        return subject_field(self.cert, "O")


def fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 over the certificate's DER bytes, as colon-separated upper-case hex (openssl's form)."""
    from cryptography.hazmat.primitives import hashes

    return ":".join(f"{b:02X}" for b in cert.fingerprint(hashes.SHA256()))


def normalise_fingerprint(text: str) -> str:
    """Any common spelling of a SHA-256 fingerprint ("ab:cd…", "ABCD…", "SHA256 Fingerprint=…") in
    the form ``fingerprint`` gives, or "" when the text is not one."""
    text = text.strip()
    if "=" in text:
        text = text.split("=", 1)[1]
    hexdigits = "".join(ch for ch in text if ch not in ": \t").upper()
    if len(hexdigits) != 64 or any(ch not in "0123456789ABCDEF" for ch in hexdigits):
        return ""
    return ":".join(hexdigits[i:i + 2] for i in range(0, 64, 2))


def subject_field(cert: x509.Certificate, short_name: str) -> str:
    """The certificate subject's CN or O ("" when absent)."""
    from cryptography.x509.oid import NameOID

    oid = {"CN": NameOID.COMMON_NAME, "O": NameOID.ORGANIZATION_NAME}[short_name]
    values = cert.subject.get_attributes_for_oid(oid)
    value = values[0].value if values else ""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _check_key_matches(key: PrivateKeyTypes, cert: x509.Certificate) -> None:
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise SigningError(f"the key is of a type that cannot sign here ({type(key).__name__.removeprefix('_')}); "
                           "use an elliptic-curve or RSA key")
    spki = PublicFormat.SubjectPublicKeyInfo
    if key.public_key().public_bytes(Encoding.DER, spki) != cert.public_key().public_bytes(Encoding.DER, spki):
        raise SigningError("the private key does not belong to the certificate in the file")


def order_chain(cert: x509.Certificate, others: list[x509.Certificate]) -> tuple[x509.Certificate, ...]:
    """The issuers of ``cert`` found among ``others``, nearest first, each checked to have signed
    the one before. A chain that comes back to a certificate already in it is refused."""
    chain: list[x509.Certificate] = []
    seen = {fingerprint(cert)}
    current = cert
    while current.issuer != current.subject:
        issuer = next((c for c in others if c.subject == current.issuer and _issued(current, c)), None)
        if issuer is None:
            break
        fp = fingerprint(issuer)
        if fp in seen:
            raise SigningError("the certificate chain loops (a certificate is its own issuer's issuer)")
        if len(chain) >= MAX_CHAIN:
            raise SigningError(f"the certificate chain is longer than {MAX_CHAIN} certificates")
        seen.add(fp)
        chain.append(issuer)
        current = issuer
    return tuple(chain)


def _issued(child: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        child.verify_directly_issued_by(issuer)
    except Exception:  # InvalidSignature, and TypeError/ValueError for unsupported key types alike
        return False
    return True


def load_identity(path: Path, passphrase: str) -> Identity:
    """Read a PKCS #12 file; every problem is a SigningError that names the file and says why."""
    from cryptography.hazmat.primitives.serialization import pkcs12

    path = Path(path)
    try:
        if not path.is_file():
            raise SigningError(f"{path}: no such key file" if not path.exists() else f"{path} is not a file")
        size = path.stat().st_size
        if size > MAX_P12_BYTES:
            raise SigningError(f"{path.name} is {size:,} bytes; a PKCS #12 key file is at most {MAX_P12_BYTES:,}")
        data = path.read_bytes()
    except OSError as exc:
        raise SigningError(f"{path}: {exc.strerror or exc}") from None
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, passphrase.encode("utf-8") or None)
    except ValueError as exc:
        wrong = "password" in str(exc).lower() or "mac" in str(exc).lower()
        problem = ("the passphrase is wrong (or the file is damaged)" if wrong and _looks_like_p12(data)
                   else "is not a PKCS #12 key file (or it is damaged)")
        raise SigningError(f"{path.name}{':' if problem.startswith('the') else ''} {problem}") from None
    except Exception as exc:
        raise SigningError(f"{path.name} is not a PKCS #12 key file ({type(exc).__name__})") from None
    if key is not None and cert is None and extra:
        raise SigningError(f"{path.name}: the private key does not belong to any certificate in the file")
    if key is None or cert is None:
        raise SigningError(f"{path.name} holds no {'private key' if key is None else 'certificate'}; "
                           "a signing key file needs both")
    if len(extra) > MAX_CHAIN * 2:
        raise SigningError(f"{path.name} holds {len(extra)} extra certificates; at most {MAX_CHAIN * 2} are read")
    _check_key_matches(key, cert)
    chain = order_chain(cert, list(extra))
    return Identity(key, cert, chain)


def _looks_like_p12(data: bytes) -> bool:
    """A DER SEQUENCE whose first field is the PKCS #12 version 3: a file that is no key file at
    all is told apart from a wrong passphrase. A damaged key file fails its integrity check just
    as a wrong passphrase does; the two cannot be told apart, and the message says so."""
    return data[:1] == b"\x30" and b"\x02\x01\x03" in data[:8]


def new_identity(name: str, organisation: str, days: int = DEFAULT_DAYS,
                 now: dt.datetime | None = None) -> Identity:
    """A new P-256 key and a self-signed certificate for signing documents (not for TLS)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    name, organisation = name.strip(), organisation.strip()
    if not name:
        raise SigningError("a signing key needs the signer's name (--name)")
    if len(name) > 64 or len(organisation) > 64:
        raise SigningError("the name and the organisation are at most 64 characters each (X.509 limit)")
    now = now or dt.datetime.now(dt.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, name)]
    if organisation:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    subject = x509.Name(attrs)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject).issuer_name(subject).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION,
                                              x509.ObjectIdentifier(DOCUMENT_SIGNING)]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return Identity(key, cert)


DOCUMENT_SIGNING = "1.3.6.1.5.5.7.3.36"  # id-kp-documentSigning (RFC 9336)


def identity_to_p12(identity: Identity, passphrase: str) -> bytes:
    """The identity as a PKCS #12 file encrypted with ``passphrase`` (AES-256, PBKDF2)."""
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

    if len(passphrase) < 8:
        raise SigningError("the passphrase must have at least 8 characters")
    return pkcs12.serialize_key_and_certificates(
        identity.name.encode("utf-8"), identity.key, identity.cert, list(identity.chain) or None,  # type: ignore[arg-type]
        BestAvailableEncryption(passphrase.encode("utf-8")))
