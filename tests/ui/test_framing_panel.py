"""The app's first page opens with the honest framing; the staleness note appears only once the
Affiliates rule's suspension has ended, and an old file lists its changed requirements."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from veu_assess.catalog.loader import Catalog
from veu_assess.resources import sample_path
from veu_assess.storage.veua import open_document
from veu_assess.ui.framing_panel import FramingPanel


def test_framing_panel_dates_and_changes(qtbot: QtBot, catalog: Catalog) -> None:
    a = open_document(sample_path()).assessment
    before = FramingPanel(catalog, a, "en", today=dt.date(2026, 11, 1))
    qtbot.addWidget(before)
    assert "Codified is not enforced" in before.text.text()
    assert "OWN-07" not in before.text.text() and "Changed since" not in before.text.text()

    old = a.model_copy(update={"catalog_version": "2026.11.1"})
    after = FramingPanel(catalog, old, "ja", today=dt.date(2026, 12, 1))
    qtbot.addWidget(after)
    text = after.text.text()
    assert "最初にお読みください" in text and "条文上の存続と執行の違い" in text
    assert "2026年11月10日以降、OWN-07" in text  # the staleness note, in Japanese
    assert "質問票 2026.11.1" in text and "ELIG-05" in text  # what changed for this old file
