"""The bill-of-materials editor: table edits, CSV import (all or nothing), the engine's share."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import QuestionType
from veu_assess.model.assessment import BomLine
from veu_assess.storage.document import Document
from veu_assess.ui import bom_editor
from veu_assess.ui.bom_editor import BomEditor
from veu_assess.ui.editors import EDITORS, BomAnswerEditor
from veu_assess.ui.session import Session


@pytest.fixture
def session(document: Document, catalog: Catalog) -> Session:
    return Session(catalog, document)


def test_the_bom_question_type_has_its_editor() -> None:
    assert EDITORS[QuestionType.BOM] is BomAnswerEditor


def test_csv_import_replaces_the_bom_and_shows_the_share(qtbot: Any, session: Session, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    editor = BomEditor(session)
    qtbot.addWidget(editor)
    good = tmp_path / "bom.csv"
    good.write_text("description,value,origin\nGPU servers,510000,US\nRacks,490000,JP\n", "utf-8")
    monkeypatch.setattr(bom_editor, "ask_csv_path", lambda _p: good)
    with qtbot.waitSignal(session.bomChanged):
        editor.import_csv()
    assert [(b.description, b.value, b.origin) for b in session.document.assessment.bom] == [
        ("GPU servers", 510000.0, "US"), ("Racks", 490000.0, "JP")]
    assert editor.table.rowCount() == 2
    assert "51.00 %" in editor.share.text() and "meets the 51 % presumption" in editor.share.text()
    session.undo_stack.undo()
    assert session.document.assessment.bom == []


def test_a_bad_csv_imports_nothing_and_names_line_and_column(qtbot: Any, session: Session, tmp_path: Path) -> None:
    session.set_bom([BomLine(description="Kept", value=1.0, origin="US")])
    editor = BomEditor(session)
    qtbot.addWidget(editor)
    bad = tmp_path / "bad.csv"
    bad.write_text("description,value,origin\nGPU servers,510000,US\nRacks,lots,JP\n", "utf-8")
    assert editor.import_file(bad) is False
    assert [b.description for b in session.document.assessment.bom] == ["Kept"]
    assert not editor.error.isHidden()
    assert "nothing imported" in editor.error.text() and "line 3, column value: 'lots'" in editor.error.text()
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"\xff\xfe\x00bad")
    assert editor.import_file(binary) is False and "not UTF-8" in editor.error.text()
    assert editor.import_file(tmp_path / "missing.csv") is False and "cannot be read" in editor.error.text()


def test_table_edits_are_checked_before_they_are_stored(qtbot: Any, session: Session) -> None:
    editor = BomEditor(session)
    qtbot.addWidget(editor)
    editor.add_line()
    assert len(session.document.assessment.bom) == 1
    editor.table.item(0, 1).setText("abc")  # a bad value: named, not stored
    assert "line 1, column value" in editor.error.text()
    assert session.document.assessment.bom[0].value == 0.0
    editor.table.item(0, 1).setText("1200.5")
    editor.table.item(0, 2).setText("us")
    assert editor.error.isHidden()
    assert session.document.assessment.bom[-1] == BomLine(description="New line", value=1200.5, origin="US")
    assert "100.00 %" in editor.share.text()
    editor.table.setCurrentCell(0, 0)
    editor.remove_line()
    assert session.document.assessment.bom == []


def test_profile_switches_each_module_and_the_veu_score_stays(qtbot: Any, catalog: Catalog) -> None:
    from veu_assess.resources import sample_path
    from veu_assess.storage import open_document
    from veu_assess.ui.profile_page import ProfilePage

    session = Session(catalog, open_document(sample_path()))
    page = ProfilePage(session, "en")
    qtbot.addWidget(page)
    assert set(page.modules) == {m.id for m in catalog.header.modules}
    before = (session.result.score, session.result.level, session.result.answered, session.result.total)
    for mid in ("japan-overlay", "ai-exports", "stretch-2025"):
        page.modules[mid].setChecked(False)
        assert mid not in session.document.assessment.profile.modules
        assert (session.result.score, session.result.level, session.result.answered,
                session.result.total) == before
        assert not session.result.module(mid).enabled
    page.modules["japan-overlay"].setChecked(True)
    assert session.result.module("japan-overlay").enabled and session.result.score == before[0]
