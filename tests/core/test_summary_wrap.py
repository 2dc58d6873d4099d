"""`veu-assess score` fits a terminal: every line of the summary is at most 80 columns wide, in
both languages, and wrapping loses or reorders no character."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.scoring import evaluate
from veu_assess.resources import sample_path
from veu_assess.storage.veua import open_document
from veu_assess.text.summary import result_to_text
from veu_assess.text.terminal import COLUMNS, width, wrap


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_line_of_the_sample_summary_fits_80_columns(catalog: Catalog, lang: str) -> None:
    a = open_document(sample_path()).assessment
    text = result_to_text(catalog, a, evaluate(catalog, a), lang)
    too_wide = [line for line in text.splitlines() if width(line) > COLUMNS]
    assert too_wide == []
    # Long titles and remediation texts wrapped rather than cut: their last words are all there.
    joined = "".join(text.split())
    for gap in evaluate(catalog, a).gaps:
        assert "".join(gap.requirement.remediation.get(lang).split()) in joined


words = st.text(alphabet=st.sampled_from("abc xyz-" "データ監査" "ＡＢ"), max_size=200)


@given(words, st.integers(min_value=4, max_value=90))
def test_wrap_fits_the_width_and_keeps_every_character(text: str, columns: int) -> None:
    lines = wrap(text, columns)
    assert all(width(line) <= columns for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_score_with_status_notes_fits_80_columns(capsys: pytest.CaptureFixture[str]) -> None:
    from veu_assess.cli.main import run

    assert run(["score", str(sample_path()), "--on", "2027-06-01"]) == 0  # stale: notes are printed
    out = capsys.readouterr().out
    assert "STATUS NOTE" in out
    assert [line for line in out.splitlines() if width(line) > COLUMNS] == []
