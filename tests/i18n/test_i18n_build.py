"""Compiling .ts into .qm: beside the .ts, again when stale, into the cache when read-only."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from veu_assess import i18n_build
from veu_assess.i18n_build import build_all, ensure_qm, find_tool, ts_path
from veu_assess.resources import translations_dir


@pytest.fixture
def ts_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "translations"
    folder.mkdir()
    return Path(shutil.copy(ts_path(translations_dir(), "ja"), folder))


def test_lrelease_ships_with_pyside6() -> None:
    assert find_tool("lrelease").is_file()


def test_compiles_beside_the_ts_and_again_when_stale(ts_copy: Path) -> None:
    qm = ensure_qm(ts_copy)
    assert qm == ts_copy.with_suffix(".qm") and qm.stat().st_size > 0
    os.utime(qm, (1, 1))  # older than the .ts: must be rebuilt
    assert ensure_qm(ts_copy).stat().st_mtime > 1


def test_read_only_folder_uses_the_cache(ts_copy: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real_access = os.access
    monkeypatch.setattr(
        i18n_build.os,
        "access",
        lambda p, mode: False if mode == os.W_OK and Path(p) == ts_copy.parent else real_access(p, mode),
    )
    qm = ensure_qm(ts_copy)
    assert qm.parent == tmp_path / "cache" / "translations"  # VEU_ASSESS_CACHE_DIR from conftest
    assert not ts_copy.with_suffix(".qm").exists()


def test_build_all_for_packaging(tmp_path: Path) -> None:
    written = build_all(translations_dir(), tmp_path)
    assert {p.name for p in written} == {"veu_assess_en.qm", "veu_assess_ja.qm"}
    assert i18n_build.main(["--out", str(tmp_path / "out")]) == 0


def test_bad_ts_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "veu_assess_ja.ts"
    bad.write_text("<TS><context><name>x", encoding="utf-8")
    with pytest.raises(i18n_build.TranslationBuildError):
        i18n_build.compile_ts(bad, tmp_path / "out.qm")
