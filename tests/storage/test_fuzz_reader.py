"""Fuzzing the reader: random bytes, mutated real files (bit flips, truncation, overwritten bytes),
random JSON in every part, random values at random places of a real assessment, hostile names.

The only outcome allowed besides a successful open is a typed VeuaError; any other exception is a
check the reader is missing (there is no catch-all to hide it). Cases per test: VEU_FUZZ_EXAMPLES.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
import warnings
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veu_assess.catalog.loader import default_catalog
from veu_assess.model.review import Verdict, VerdictState
from veu_assess.storage import open_document, save_document
from veu_assess.storage.errors import VeuaError
from veu_assess.storage.integrity import integrity_state

from .helpers import make_document, read_entries, rezip

EXAMPLES = int(os.environ.get("VEU_FUZZ_EXAMPLES", "800"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Module-level, not tmp_path: hypothesis runs many examples per test function and a
# function-scoped fixture would be shared across them anyway. Removed when the run ends.
_DIR = Path(tempfile.mkdtemp(prefix="veua-fuzz-"))
atexit.register(shutil.rmtree, _DIR, ignore_errors=True)


def _base() -> Path:
    path = _DIR / "base.veua"
    if not path.exists():
        doc = make_document(default_catalog(), _DIR, sizes=(3000, 500))
        doc.review.verdicts["x"] = Verdict(state=VerdictState.ACCEPTED, comment="ok")
        save_document(doc, path)
    return path


BASE = _base()
BASE_BYTES = BASE.read_bytes()
BASE_ENTRIES = read_entries(BASE)
SCRATCH = _DIR / "case.veua"


def check_open(data: bytes) -> None:
    SCRATCH.write_bytes(data)
    try:
        doc = open_document(SCRATCH)
    except VeuaError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    doc.digest()
    integrity_state(doc)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=30,
)


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes(data: bytes) -> None:
    check_open(data)


@FUZZ
@given(st.data())
def test_mutated_real_file(data: st.DataObject) -> None:
    raw = bytearray(BASE_BYTES)
    for _ in range(data.draw(st.integers(1, 8))):
        kind = data.draw(st.sampled_from(["flip", "byte", "truncate", "insert"]))
        pos = data.draw(st.integers(0, max(len(raw) - 1, 0)))
        if kind == "flip" and raw:
            raw[pos] ^= 1 << data.draw(st.integers(0, 7))
        elif kind == "byte" and raw:
            raw[pos] = data.draw(st.integers(0, 255))
        elif kind == "truncate":
            del raw[pos:]
        else:
            raw[pos:pos] = data.draw(st.binary(min_size=1, max_size=8))
    check_open(bytes(raw))


@FUZZ
@given(st.sampled_from(["manifest.json", "assessment.json", "review.json"]), json_values)
def test_random_json_in_a_part(part: str, value: Any) -> None:
    entries = dict(BASE_ENTRIES)
    entries[part] = json.dumps(value).encode()
    check_open(rezip(entries))


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            found += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found += _paths(v, (*prefix, i))
    return found


@FUZZ
@given(st.data(), st.sampled_from(["manifest.json", "assessment.json", "review.json"]))
def test_random_value_at_a_random_place(data: st.DataObject, part: str) -> None:
    doc = json.loads(BASE_ENTRIES[part])
    path = data.draw(st.sampled_from(_paths(doc)[1:]))
    node = doc
    for key in path[:-1]:
        node = node[key]
    if data.draw(st.booleans()):
        node[path[-1]] = data.draw(json_values | st.text(min_size=1000, max_size=3000))
    else:
        del node[path[-1]]
    entries = dict(BASE_ENTRIES)
    entries[part] = json.dumps(doc).encode()
    check_open(rezip(entries))


names = st.text(max_size=80) | st.sampled_from(["../a", "/abs", "C:\\x", "evidence/../../x", "a//b", "évidence/é",
                                                 "evidence/" + "0" * 64 + "/", "manifest.json\0"])


@FUZZ
@given(st.lists(st.tuples(names, st.binary(max_size=64)), min_size=1, max_size=4),
       st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))
def test_hostile_names_and_entries(extra: list[tuple[str, bytes]], compress: int) -> None:
    entries = [*BASE_ENTRIES.items(), *extra]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # duplicate names are the point of this test
            blob = rezip(entries, compress=compress)
    except (ValueError, UnicodeEncodeError):  # zipfile itself cannot write some names
        return
    check_open(blob)
