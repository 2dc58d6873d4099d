"""File > Export: each format through the menu, written off the GUI thread, and a failed export."""

from __future__ import annotations

import gc
import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QStandardPaths

from tests.ui.conftest import DialogLog
from tests.ui.helpers import choose, first_editor
from tests.ui.helpers import saved as saved_
from veu_assess.model.assessment import AnswerState
from veu_assess.ui import dialogs, i18n, workers
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.report_page import EXPORT_KINDS


def _export(qtbot: Any, window: MainWindow, kind: str) -> None:
    with qtbot.waitSignal(window.navigator.pages.report.task_finished, timeout=60_000):
        window.menus.export_actions[kind].trigger()


def test_the_export_dialog_starts_in_the_documents_folder_the_last_folder_or_the_files_own(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never the working directory (for an installed app, wherever it was started from)."""
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(documents))
    monkeypatch.chdir(tmp_path)
    asked: list[Path] = []
    chosen = tmp_path / "exports" / "gaps.csv"
    chosen.parent.mkdir()

    def get_export_path(_parent: object, _title: str, suggested: str, _filter: str) -> Path:
        asked.append(Path(suggested))
        return chosen

    monkeypatch.setattr(dialogs, "get_export_path", get_export_path)
    assert window.session is not None and window.session.path is None  # unsaved
    _export(qtbot, window, "csv")
    assert asked[-1] == documents / "Test-gaps.csv"  # named by its title while unsaved
    _export(qtbot, window, "csv")  # the next export starts where the last one went
    assert asked[-1] == tmp_path / "exports" / "Test-gaps.csv"
    saved = tmp_path / "saved" / "tokyo.veua"
    saved.parent.mkdir()
    assert saved_(qtbot, window, lambda: window.files.save_to(saved))
    _export(qtbot, window, "csv")  # a saved document: its own folder
    assert asked[-1] == saved.parent / "tokyo-gaps.csv"


def test_the_export_menu_offers_every_format(window: MainWindow) -> None:
    assert window.menus.export_menu.title() == "&Export"
    assert window.menus.export_menu.menuAction() in window.menus.file_menu.actions()
    assert window.menus.export_menu.actions() == [window.menus.export_actions[k] for k in EXPORT_KINDS]
    assert all(action.text() for action in window.menus.export_menu.actions())
    page = window.navigator.pages.report
    assert all(button.isEnabled() for button in page.export_buttons)
    assert page.language.currentData() == i18n.current_language()


@pytest.mark.parametrize(
    ("kind", "file_name"),
    [
        ("pdf", "Test-report-en.pdf"),
        ("csv", "Test-gaps.csv"),
        ("oscal-ar", "Test-oscal-ar.json"),
        ("oscal-poam", "Test-oscal-poam.json"),
    ],
)
def test_file_export_writes_each_format(
    qtbot: Any,
    window: MainWindow,
    dialog_log: DialogLog,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    kind: str,
    file_name: str,
) -> None:
    choose(first_editor(window), AnswerState.NOT_MET)
    window.navigator.pages.report.language.setCurrentIndex(window.navigator.pages.report.language.findData("en"))
    asked: list[str] = []
    target = tmp_path / f"out-{kind}"

    def get_export_path(_parent: object, _title: str, suggested: str, _filter: str) -> Path:
        asked.append(suggested)
        return target

    monkeypatch.setattr(dialogs, "get_export_path", get_export_path)
    _export(qtbot, window, kind)

    assert [Path(a).name for a in asked] == [file_name]
    assert dialog_log.errors == []
    assert window.navigator.current_page() is window.navigator.pages.report
    assert "Wrote" in window.navigator.pages.report.status.text()
    data = target.read_bytes()
    if kind == "pdf":
        assert data.startswith(b"%PDF")
        text = "\n".join(page.extract_text() or "" for page in PdfReader(target).pages)
        assert window.catalog.version in text
    elif kind == "csv":
        assert data.startswith(b"\xef\xbb\xbf")
        assert first_editor(window).item.requirement.id in data.decode("utf-8-sig")
    else:
        top = "assessment-results" if kind == "oscal-ar" else "plan-of-action-and-milestones"
        assert top in json.loads(data)


def test_an_export_into_a_missing_folder_reports_the_error(
    qtbot: Any, window: MainWindow, dialog_log: DialogLog, tmp_path: Path
) -> None:
    page = window.navigator.pages.report
    missing = tmp_path / "no such folder" / "gaps.csv"
    dialog_log.answers["export_path"] = [missing]
    _export(qtbot, window, "csv")

    assert len(dialog_log.errors) == 1
    title, message = dialog_log.errors[0]
    assert title == "Export failed" and str(missing) in message
    assert not missing.parent.exists()
    assert page.task is None and not page.busy.isVisible() and not page.cancel_button.isVisible()
    assert all(button.isEnabled() for button in page.export_buttons)

    # The app stays usable: the next export works.
    good = tmp_path / "gaps.csv"
    dialog_log.answers["export_path"] = [good]
    _export(qtbot, window, "csv")
    assert good.read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(dialog_log.errors) == 1


def test_a_cancelled_file_dialog_starts_nothing(window: MainWindow, dialog_log: DialogLog) -> None:
    dialog_log.answers["export_path"] = [None]
    window.navigator.go_to(0)
    window.menus.export_actions["oscal-poam"].trigger()
    assert window.navigator.pages.report.task is None
    assert window.navigator.stack.currentIndex() == 0


def test_forced_collections_while_an_export_runs_and_pages_are_rebuilt_do_not_crash(
    qtbot: Any, window: MainWindow, dialog_log: DialogLog, tmp_path: Path
) -> None:
    # The collector stays on while tasks run (it used to be paused): with a collection on almost
    # every allocation, the PDF worker collects all the time while the window drops its pages
    # (a language switch rebuilds them, the export's own page included) and collects too.
    assert gc.isenabled()
    threshold = gc.get_threshold()
    dialog_log.answers["export_path"] = [tmp_path / "report.pdf"]
    gc.set_threshold(1, 1, 1)
    try:
        window.menus.export_actions["pdf"].trigger()
        assert gc.isenabled() and workers.running_tasks() == 1
        for lang in ("ja", "en", "ja", "en"):
            window.set_language(lang, remember=False)
            gc.collect()
        qtbot.waitUntil(lambda: workers.running_tasks() == 0, timeout=120_000)
        gc.collect()
    finally:
        gc.set_threshold(*threshold)
    assert window.navigator.pages.report.task is None  # the new page; the old one's result was dropped


def test_tasks_whose_owners_are_dropped_survive_collections_on_the_workers(qtbot: Any) -> None:
    from PySide6.QtCore import QObject

    def work(progress: workers.Progress) -> int:
        for _ in range(10):
            gc.collect()  # on the worker thread, while the GUI thread drops the owners
        return 1

    heard: list[object] = []
    for _ in range(20):
        owner = QObject()  # parentless, holding its task: owner -> task -> signals
        owner.task = start = workers.start_task(work, on_success=heard.append, parent=owner)  # type: ignore[attr-defined]
        assert start.signals.owner_alive()
        del owner, start
        gc.collect()
    qtbot.waitUntil(lambda: workers.running_tasks() == 0, timeout=60_000)
    gc.collect()
    assert heard == []  # every owner was gone before its result came


def test_cancel_stops_the_pdf_while_it_is_laid_out(qtbot: Any, window: MainWindow, dialog_log: DialogLog,
                                                   tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cancel reaches reportlab: the layout stops at its next step and no file is written."""
    from veu_assess.report import pdf

    steps: list[int] = []
    real = pdf.render_pdf

    def counting(ctx: Any, check: Any = None) -> bytes:
        def counted() -> None:
            steps.append(1)
            if check is not None:
                check()

        return real(ctx, counted)

    monkeypatch.setattr(pdf, "render_pdf", counting)
    monkeypatch.setattr("veu_assess.report.api.render_pdf", counting)
    out = tmp_path / "cancelled.pdf"
    dialog_log.answers["export_path"] = [out]
    page = window.navigator.pages.report
    assert page.export("pdf")
    task = page.task
    assert task is not None
    with qtbot.waitSignal(task.signals.cancelled, timeout=60_000):
        page.cancel()
    assert not out.exists()
    full: list[int] = []
    real(build_context_of(window), lambda: full.append(1))
    assert len(steps) < len(full)  # stopped part-way, not after the whole layout


def build_context_of(window: MainWindow) -> Any:
    from veu_assess.report.context import build_context

    assert window.session is not None
    return build_context(window.session.document, window.session.catalog, "en")
