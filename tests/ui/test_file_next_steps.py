"""Files: a failed open says what to do next (restore the backup, ask for a new copy) instead of
"zip: …"; Close leaves no stale "Saved …"; evidence with no application to open it offers "Save a
copy…" and "Show in folder"; after an export, "Open the file" and "Show in folder"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from tests.ui.conftest import DialogLog
from tests.ui.helpers import choose, first_editor, saved
from veu_assess.model.assessment import AnswerState
from veu_assess.resources import sample_path
from veu_assess.ui import dialogs
from veu_assess.ui.main_window import MainWindow


def test_a_truncated_file_says_what_to_do_next(qtbot: Any, window: MainWindow, dialog_log: DialogLog,
                                               tmp_path: Path) -> None:
    data = sample_path().read_bytes()
    bad = tmp_path / "cut.veua"
    bad.write_bytes(data[: len(data) // 2])
    with qtbot.waitSignal(window.files.openFailed, timeout=10_000):
        window.files.open_path(bad)
    [(_title, message)] = dialog_log.errors
    assert not message.startswith("zip:") and "damaged" in message
    assert "ask them for a new copy" in message and ".bak" not in message  # no backup here: none offered
    # With the backup a save left beside it, the message names it first.
    (tmp_path / "cut.veua.bak").write_bytes(data)
    with qtbot.waitSignal(window.files.openFailed, timeout=10_000):
        window.files.open_path(bad)
    message = dialog_log.errors[-1][1]
    assert "cut.veua.bak" in message and message.index("cut.veua.bak") < message.index("new copy")


def test_close_leaves_no_stale_saved_message(qtbot: Any, window: MainWindow, dialog_log: DialogLog,
                                             tmp_path: Path) -> None:
    choose(first_editor(window), AnswerState.MET)
    dialog_log.answers["save_path"] = [tmp_path / "a.veua"]
    assert saved(qtbot, window, window.files.save)
    assert window.statusBar().currentMessage().startswith("Saved")
    window.menus.close_action.trigger()
    assert window.statusBar().currentMessage() == ""


def _attach(qtbot: Any, window: MainWindow, path: Path) -> Any:
    editor = first_editor(window)
    with qtbot.waitSignal(editor.evidence.attached, timeout=10_000):
        editor.evidence.add_files([path])
    evidence = first_editor(window).evidence
    evidence.list.setCurrentRow(evidence.list.count() - 1)
    return evidence


def test_evidence_without_an_application_offers_a_copy_or_its_folder(
    qtbot: Any, window: MainWindow, dialog_log: DialogLog, tmp_path: Path, monkeypatch: Any
) -> None:
    doc = tmp_path / "scan.xyz"
    doc.write_bytes(b"a scan only a special viewer opens")
    evidence = _attach(qtbot, window, doc)
    opened: list[str] = []

    def no_application(url: Any) -> bool:  # the desktop opens folders but has nothing for .xyz
        opened.append(url.toLocalFile())
        return Path(url.toLocalFile()).is_dir()

    monkeypatch.setattr(dialogs, "open_url", no_application)
    copy = tmp_path / "out" / "copy.xyz"
    copy.parent.mkdir()
    dialog_log.answers["choice"] = [0, 1]  # Save a copy…, then Show in folder
    dialog_log.answers["export_path"] = [copy]
    qtbot.mouseClick(evidence.open_button, Qt.MouseButton.LeftButton)
    assert copy.read_bytes() == doc.read_bytes()
    qtbot.mouseClick(evidence.open_button, Qt.MouseButton.LeftButton)
    assert Path(opened[-1]).is_dir() and (Path(opened[-1]) / "scan.xyz").is_file()
    assert dialog_log.errors == []


def test_after_an_export_open_and_show_in_folder(qtbot: Any, window: MainWindow, dialog_log: DialogLog,
                                                 tmp_path: Path) -> None:
    page = window.navigator.pages.report
    assert not page.open_export_button.isVisibleTo(page)
    target = tmp_path / "gaps.csv"
    dialog_log.answers["export_path"] = [target]
    with qtbot.waitSignal(page.task_finished, timeout=60_000):
        window.menus.export_actions["csv"].trigger()
    assert page.open_export_button.isVisible() and page.show_export_button.isVisible()
    assert page.open_export_button.accessibleName() == page.open_export_button.text()
    qtbot.mouseClick(page.open_export_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.show_export_button, Qt.MouseButton.LeftButton)
    assert dialog_log.opened_urls == [str(target), str(tmp_path)]
