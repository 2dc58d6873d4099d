"""Opening evidence: documents open in their application; programs and scripts from someone
else's file are never run, their folder is shown instead."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.ui.conftest import DialogLog
from tests.ui.helpers import first_editor
from veu_assess.storage.evidence import is_runnable_name
from veu_assess.ui.main_window import MainWindow


@pytest.mark.parametrize(("name", "runnable"), [
    ("setup.exe", True), ("SETUP.EXE", True), ("report.pdf.exe", True), ("run.sh", True),
    ("macro.vbs", True), ("link.lnk", True), ("evil.exe. ", True), ("app.desktop", True),
    ("policy.pdf", False), ("site-photo.jpg", False), ("ログ.txt", False), ("exe", False),
])
def test_runnable_names(name: str, runnable: bool) -> None:
    assert is_runnable_name(name) is runnable


def _attach(qtbot: Any, window: MainWindow, path: Path) -> Any:
    editor = first_editor(window)
    assert window.session is not None
    with qtbot.waitSignal(editor.evidence.attached, timeout=10_000):
        editor.evidence.add_files([path])
    evidence = first_editor(window).evidence
    evidence.list.setCurrentRow(evidence.list.count() - 1)
    return evidence


def test_a_document_opens_in_its_application(qtbot: Any, window: MainWindow, dialog_log: DialogLog,
                                             tmp_path: Path) -> None:
    doc = tmp_path / "policy.pdf"
    doc.write_bytes(b"%PDF-1.4 policy")
    _attach(qtbot, window, doc).open_selected()
    assert len(dialog_log.opened_urls) == 1 and dialog_log.opened_urls[0].endswith("policy.pdf")
    assert dialog_log.infos == []


def test_a_program_is_shown_in_its_folder_not_run(qtbot: Any, window: MainWindow, dialog_log: DialogLog,
                                                  tmp_path: Path) -> None:
    program = tmp_path / "installer.exe"
    program.write_bytes(b"MZ not really a program")
    _attach(qtbot, window, program).open_selected()
    assert len(dialog_log.opened_urls) == 1
    opened = Path(dialog_log.opened_urls[0])
    assert opened.is_dir() and (opened / "installer.exe").is_file()
    assert dialog_log.infos and "installer.exe is a program or script" in dialog_log.infos[0][1]
