"""Signed PDF reports: pdfsig and pyHanko's validator accept the signature, one changed byte of
page content makes both reject it, the signature block is on the sign-off page, and the report
before the signature is the same bytes every time."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pypdf import PdfReader

from tests.signing.keyfactory import PASSPHRASE, write_p12
from veu_assess.cli.main import run
from veu_assess.report.api import render_report
from veu_assess.report.blocks import SignatureSlotSpec
from veu_assess.resources import sample_path
from veu_assess.signing.keys import Identity, new_identity
from veu_assess.signing.pdf import FIELD_NAME, signed_report

HAS_PDFSIG = shutil.which("pdfsig") is not None


@pytest.fixture(scope="module")
def ann() -> Identity:
    return new_identity("Ann Auditor", "Example LLP")


@pytest.fixture(scope="module")
def signed_en(ann: Identity) -> bytes:
    return signed_report(sample_path(), ann, "en")


def _tamper_page_content(pdf: bytes) -> bytes:
    """Change one byte inside the content stream of the report's last page."""
    reader = PdfReader(io.BytesIO(pdf))
    ref = reader.pages[-1].get_object().raw_get("/Contents")
    refs = ref if isinstance(ref, list) else [ref]
    num = refs[0].idnum
    start = re.search(rb"\n%d 0 obj" % num, pdf)
    assert start is not None
    stream = pdf.index(b"stream", start.end()) + len(b"stream\n") + 20
    return pdf[:stream] + bytes([pdf[stream] ^ 0x01]) + pdf[stream + 1:]


def _pyhanko_status(pdf: bytes, ann: Identity) -> tuple[bool, bool, bool]:
    """(digest intact, signature valid, signer trusted); pyHanko's bottom line needs all three."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    root = asn1_x509.Certificate.load(ann.cert.public_bytes(serialization.Encoding.DER))
    [sig] = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=[root]))
    assert status.bottom_line == (status.intact and status.valid and status.trusted)
    return status.intact, status.valid, status.trusted


def test_pyhanko_validates_the_signed_report_and_rejects_a_tampered_one(signed_en: bytes, ann: Identity) -> None:
    assert _pyhanko_status(signed_en, ann) == (True, True, True)
    intact, _valid, _trusted = _pyhanko_status(_tamper_page_content(signed_en), ann)
    assert not intact  # the page content no longer matches the signed digest: bottom line invalid


@pytest.mark.skipif(not HAS_PDFSIG, reason="pdfsig (poppler-utils) is not installed")
def test_pdfsig_validates_the_signed_report_and_rejects_a_tampered_one(signed_en: bytes, tmp_path: Path) -> None:
    good, bad = tmp_path / "good.pdf", tmp_path / "bad.pdf"
    good.write_bytes(signed_en)
    bad.write_bytes(_tamper_page_content(signed_en))
    out = subprocess.run(["pdfsig", str(good)], capture_output=True, text=True).stdout
    assert "Signature Validation: Signature is Valid." in out and "ETSI.CAdES.detached" in out
    assert "Signer Certificate Common Name: Ann Auditor" in out and "Total document signed" in out
    out = subprocess.run(["pdfsig", str(bad)], capture_output=True, text=True).stdout
    assert "Signature is Valid" not in out and ("Digest Mismatch" in out or "Invalid" in out)


@pytest.mark.parametrize("lang,heading", [("en", "Digital signature of this report"), ("ja", "本報告書の電子署名")])
def test_the_visible_signature_is_on_the_sign_off_page(ann: Identity, lang: str, heading: str) -> None:
    pdf = signed_en_or(lang, ann)
    reader = PdfReader(io.BytesIO(pdf))
    widgets = [(i, a.get_object()) for i, page in enumerate(reader.pages) for a in page.get("/Annots", []) or []
               if a.get_object().get("/T") == FIELD_NAME]
    [(page_index, widget)] = widgets
    left, bottom, right, top = (float(x) for x in widget["/Rect"])
    assert right - left > 200 and top - bottom > 60  # visible, the size of the box the report leaves
    text = reader.pages[page_index].extract_text()
    assert heading in text and ann.fingerprint[:23] in text.replace("\n", "")


def signed_en_or(lang: str, ann: Identity) -> bytes:
    return signed_report(sample_path(), ann, lang)


def test_the_report_is_deterministic_except_for_the_signature(ann: Identity,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # The cover states when the report was made: a build pins it as reproducible builds do (two
    # renders either side of a second's boundary differed, and this test failed now and then).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    first, second = signed_report(sample_path(), ann), signed_report(sample_path(), ann)
    base = render_report(sample_path(), "en", signer=SignatureSlotSpec(ann.name, ann.organisation, ann.fingerprint))
    assert first[:len(base)] == base == second[:len(base)]
    assert render_report(sample_path(), "en") == render_report(sample_path(), "en")


def test_cli_report_sign(ann: Identity, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PP", PASSPHRASE)
    key = write_p12(tmp_path / "ann.p12", ann)
    out = tmp_path / "r.pdf"
    assert run(["report", str(sample_path()), "-o", str(out), "--lang", "ja", "--sign", str(key),
                "--passphrase-env", "PP"]) == 0
    assert "signed by Ann Auditor" in capsys.readouterr().out
    assert _pyhanko_status(out.read_bytes(), ann) == (True, True, True)
    assert run(["report", str(sample_path()), "-o", str(tmp_path / "x.pdf"), "--passphrase-env", "PP"]) == 2
    assert "--sign" in capsys.readouterr().err and not (tmp_path / "x.pdf").exists()
