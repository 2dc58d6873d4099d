"""The sign-off dialog signs with a key file (a test key made now), in English and Japanese; a
wrong passphrase keeps it open with the reason; the sign-off list shows the signature verdict."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.signing.keyfactory import PASSPHRASE, write_p12
from veu_assess.signing.keys import new_identity
from veu_assess.signing.verify import SignatureState, verify_all
from veu_assess.storage.document import Document
from veu_assess.ui.review import SignOffDialog, SignOffStatusList


@pytest.fixture(params=["en", "ja"])
def lang(request: pytest.FixtureRequest, qapp: object, tmp_path_factory: pytest.TempPathFactory,
         monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    from veu_assess.ui import i18n

    monkeypatch.setenv("VEU_ASSESS_CACHE_DIR", str(tmp_path_factory.mktemp("qm-cache")))
    assert i18n.install_language(request.param) == request.param
    yield request.param
    i18n.reset_language()


def test_signing_with_a_key_file(qtbot: QtBot, document: Document, tmp_path: Path, lang: str) -> None:
    name = "佐藤 花子" if lang == "ja" else "Ann Auditor"
    ident = new_identity(name, "監査法人テスト" if lang == "ja" else "Example LLP")
    key = write_p12(tmp_path / "key.p12", ident)
    dialog = SignOffDialog(document, lang=lang)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not dialog.key_path.isEnabled()
    dialog.sign_with_key.setChecked(True)
    assert dialog.key_path.isEnabled() and not dialog.name.isEnabled() and not ok.isEnabled()
    dialog.key_path.setText(str(key))
    dialog.role.setText("Lead auditor")
    dialog.statement.setPlainText("回答と証拠を確認しました。" if lang == "ja" else "Reviewed.")
    assert ok.isEnabled()

    dialog.passphrase.setText("wrong passphrase")
    with qtbot.assertNotEmitted(dialog.signedOff):
        ok.click()
    assert dialog.result() != QDialog.DialogCode.Accepted and "passphrase is wrong" in dialog.error.text()
    assert document.review.signoffs == []

    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.signedOff):
        ok.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.passphrase.text() == ""
    [so] = document.review.signoffs
    assert so.name == name and so.signature
    [v] = verify_all(document)
    assert v.state is SignatureState.UNCONFIRMED and v.fingerprint == ident.fingerprint

    status = SignOffStatusList(lang=lang)
    qtbot.addWidget(status)
    status.show_document(document)
    expected = "有効（署名者未確認、SHA-256 " if lang == "ja" else "valid, signer not confirmed (SHA-256 "
    assert status.signature_texts() == [f"{expected}{ident.fingerprint[:23]}…" + ("）" if lang == "ja" else ")")]
    document.review.signoffs = [so.model_copy(update={"statement": "edited"})]
    status.show_document(document)
    assert status.signature_texts()[0].startswith("無効" if lang == "ja" else "invalid (")
