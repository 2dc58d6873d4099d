"""PAdES signatures on the PDF report, with pyHanko.

The report is rendered with an empty box on its sign-off page (``report.blocks.SignatureSlot``,
which records where it was laid out); the signature field goes into that box with a visible
stamp. pyHanko appends the signature as an incremental update, so the bytes before it are the
deterministic report and only the appended signature differs between two signings.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from veu_assess.signing.errors import SigningError
from veu_assess.signing.keys import Identity

FIELD_NAME = "AuditorSignature"


def signed_report(source: Any, identity: Identity, lang: str = "en", catalog: Any = None,
                  check: Any = None) -> bytes:
    """The PDF report of ``source`` (a path or an open document), signed with ``identity``, the
    signature's visible block in the box the report leaves on its sign-off page."""
    from veu_assess.report.api import render_report
    from veu_assess.report.blocks import SignatureSlotSpec

    _check_can_sign(identity)
    spec = SignatureSlotSpec(identity.name, identity.organisation, identity.fingerprint)
    pdf = render_report(source, lang, catalog, check, signer=spec)
    return sign_pdf(pdf, identity, spec.placed[-1] if spec.placed else None)


def _check_can_sign(identity: Identity) -> None:
    from veu_assess.signing.cms import SignatureInvalid, check_signing_certificate

    try:
        check_signing_certificate(identity.cert, dt.datetime.now(dt.UTC))
    except SignatureInvalid as exc:
        raise SigningError(f"this key cannot sign: {exc}") from None


def sign_pdf(pdf: bytes, identity: Identity, slot: tuple[int, tuple[float, float, float, float]] | None = None,
             reason: str = "Readiness report signed by its author") -> bytes:
    """``pdf`` with a PAdES baseline (B-B) signature, visible in ``slot`` (page index, box) or
    invisible when there is none."""
    import io

    from asn1crypto import keys as asn1_keys
    from asn1crypto import tsp  # noqa: F401  - registers the signing-certificate-v2 attribute pyHanko adds
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko.stamp import TextStampStyle
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    _check_can_sign(identity)
    der_key = identity.key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                         serialization.NoEncryption())
    cert = asn1_x509.Certificate.load(identity.cert.public_bytes(serialization.Encoding.DER))
    chain = [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in identity.chain]
    signer = signers.SimpleSigner(signing_cert=cert, signing_key=asn1_keys.PrivateKeyInfo.load(der_key),
                                  cert_registry=SimpleCertificateStore.from_certs([cert, *chain]))
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    page, where = slot if slot is not None else (0, (0.0, 0.0, 0.0, 0.0))  # no slot: an invisible signature
    box = (round(where[0]), round(where[1]), round(where[2]), round(where[3]))
    name = identity.name if identity.name.isascii() else "the holder of the certificate below"
    fp = identity.fingerprint
    style = TextStampStyle(
        stamp_text=("Digitally signed (PAdES) by %(who)s\nCertificate SHA-256:\n%(fp1)s\n%(fp2)s\n"
                    "Signing time: %(ts)s"),
        border_width=0, background=None)
    meta = signers.PdfSignatureMetadata(field_name=FIELD_NAME, subfilter=SigSeedSubFilter.PADES,
                                        md_algorithm="sha256", reason=reason, name=identity.name)
    pdf_signer = signers.PdfSigner(meta, signer, stamp_style=style,
                                   new_field_spec=fields.SigFieldSpec(FIELD_NAME, on_page=page, box=box))
    out = pdf_signer.sign_pdf(writer, appearance_text_params={"who": name, "fp1": fp[:47], "fp2": fp[48:]})
    return bytes(out.getvalue())


