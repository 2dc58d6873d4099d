"""`veu-assess validate FILE`: exit 0 with one summary line, or exit 2 with one line on stderr."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from veu_assess.catalog.loader import Catalog
from veu_assess.cli.main import run
from veu_assess.model.assessment import SCHEMA_VERSION
from veu_assess.storage import save_document

from .helpers import make_document, read_entries, rezip


def test_good_file(catalog: Catalog, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_document(make_document(catalog, tmp_path), tmp_path / "a.veua")
    assert run(["validate", str(tmp_path / "a.veua")]) == 0
    out = capsys.readouterr().out.strip()
    assert out.count("\n") == 0
    assert f"schema version {SCHEMA_VERSION}" in out and "3 requirements answered" in out and "2 evidence files" in out
    assert "integrity: intact" in out


def test_forged_evidence_exits_2(catalog: Catalog, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_document(make_document(catalog, tmp_path), tmp_path / "a.veua")
    entries = read_entries(tmp_path / "a.veua")
    name = next(n for n in entries if n.startswith("evidence/"))
    entries[name] = b"x" * len(entries[name])
    (tmp_path / "b.veua").write_bytes(rezip(entries))
    assert run(["validate", str(tmp_path / "b.veua")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "does not match its SHA-256" in err
    assert run(["validate", "--quick", str(tmp_path / "b.veua")]) == 0


@pytest.mark.parametrize("content", [b"", b"PK\x05\x06" + b"\0" * 18, b"\xff" * 10_000])
def test_garbage_exits_2(tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "g.veua").write_bytes(content)
    assert run(["validate", str(tmp_path / "g.veua")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_large_bomb_answers_fast_in_a_real_process(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.veua"
    bomb.write_bytes(rezip({"manifest.json": b"{}", "evidence/" + "0" * 64: b" " * (200 << 20)}))
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "veu_assess", "validate", str(bomb)],
                          capture_output=True, text=True, timeout=60)
    elapsed = time.perf_counter() - start
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "zip bomb" in proc.stderr
    print(f"\nbomb refused in {elapsed:.2f} s")
