"""Test keys, made at test time with cryptography (no private key is committed): certificates
with chosen validity, key usage and issuer, and PKCS #12 files of them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from veu_assess.signing.keys import Identity

PASSPHRASE = "test passphrase 1"
NOW = dt.datetime.now(dt.UTC)


def name(cn: str, org: str = "Example LLP") -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn), x509.NameAttribute(NameOID.ORGANIZATION_NAME, org)])


def make_cert(cn: str = "Ann Auditor", org: str = "Example LLP", *, key: ec.EllipticCurvePrivateKey | None = None,
              issuer: Identity | None = None, issuer_name: x509.Name | None = None,
              not_before: dt.datetime | None = None, not_after: dt.datetime | None = None,
              eku: list[x509.ObjectIdentifier] | None = None, key_usage: str = "sign", ca: bool = False,
              serial: int | None = None) -> Identity:
    key = key or ec.generate_private_key(ec.SECP256R1())
    subject = name(cn, org)
    signer_key = issuer.key if issuer else key
    ku = {"sign": dict(digital_signature=True, content_commitment=True, key_cert_sign=ca),
          "ca-only": dict(digital_signature=False, content_commitment=False, key_cert_sign=True)}[key_usage]
    builder = (
        x509.CertificateBuilder().subject_name(subject)
        .issuer_name(issuer_name or (issuer.cert.subject if issuer else subject))
        .public_key(key.public_key()).serial_number(serial or x509.random_serial_number())
        .not_valid_before(not_before or NOW - dt.timedelta(days=1))
        .not_valid_after(not_after or NOW + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(key_encipherment=False, data_encipherment=False, key_agreement=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False, **ku), critical=True)
    )
    if eku is not None:
        builder = builder.add_extension(x509.ExtendedKeyUsage(eku), critical=False)
    cert = builder.sign(signer_key, hashes.SHA256())  # type: ignore[arg-type]
    return Identity(key, cert, (issuer.cert,) if issuer else ())


SERVER_ONLY = [ExtendedKeyUsageOID.SERVER_AUTH]


def write_p12(path: Path, identity: Identity, passphrase: str = PASSPHRASE,
              extra: list[x509.Certificate] | None = None) -> Path:
    cas = extra if extra is not None else list(identity.chain)
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"test", identity.key, identity.cert, cas or None,  # type: ignore[arg-type]
        BestAvailableEncryption(passphrase.encode())))
    return path
