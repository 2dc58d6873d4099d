"""Safety limits for untrusted .veua files, and the checks that apply them to names and JSON.

A .veua arrives from outside (an auditor opens a file an operator e-mailed), so nothing in it is
trusted: sizes, counts, names and nesting are bounded *before* anything is decompressed or parsed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from veu_assess.storage.errors import VeuaFormatError, VeuaLimitError

MANIFEST, ASSESSMENT, REVIEW, EVIDENCE_DIR = "manifest.json", "assessment.json", "review.json", "evidence/"
JSON_PARTS = (MANIFEST, ASSESSMENT, REVIEW)
EVIDENCE_NAME = re.compile(r"^evidence/([0-9a-f]{64})$")
# Zip tools (zip -r, Explorer, Archive Utility) add an entry for the folder itself when a user
# re-packs a .veua; it is harmless and is skipped, so the file opens and shows as modified.
FOLDER_ENTRY = EVIDENCE_DIR
MiB = 1 << 20
GiB = 1 << 30


@dataclass(frozen=True)
class Limits:
    """Upper bounds for one file. The defaults fit a real assessment with room to spare."""

    max_file_bytes: int = 64 * GiB
    max_entries: int = 10_003  # manifest, assessment, review + up to 10 000 evidence blobs
    max_central_dir_bytes: int = 4 * MiB
    max_json_bytes: int = 32 * MiB  # per JSON part (uncompressed)
    max_manifest_bytes: int = 4 * MiB
    max_evidence_bytes: int = 16 * GiB  # one evidence blob
    max_total_bytes: int = 64 * GiB  # all entries, uncompressed
    max_ratio: int = 200  # uncompressed / compressed for deflated entries; real JSON stays below ~50
    max_json_depth: int = 32  # the models need about 7 levels
    max_string_chars: int = 1_000_000  # no string in the models may be longer than 100 000 chars


DEFAULT_LIMITS = Limits()


def check_member_name(name: str) -> None:
    """Refuse any entry name other than the expected ones (this also rules out every path trick)."""
    if name in JSON_PARTS or name == FOLDER_ENTRY or EVIDENCE_NAME.match(name):
        return
    shown = name if len(name) <= 80 else name[:77] + "..."
    if "\\" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name) or ".." in name.split("/"):
        raise VeuaFormatError(f"unsafe entry name {shown!r} (absolute path, '..', drive or backslash)", "zip")
    raise VeuaFormatError(f"unexpected entry {shown!r}; a .veua holds only manifest.json, "
                          "assessment.json, review.json and evidence/<sha256>", "zip")


# The "unrolled loop" form is linear and fast: no alternation is tried per character.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKETS = re.compile(rb"[\[\]{}]")


def json_depth(raw: bytes) -> int:
    """Maximum nesting of arrays/objects, found without parsing (so json.loads never recurses deep).

    Strings are removed first because brackets inside them do not nest. Runs at regex speed.
    """
    stripped = _STRING.sub(b'""', raw)
    steps = (1 if b in b"[{" else -1 for b in _BRACKETS.findall(stripped))
    return max(accumulate(steps, initial=0))


def _longest_string(raw: bytes) -> int:
    return max((m.end() - m.start() for m in _STRING.finditer(raw)), default=0)


def load_json(raw: bytes, part: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Parse one JSON part of the file after checking its size, nesting and string lengths."""
    cap = limits.max_manifest_bytes if part == MANIFEST else limits.max_json_bytes
    if len(raw) > cap:
        raise VeuaLimitError(f"is {len(raw):,} bytes, more than the limit of {cap:,}", part)
    depth = json_depth(raw)
    if depth > limits.max_json_depth:
        raise VeuaLimitError(f"is nested {depth} levels deep, more than the limit of {limits.max_json_depth}",
                             part)
    # Bytes bound characters from above (escapes only make text shorter), so this is safe.
    if _longest_string(raw) > limits.max_string_chars * 6 + 2:
        raise VeuaLimitError(f"holds a text longer than {limits.max_string_chars:,} characters", part)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise VeuaFormatError(f"is not UTF-8 text (byte {exc.start})", part) from None
    try:
        data = json.loads(text, parse_constant=_no_constant, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        raise VeuaFormatError(f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
                              part) from None
    except (ValueError, RecursionError) as exc:  # NaN, a number of thousands of digits
        raise VeuaFormatError(f"is not valid JSON ({str(exc)[:120]})", part) from None
    _check_strings(data, part, limits.max_string_chars)
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON")


MAX_INT_DIGITS = 30  # counts, sizes and versions need far fewer; Python's own limit is 4,300


def _bounded_int(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        raise ValueError(f"a number of {digits:,} digits; numbers here have at most {MAX_INT_DIGITS}")
    return int(text)


def _check_strings(data: Any, part: str, max_chars: int) -> None:
    """Bound every string and key; iterative so that it cannot recurse (depth is bounded anyway)."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if len(item) > max_chars:
                raise VeuaLimitError(f"holds a text of {len(item):,} characters, more than the limit of "
                                     f"{max_chars:,}", part)
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
