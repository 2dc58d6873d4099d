"""One score, one figure: the app, ``veu-assess score`` and the PDF report print the same
number, cut (not rounded) so that it never crosses a level threshold the score did not reach."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from veu_assess.catalog.loader import Catalog
from veu_assess.cli.main import run
from veu_assess.engine import scoring
from veu_assess.i18n_format import format_percent
from veu_assess.report.api import render_report
from veu_assess.resources import sample_path
from veu_assess.storage.veua import open_document
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.session import Session

SCORE = 84.549  # just under the 85 of "Ready": "85%" next to a lower level would be a lie


@pytest.fixture
def planted_score(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every section and the overall score come out as SCORE (the engine's one division)."""
    monkeypatch.setattr(scoring, "_pct", lambda _earned, possible: SCORE if possible > 0 else None)


def _figures(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:\.\d+)?%", text))


@pytest.mark.usefixtures("planted_score")
def test_app_cli_and_report_show_the_same_score(window: MainWindow, catalog: Catalog,
                                                capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                qtbot: Any) -> None:
    doc = open_document(sample_path())
    window.set_session(Session(catalog, doc))
    assert window.session.result.score == SCORE
    app = window.navigator.pages.summary.score.text()

    assert run(["score", str(sample_path())]) == 0
    cli = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("Readiness:"))

    pdf = render_report(doc, "en", catalog)
    report = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)

    assert "84.5%" in app and "84.5%" in cli and "84.5%" in report
    for text in (app, cli, report):
        assert "85%" not in text and "85.0%" not in text and "84.6%" not in text
    # The app shows readiness next to completeness (the sample's real answered share).
    completeness = format_percent(window.session.result.completeness, "en")
    assert completeness != "84.5%"
    assert re.match(r"Readiness (\S+) ", app) and re.match(r"Readiness (\S+) ", app).group(1) == "84.5%"
    assert re.match(r"Readiness: (\S+) ", cli) and re.match(r"Readiness: (\S+) ", cli).group(1) == "84.5%"
    assert _figures(app) == {"84.5%", completeness}
