"""Hostile and damaged files: every refusal is one typed error that says what is wrong and where."""

from __future__ import annotations

import io
import json
import random
import string
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest

from veu_assess.catalog.loader import Catalog
from veu_assess.storage import open_document, save_document
from veu_assess.storage.errors import (
    VeuaError,
    VeuaFormatError,
    VeuaIntegrityError,
    VeuaLimitError,
    VeuaVersionError,
)
from veu_assess.storage.limits import Limits, json_depth, load_json

from .helpers import make_document, read_entries, rezip


@pytest.fixture
def good(catalog: Catalog, tmp_path: Path) -> Path:
    target = tmp_path / "good.veua"
    save_document(make_document(catalog, tmp_path, sizes=(5000, 7000)), target)
    return target


def refused(path: Path, kind: type[VeuaError] = VeuaError, limits: Limits | None = None) -> VeuaError:
    with pytest.raises(kind) as info:
        open_document(path, limits) if limits else open_document(path)
    assert str(info.value) and "\n" not in str(info.value)
    return info.value


def with_entries(good: Path, tmp_path: Path, change: Any, name: str = "bad.veua") -> Path:
    entries = list(read_entries(good).items())
    out = tmp_path / name
    out.write_bytes(rezip(change(entries)))
    return out


@pytest.mark.parametrize("hostile", ["../evil.txt", "/etc/passwd", "C:/x", "evidence\\abc", "evidence/../x",
                                     "evidence/" + "g" * 64, "evidence/", "foo.json", "manifest.json/x",
                                     "evidence/" + "a" * 63])
def test_hostile_names_are_refused(good: Path, tmp_path: Path, hostile: str) -> None:
    bad = with_entries(good, tmp_path, lambda e: [*e, (hostile, b"x")])
    err = refused(bad, VeuaFormatError)
    assert "entry" in str(err)


def test_duplicate_names_are_refused(good: Path, tmp_path: Path) -> None:
    def dup(e: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        return [*e, ("assessment.json", dict(e)["assessment.json"])]
    with pytest.warns(UserWarning, match="Duplicate name"):
        bad = with_entries(good, tmp_path, dup)
    assert "twice" in str(refused(bad, VeuaFormatError))


def test_symlink_entries_are_refused(good: Path, tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in read_entries(good).items():
            info = zipfile.ZipInfo(name)
            if name.startswith("evidence/"):
                info.external_attr = 0o120777 << 16  # a symbolic link
            zf.writestr(info, data)
    (tmp_path / "link.veua").write_bytes(buf.getvalue())
    assert "link" in str(refused(tmp_path / "link.veua", VeuaFormatError))


def test_encrypted_flag_is_refused(good: Path, tmp_path: Path) -> None:
    data = bytearray(good.read_bytes())
    cd = data.rfind(b"PK\x01\x02")
    data[cd + 8] |= 1  # general purpose flag bit 0 in the last central directory entry
    (tmp_path / "enc.veua").write_bytes(bytes(data))
    refused(tmp_path / "enc.veua")


def test_a_json_bomb_is_refused_by_its_size_cap(good: Path, tmp_path: Path) -> None:
    bomb = b"\0" * (50 << 20)
    bad = with_entries(good, tmp_path, lambda e: [(n, d) for n, d in e if n != "assessment.json"]
                       + [("assessment.json", bomb)])
    err = refused(bad, VeuaLimitError)
    assert str(err).startswith("assessment.json:") and "more than the limit" in str(err)


def test_evidence_bomb_is_refused_before_reading(catalog: Catalog, tmp_path: Path, good: Path) -> None:
    entries = read_entries(good)
    sha = next(n for n in entries if n.startswith("evidence/"))
    entries[sha] = b"\0" * (20 << 20)
    (tmp_path / "b.veua").write_bytes(rezip(entries))
    assert "zip bomb" in str(refused(tmp_path / "b.veua", VeuaLimitError))


def test_entry_count_is_bounded_before_zipfile_reads_the_directory(good: Path, tmp_path: Path) -> None:
    many = [(f"evidence/{i:064x}", b"") for i in range(50)]
    bad = with_entries(good, tmp_path, lambda e: e + many)
    assert "entries" in str(refused(bad, VeuaLimitError, Limits(max_entries=20)))


@pytest.mark.parametrize(("count", "kind"), [(0xFFFE, VeuaLimitError), (9, VeuaFormatError)])
def test_lying_entry_count_in_end_record(good: Path, tmp_path: Path, count: int, kind: type[VeuaError]) -> None:
    data = bytearray(good.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, end + 8, count, count)
    (tmp_path / "lie.veua").write_bytes(bytes(data))
    refused(tmp_path / "lie.veua", kind)


def test_truncated_files_are_refused(good: Path, tmp_path: Path) -> None:
    data = good.read_bytes()
    for cut in (0, 1, 21, 100, len(data) // 2, len(data) - 23, len(data) - 1):
        (tmp_path / "t.veua").write_bytes(data[:cut])
        refused(tmp_path / "t.veua", VeuaFormatError)


def test_deeply_nested_json_is_refused_without_recursion(good: Path, tmp_path: Path) -> None:
    deep = b"[" * 200_000 + b"]" * 200_000
    entries = [(n, deep if n == "review.json" else d) for n, d in read_entries(good).items()]
    bad = tmp_path / "bad.veua"
    # Stored, not deflated: packed, these brackets expand 982 times and the ratio limit refuses
    # them first; the nesting check must hold on its own.
    bad.write_bytes(rezip(entries, compress=zipfile.ZIP_STORED))
    assert "nested" in str(refused(bad, VeuaLimitError))


def test_huge_strings_are_refused(good: Path, tmp_path: Path) -> None:
    raw = json.loads(read_entries(good)["assessment.json"])
    raw["title"] = "".join(random.Random(1).choices(string.ascii_letters, k=2_000_000))  # incompressible
    bad = with_entries(good, tmp_path, lambda e: [(n, json.dumps(raw).encode() if n == "assessment.json"
                                                   else d) for n, d in e])
    assert "characters" in str(refused(bad, VeuaLimitError))


@pytest.mark.parametrize("mutate", [
    lambda a: a.update(answers=[]),
    lambda a: a.update(title=12),
    lambda a: a.update(created="yesterday"),
    lambda a: a.update(extra_field=True),
    lambda a: a.update(id="../../etc"),
    lambda a: a.pop("catalog_id"),
    lambda a: a.update(schema_version="1"),
    lambda a: a.update(answers={"X": {"state": "not_applicable"}}),
])
def test_wrong_types_are_refused_naming_the_part(good: Path, tmp_path: Path, mutate: Any) -> None:
    raw = json.loads(read_entries(good)["assessment.json"])
    mutate(raw)
    bad = with_entries(good, tmp_path, lambda e: [(n, json.dumps(raw).encode() if n == "assessment.json"
                                                   else d) for n, d in e])
    assert "assessment.json" in str(refused(bad))


def test_newer_version_is_refused_naming_both_versions(good: Path, tmp_path: Path) -> None:
    entries = read_entries(good)
    manifest = json.loads(entries["manifest.json"])
    manifest["schema_version"] = 7
    entries["manifest.json"] = json.dumps(manifest).encode()
    (tmp_path / "n.veua").write_bytes(rezip(entries))
    err = str(refused(tmp_path / "n.veua", VeuaVersionError))
    assert "7" in err and "1" in err and "newer" in err


@pytest.mark.parametrize("version", [0, -1, "2", None, 1.5, True])
def test_unknown_versions_are_refused(good: Path, tmp_path: Path, version: Any) -> None:
    entries = read_entries(good)
    manifest = json.loads(entries["manifest.json"])
    manifest["schema_version"] = version
    entries["manifest.json"] = json.dumps(manifest).encode()
    (tmp_path / "n.veua").write_bytes(rezip(entries))
    refused(tmp_path / "n.veua", VeuaVersionError)


def test_missing_evidence_is_an_integrity_error(good: Path, tmp_path: Path) -> None:
    bad = with_entries(good, tmp_path, lambda e: [(n, d) for n, d in e if not n.startswith("evidence/")][:])
    refused(bad, VeuaIntegrityError)


def test_not_a_file(tmp_path: Path) -> None:
    refused(tmp_path)
    refused(tmp_path / "missing.veua")
    (tmp_path / "x.veua").write_text("just text", encoding="utf-8")
    refused(tmp_path / "x.veua", VeuaFormatError)


def test_json_depth_ignores_brackets_inside_strings() -> None:
    assert json_depth(b'{"a": "[[[[[[", "b": [1, {"c": "]]]}"}]}') == 3
    assert json_depth(b'"\\"[[["') == 0
    with pytest.raises(VeuaFormatError):
        load_json(b"[NaN]", "review.json")
    with pytest.raises(VeuaFormatError):
        load_json(b"[" + b"9" * 5000 + b"]", "review.json")
