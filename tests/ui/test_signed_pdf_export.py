"""The report page's PDF export signs with a key file (a test key made now): the PDF carries a
valid PAdES signature; a wrong passphrase says why and asks for no file."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.signing.keyfactory import PASSPHRASE, write_p12
from veu_assess.signing.keys import new_identity
from veu_assess.ui import dialogs
from veu_assess.ui.main_window import MainWindow


def test_pdf_export_signed_with_a_key_file(qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature

    ident = new_identity("Ann Auditor", "Example LLP")
    key = write_p12(tmp_path / "ann.p12", ident)
    target = tmp_path / "signed.pdf"
    asked: list[str] = []

    def get_export_path(_parent: object, _title: str, suggested: str, _filter: str) -> Path:
        asked.append(suggested)
        return target

    monkeypatch.setattr(dialogs, "get_export_path", get_export_path)
    page = window.navigator.pages.report
    page.language.setCurrentIndex(page.language.findData("en"))
    page.key_file.enabled.setChecked(True)
    page.key_file.path.setText(str(key))
    page.key_file.passphrase.setText("wrong passphrase")
    assert page.export("pdf") is False
    assert "passphrase is wrong" in page.status.text() and asked == [] and not target.exists()

    page.key_file.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(page.task_finished, timeout=60_000):
        assert page.export("pdf") is True
    data = target.read_bytes()
    [sig] = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.serialization import Encoding
    from pyhanko_certvalidator import ValidationContext

    root = asn1_x509.Certificate.load(ident.cert.public_bytes(Encoding.DER))
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=[root]))
    assert status.intact and status.valid and status.trusted
    assert "Digital signature of this report" in "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
