"""The committed .ts files: every entry translated, placeholders kept, and in step with the sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.i18n.ts_files import Entry, placeholders, problems, read_ts
from tools.update_translations import TS_DIR, lupdate_options, run_lupdate
from veu_assess.i18n_build import ts_path
from veu_assess.languages import LANGUAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_entry_is_translated_with_its_placeholders(lang: str) -> None:
    found = [p for entry in read_ts(ts_path(TS_DIR, lang)) for p in problems(entry)]
    assert not found, "\n".join(found)


def test_japanese_file_covers_the_interface() -> None:
    # An empty or truncated file would pass the checks above; the GUI has hundreds of strings.
    assert len(read_ts(ts_path(TS_DIR, "ja"))) > 100


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ts_files_match_the_sources(lang: str, tmp_path: Path) -> None:
    """Re-extract with lupdate: a string missing from the .ts (or left over in it) is stale."""
    fresh = ts_path(tmp_path, lang)
    run_lupdate({fresh: lupdate_options(lang)})
    extracted = {e.key for e in read_ts(fresh)}
    committed = {e.key for e in read_ts(ts_path(TS_DIR, lang))}
    assert extracted - committed == set(), "run: python tools/update_translations.py, then translate"
    assert committed - extracted == set(), "run: python tools/update_translations.py (strings were removed)"


def _entry(source: str, translation: str, kind: str = "", numerus: bool = False) -> Entry:
    forms = tuple(translation.split("|")) if numerus else (translation,)
    return Entry("Ctx", source, "", numerus, forms, kind)


@pytest.mark.parametrize(
    ("source", "translation", "kind", "numerus"),
    [
        ("Saved {name}", "", "unfinished", False),
        ("Saved {name}", "  ", "", False),
        ("Saved {name}", "保存しました", "", False),  # placeholder dropped
        ("Saved {name}", "{name} {path} を保存しました", "", False),  # placeholder added
        ("Saved {name}", "{nam} を保存しました", "", False),  # placeholder renamed
        ("Step %1 of %2", "%1 / %1", "", False),
        ("%n file(s)", "%n 件|%1 件", "", True),
        ("&Save", "保存", "", False),  # mnemonic lost
        ("Old text", "古い", "vanished", False),
    ],
)
def test_bad_entries_are_reported(source: str, translation: str, kind: str, numerus: bool) -> None:
    assert problems(_entry(source, translation, kind, numerus)) != []


def test_good_entries_pass() -> None:
    assert problems(_entry("Saved {name}", "{name} を保存しました")) == []
    assert problems(_entry("&Save", "保存(&S)")) == []
    assert problems(_entry("Score %p%", "スコア %p%")) == []
    assert problems(_entry("%L1 bytes", "%1 バイト")) == []  # %L1 and %1 are the same argument
    assert problems(_entry("%n file(s)", "one file|%n files", numerus=True)) == []


def test_placeholder_patterns() -> None:
    text = "%1 %L2 %n {name} {0} {} {score:.0f} 100%"
    assert placeholders(text) == {"%1": 1, "%2": 1, "%n": 1, "{name}": 1, "{0}": 1, "{}": 1, "{score:.0f}": 1}
