"""The text summary in English and Japanese: the report's words, and columns that line up in a
monospace font whatever the script of the section titles."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.scoring import evaluate
from veu_assess.resources import sample_path
from veu_assess.storage.veua import open_document
from veu_assess.text.summary import result_to_text
from veu_assess.text.terminal import pad, width


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_section_columns_line_up(catalog: Catalog, lang: str) -> None:
    a = open_document(sample_path()).assessment
    text = result_to_text(catalog, a, evaluate(catalog, a), lang)
    rows = [line for line in text.splitlines() if re.search(r"[\d.]+% +[\d.]+%  \d+/\d+", line)]
    assert len(rows) >= 10
    ends = {width(row[: row.index("%") + 1]) for row in rows}  # where each readiness column ends
    assert len(ends) == 1, ends
    ends = {width(row[: row.rindex("%") + 1]) for row in rows}  # where each completeness column ends
    assert len(ends) == 1, ends
    if lang == "ja":  # titles last: nothing after a kana or kanji has to line up
        assert all(not re.search(r"[\u3000-\u9fff].*\d+%", row) for row in rows)


def test_japanese_summary_uses_the_report_words(catalog: Catalog) -> None:
    a = open_document(sample_path()).assessment
    r = evaluate(catalog, a)
    ja = result_to_text(catalog, a, r, "ja")
    assert ja.startswith("VEU 準備状況：") and "準備レベル：" in ja and "未確定のゲート：" in ja
    assert "[最重要]" in ja or "[高]" in ja
    assert "partially_met" not in ja and "not_met" not in ja
    with pytest.raises(ValueError, match="unknown summary language"):
        result_to_text(catalog, a, r, "fr")


@given(st.text(max_size=30), st.integers(min_value=0, max_value=80))
def test_pad_reaches_the_width_unless_the_text_is_wider(text: str, columns: int) -> None:
    padded = pad(text, columns)
    assert padded.startswith(text)
    assert width(padded) == max(columns, width(text))


def test_open_gates_are_named_with_their_citation_and_state(catalog: Catalog) -> None:
    a = open_document(sample_path()).assessment
    r = evaluate(catalog, a)
    lines = result_to_text(catalog, a, r, "en").splitlines()
    assert r.gates_open
    for it in r.gates_open:
        assert f"  {it.key} ({it.requirement.citation}): {a.answers[it.key].state.value}" in lines
    assert "Readiness level: Incomplete" in lines  # 65 of 81 answered: under the 90 % a verdict needs
