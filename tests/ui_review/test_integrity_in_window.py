"""A file modified by another program, seen in the window: the evidence check after opening, the
warning in the status bar and on the Review page, and a sign-off that has to acknowledge it.
"""

from __future__ import annotations

import json
import threading
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.conftest import DialogLog
from veu_assess.resources import sample_path
from veu_assess.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def _rewrite(tmp_path: Path, name: str, change: Any) -> Path:
    """The sample re-zipped by another program after ``change(entries)``; the manifest is kept."""
    with zipfile.ZipFile(sample_path()) as zf:
        entries = {i.filename: zf.read(i) for i in zf.infolist()}
    change(entries)
    out = tmp_path / name
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, raw in entries.items():
            zf.writestr(n, raw)
    return out


def _swap_evidence(entries: dict[str, bytes]) -> None:
    name = sorted(n for n in entries if n.startswith("evidence/"))[0]
    entries[name] = bytes(b ^ 0xFF for b in entries[name])  # same size, other bytes


def _edit_answer(entries: dict[str, bytes]) -> None:
    data = json.loads(entries["assessment.json"])
    key = sorted(data["answers"])[0]
    data["answers"][key]["notes"] = "edited outside the app"
    entries["assessment.json"] = json.dumps(data).encode()


def _held_evidence_check(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The evidence check after opening waits for the returned event: it is certainly pending."""
    from veu_assess.ui import integrity

    release = threading.Event()
    real_verify = integrity.verify_evidence

    def held(doc: Any) -> Any:
        assert release.wait(30), "the test never released the evidence check"
        return real_verify(doc)

    monkeypatch.setattr(integrity, "verify_evidence", held)
    return release


def _open(qtbot: Any, window: MainWindow, dialog_log: DialogLog, path: Path, review: bool = True) -> None:
    dialog_log.answers["open_path"] = [path]
    with qtbot.waitSignal(window.files.documentOpened, timeout=10_000):
        (window.menus.open_review_action if review else window.menus.open_action).trigger()


def test_swapped_evidence_is_found_after_opening(qtbot: Any, window: MainWindow, dialog_log: DialogLog,
                                                 tmp_path: Path) -> None:
    path = _rewrite(tmp_path, "swapped.veua", _swap_evidence)
    dialog_log.answers["open_path"] = [path]
    with qtbot.waitSignal(window.files.documentOpened, timeout=10_000):
        window.menus.open_review_action.trigger()
    session = window.session
    assert session is not None
    if session.evidence_problems is None:  # the check runs on a worker thread
        with qtbot.waitSignal(session.integrityChanged, timeout=10_000):
            pass
    assert session.evidence_problems and "does not match its SHA-256" in session.evidence_problems[0].problem
    assert window.signoff_warning.text() == "Modified by another program since it was saved"
    assert window.signoff_warning.isVisibleTo(window)
    assert "does not match its SHA-256" in window.signoff_warning.toolTip()
    banner = window.navigator.pages.review.signoff_banner
    assert not banner.isHidden() and banner.text().startswith("The file no longer matches")

    dialog = window.show_sign_off()
    assert dialog is not None
    dialog.confirm_coverage.setChecked(True)  # partial verdict coverage is tested in test_review_basics
    assert dialog is not None
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not dialog.warning.isHidden() and "does not match its SHA-256" in dialog.warning.text()
    dialog.name.setText("Aiko Auditor")
    assert not ok.isEnabled()  # the warning must be acknowledged
    dialog.accept()  # Enter pressed anyway
    assert not session.document.review.signoffs and not dialog.error.isHidden()
    dialog.confirm.setChecked(True)
    assert ok.isEnabled()
    with qtbot.waitSignal(dialog.signedOff):
        dialog.accept()
    assert len(session.document.review.signoffs) == 1


def test_answers_edited_by_another_program_are_shown_at_once(qtbot: Any, window: MainWindow,
                                                             dialog_log: DialogLog, tmp_path: Path) -> None:
    _open(qtbot, window, dialog_log, _rewrite(tmp_path, "edited.veua", _edit_answer), review=False)
    assert window.signoff_warning.text() == "Modified by another program since it was saved"
    assert "assessment.json does not match" in window.signoff_warning.toolTip()


def test_an_intact_file_shows_no_warning_and_signs_without_confirmation(
        qtbot: Any, window: MainWindow, dialog_log: DialogLog) -> None:
    _open(qtbot, window, dialog_log, sample_path())
    session = window.session
    assert session is not None
    if session.evidence_problems is None:
        with qtbot.waitSignal(session.integrityChanged, timeout=10_000):
            pass
    assert session.evidence_problems == []
    assert window.signoff_warning.isHidden() and window.navigator.pages.review.signoff_banner.isHidden()
    dialog = window.show_sign_off()
    assert dialog is not None
    dialog.confirm_coverage.setChecked(True)  # partial verdict coverage is tested in test_review_basics
    assert dialog is not None and dialog.confirm.isHidden()
    dialog.name.setText("Aiko Auditor")
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_signing_off_before_the_evidence_check_ends_asks_for_confirmation_until_it_does(
        qtbot: Any, window: MainWindow, dialog_log: DialogLog, monkeypatch: pytest.MonkeyPatch) -> None:
    release = _held_evidence_check(monkeypatch)
    _open(qtbot, window, dialog_log, sample_path())
    session = window.session
    assert session is not None and session.evidence_check_pending
    dialog = window.show_sign_off()
    assert dialog is not None
    dialog.confirm_coverage.setChecked(True)  # partial verdict coverage is tested in test_review_basics
    assert dialog is not None
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.name.setText("Aiko Auditor")
    assert not dialog.confirm.isHidden() and "still being checked" in dialog.warning.text()
    assert not ok.isEnabled()
    with qtbot.waitSignal(session.integrityChanged, timeout=10_000):
        release.set()
    assert session.evidence_problems == [] and not session.evidence_check_pending
    assert dialog.warning.isHidden() and dialog.confirm.isHidden() and ok.isEnabled()


def test_a_confirmation_given_while_checking_does_not_cover_a_modification_found_later(
        qtbot: Any, window: MainWindow, dialog_log: DialogLog, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    release = _held_evidence_check(monkeypatch)
    _open(qtbot, window, dialog_log, _rewrite(tmp_path, "swapped.veua", _swap_evidence))
    session = window.session
    assert session is not None
    dialog = window.show_sign_off()
    assert dialog is not None
    dialog.confirm_coverage.setChecked(True)  # partial verdict coverage is tested in test_review_basics
    assert dialog is not None
    dialog.name.setText("Aiko Auditor")
    dialog.confirm.setChecked(True)
    with qtbot.waitSignal(session.integrityChanged, timeout=10_000):
        release.set()
    assert "does not match its SHA-256" in dialog.warning.text()
    assert not dialog.confirm.isChecked()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_a_file_known_to_be_modified_says_so_while_its_evidence_is_checked(
        qtbot: Any, window: MainWindow, dialog_log: DialogLog, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    release = _held_evidence_check(monkeypatch)
    _open(qtbot, window, dialog_log, _rewrite(tmp_path, "edited.veua", _edit_answer))
    assert window.session is not None and window.session.evidence_check_pending
    dialog = window.show_sign_off()
    assert dialog is not None
    dialog.confirm_coverage.setChecked(True)  # partial verdict coverage is tested in test_review_basics
    assert dialog is not None and dialog.warning.text().startswith("The file no longer matches")
    with qtbot.waitSignal(window.session.integrityChanged, timeout=10_000):
        release.set()


def test_an_evidence_check_that_fails_is_said_and_asks_for_confirmation(
        qtbot: Any, window: MainWindow, dialog_log: DialogLog, monkeypatch: pytest.MonkeyPatch) -> None:
    from veu_assess.ui import integrity

    def broken(doc: Any) -> Any:
        raise MemoryError("out of memory")

    monkeypatch.setattr(integrity, "verify_evidence", broken)
    _open(qtbot, window, dialog_log, sample_path())
    session = window.session
    assert session is not None
    if session.evidence_check_pending:
        with qtbot.waitSignal(session.integrityChanged, timeout=10_000):
            pass
    assert not session.evidence_check_pending and "MemoryError" in session.evidence_check_failed
    dialog = window.show_sign_off()
    assert dialog is not None
    dialog.confirm_coverage.setChecked(True)  # partial verdict coverage is tested in test_review_basics
    assert dialog is not None and "could not be checked" in dialog.warning.text()
    assert not dialog.confirm.isHidden()


def test_an_invalid_signature_is_shown_in_the_window(qtbot: Any, window: MainWindow, dialog_log: DialogLog,
                                                     tmp_path: Path) -> None:
    from veu_assess.signing.keys import new_identity
    from veu_assess.signing.signoff import signed_sign_off
    from veu_assess.storage.veua import open_document, save_document

    doc = open_document(sample_path())
    signed_sign_off(doc, new_identity("Ann Auditor", "Example LLP"), "auditor", statement="Reviewed.")
    # The statement changed after signing, the file then saved properly: only the signature tells.
    doc.review.signoffs = [doc.review.signoffs[0].model_copy(update={"statement": "Approved without reservation."})]
    path = tmp_path / "forged.veua"
    save_document(doc, path)
    _open(qtbot, window, dialog_log, path)
    assert window.signoff_warning.text() == "A sign-off's signature is invalid"
    assert "other bytes" in window.signoff_warning.toolTip()
    signatures = window.navigator.pages.review.signoffs.signature_texts()
    assert signatures[0].startswith("invalid (the signature is over other bytes")


def test_trusting_a_signer_from_the_review_page(qtbot: Any, window: MainWindow, dialog_log: DialogLog,
                                                tmp_path: Path) -> None:
    from veu_assess.signing.keys import new_identity
    from veu_assess.signing.signoff import signed_sign_off
    from veu_assess.signing.trust import user_trust, user_trust_path
    from veu_assess.storage.veua import open_document, save_document

    ann = new_identity("Ann Auditor", "Example LLP")
    doc = open_document(sample_path())
    signed_sign_off(doc, ann, "auditor")
    path = tmp_path / "signed.veua"
    save_document(doc, path)
    _open(qtbot, window, dialog_log, path)
    page = window.navigator.pages.review
    assert page.signoffs.signature_texts()[0].startswith("valid, signer not confirmed")
    assert not page.trust_button.isEnabled()  # nothing selected yet
    page.signoffs.selectRow(0)
    assert page.trust_button.isEnabled()
    dialog_log.answers["yes_no"] = [False]
    assert page.trust_selected_signer() is False and not user_trust_path().exists()
    dialog_log.answers["yes_no"] = [True]
    assert page.trust_selected_signer() is True
    assert ann.fingerprint in user_trust().fingerprints
    assert page.signoffs.signature_texts() == ["valid, trusted"]
