"""Which signers this user trusts: certificates and SHA-256 fingerprints from trust files and the
app's setting. A signature is "valid, trusted" only when its signer's certificate, or one of the
issuers embedded with it, is in the list; otherwise it is "valid, signer not confirmed".

A trust file is either a certificate (PEM, one or more, or DER) or a text file with one SHA-256
fingerprint per line (``#`` starts a comment), as ``veu-assess keys new`` prints them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from veu_assess.signing.errors import SigningError
from veu_assess.signing.keys import normalise_fingerprint

MAX_TRUST_FILE_BYTES = 1 << 20


@dataclass(frozen=True)
class TrustList:
    fingerprints: frozenset[str] = frozenset()

    def trusts(self, fingerprint: str, chain: Iterable[str] = ()) -> bool:
        return fingerprint in self.fingerprints or any(fp in self.fingerprints for fp in chain)

    def __or__(self, other: TrustList) -> TrustList:
        return TrustList(self.fingerprints | other.fingerprints)


def trust_from_fingerprints(texts: Iterable[str]) -> TrustList:
    """A trust list from fingerprints as the app's setting stores them (bad entries are skipped)."""
    return TrustList(frozenset(fp for fp in (normalise_fingerprint(t) for t in texts) if fp))


def load_trust_file(path: Path) -> TrustList:
    """Read a trust file; a file that is neither certificates nor fingerprints is a SigningError."""
    from cryptography import x509

    from veu_assess.signing.keys import fingerprint

    path = Path(path)
    try:
        if path.stat().st_size > MAX_TRUST_FILE_BYTES:
            raise SigningError(f"{path.name}: a trust file is at most {MAX_TRUST_FILE_BYTES:,} bytes")
        data = path.read_bytes()
    except OSError as exc:
        raise SigningError(f"{path}: {exc.strerror or exc}") from None
    if b"-----BEGIN CERTIFICATE-----" in data:
        try:
            return TrustList(frozenset(fingerprint(c) for c in x509.load_pem_x509_certificates(data)))
        except ValueError:
            raise SigningError(f"{path.name}: a certificate in it cannot be read") from None
    # A DER certificate is a SEQUENCE (0x30) with a long-form length (0x81..0x84: any certificate
    # is over 127 bytes). Byte 0x30 alone is also ASCII "0", the first digit of many fingerprints.
    if len(data) > 1 and data[0] == 0x30 and 0x81 <= data[1] <= 0x84:
        try:
            return TrustList(frozenset({fingerprint(x509.load_der_x509_certificate(data))}))
        except ValueError:
            raise SigningError(f"{path.name} is not a certificate (DER) nor a list of fingerprints") from None
    try:
        lines = data.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        raise SigningError(f"{path.name} is not a certificate nor a list of fingerprints") from None
    found: set[str] = set()
    for n, line in enumerate(lines, 1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        fp = normalise_fingerprint(text)
        if not fp:
            raise SigningError(f"{path.name}, line {n}: not a SHA-256 fingerprint (64 hex digits)")
        found.add(fp)
    return TrustList(frozenset(found))


TRUST_FILE_NAME = "trusted-signers.txt"


def user_trust_path() -> Path:
    """The app's trust setting: a fingerprint list in the per-user data folder, shared by the app
    (Review > Trust this signer) and the CLI (read by ``verify`` unless --no-user-trust)."""
    from veu_assess.storage.recovery import default_data_dir

    return default_data_dir() / TRUST_FILE_NAME


def user_trust() -> TrustList:
    """The trust setting; none yet is an empty list, an unreadable one a SigningError."""
    path = user_trust_path()
    return load_trust_file(path) if path.is_file() else TrustList()


def add_user_trust(fingerprint: str, who: str) -> None:
    """Add a signer's fingerprint to the trust setting (written atomically)."""
    from veu_assess.storage.files import write_atomic

    fp = normalise_fingerprint(fingerprint)
    if not fp:
        raise SigningError(f"not a SHA-256 fingerprint: {fingerprint[:80]!r}")
    path = user_trust_path()
    old = path.read_text("utf-8") if path.is_file() else ""
    if fp in load_trust_file(path).fingerprints if path.is_file() else False:
        return
    comment = " ".join(who.split())[:120].replace("#", "")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, (old + ("" if not old or old.endswith("\n") else "\n") + f"{fp}  # {comment}\n").encode("utf-8"))
