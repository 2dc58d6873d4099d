"""Where Open, Save As and Compare start, and the name Save As suggests for a new document:
never the working directory (an installed app's is wherever it was started from)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QStandardPaths

from tests.ui.conftest import DialogLog
from tests.ui.helpers import first_editor, saved
from veu_assess.storage.evidence import MAX_NAME_BYTES
from veu_assess.ui import dialogs
from veu_assess.ui.file_places import FALLBACK_NAME, file_stem, start_folder, suggested_save_path
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.settings import UiSettings


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(folder))
    monkeypatch.chdir(tmp_path)  # the working directory must never be where a dialog starts
    return folder


@pytest.mark.parametrize(
    ("title", "applicant", "stem"),
    [
        ("Hoshizora — Abu Dhabi readiness 2026 (sample)", "", "Hoshizora — Abu Dhabi readiness 2026 (sample)"),
        ("", "星空データセンター株式会社", "星空データセンター株式会社"),
        ("Tokyo/Osaka: phase 1?", "", "Tokyo Osaka phase 1"),
        ("  ..hidden.  ", "", "hidden"),
        ("CON", "Acme", "_CON"),  # a name Windows reserves, made safe as evidence names are
        ("///", "\x00\n", FALLBACK_NAME),
        ("", "", FALLBACK_NAME),
    ],
)
def test_file_stem_from_title_or_applicant(title: str, applicant: str, stem: str) -> None:
    assert file_stem(title, applicant) == stem


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_file_stem_is_always_a_usable_name(title: str, applicant: str) -> None:
    stem = file_stem(title, applicant)
    assert stem and len(stem.encode()) <= MAX_NAME_BYTES
    assert not re.search(r'[\\/:*?"<>|\x00-\x1f\x7f]', stem)
    assert stem == stem.strip(" .") and "  " not in stem
    assert not re.match(r"(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", stem, re.IGNORECASE)


def test_start_folder_prefers_the_document_then_recent_then_documents(documents: Path, tmp_path: Path) -> None:
    gone = tmp_path / "gone" / "old.veua"
    recent = tmp_path / "work" / "a.veua"
    recent.parent.mkdir()
    assert start_folder(None) == documents
    assert start_folder(None, [gone, recent]) == recent.parent  # a deleted folder is skipped
    assert start_folder(tmp_path / "x.veua", [recent]) == tmp_path
    assert suggested_save_path(tmp_path / "x.veua", "Title", "", [recent]) == tmp_path / "x.veua"


def test_save_as_of_a_new_document_suggests_its_title_in_the_documents_folder(
    qtbot: Any, window: MainWindow, documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    target = documents / "chosen.veua"

    def get_save_path(_parent: object, suggested: str = "") -> Path:
        asked.append(suggested)
        return target

    monkeypatch.setattr(dialogs, "get_save_path", get_save_path)
    assert window.session is not None and window.session.path is None
    window.session.document.assessment.title = "Acme DC / Tokyo"
    assert saved(qtbot, window, window.files.save_as)
    assert asked == [str(documents / "Acme DC Tokyo.veua")]
    assert saved(qtbot, window, window.files.save_as)  # once saved: its own path
    assert asked[-1] == str(target)


def test_open_starts_in_the_folder_of_the_last_file(
    window: MainWindow, documents: Path, tmp_path: Path, dialog_log: DialogLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders: list[str] = []

    def get_open_path(_parent: object, folder: str = "") -> None:
        folders.append(folder)

    monkeypatch.setattr(dialogs, "get_open_path", get_open_path)
    window.files.open_file()
    window.compare_with()
    assert folders == [str(documents), str(documents)]
    earlier = tmp_path / "projects" / "tokyo.veua"
    earlier.parent.mkdir()
    UiSettings().add_recent_file(earlier)
    window.files.open_file()
    assert folders[-1] == str(earlier.parent.resolve())


def test_attach_evidence_starts_near_the_file_then_where_the_last_evidence_came_from(
    qtbot: Any, window: MainWindow, documents: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders: list[str] = []
    proofs = tmp_path / "proofs"
    proofs.mkdir()
    (proofs / "badge-log.pdf").write_bytes(b"%PDF-1.4 badge log\n")

    def get_evidence_paths(_parent: object, folder: str = "") -> list[Path]:
        folders.append(folder)
        return [proofs / "badge-log.pdf"]

    monkeypatch.setattr(dialogs, "get_evidence_paths", get_evidence_paths)
    editor = first_editor(window)
    with qtbot.waitSignal(editor.evidence.attached, timeout=10_000):
        editor.evidence.choose_files()
    with qtbot.waitSignal(editor.evidence.attached, timeout=10_000):
        editor.evidence.choose_files()
    assert folders == [str(documents), str(proofs)]
