"""Open an untrusted zip safely: bound its central directory, entries, names, sizes and ratios.

The end-of-central-directory record is read by hand first, so that a file claiming millions of
entries is refused before ``zipfile`` builds a list of them in memory.
"""

from __future__ import annotations

import stat
import struct
import zipfile
import zlib
from typing import IO

from veu_assess.storage.errors import VeuaFormatError, VeuaLimitError
from veu_assess.storage.limits import FOLDER_ENTRY, JSON_PARTS, MANIFEST, Limits, MiB, check_member_name

# What zipfile, zlib and struct raise on a damaged archive (ValueError: a name that is not UTF-8,
# a negative offset; OverflowError: an offset past what seek accepts). Caught only around the
# calls that read the archive: the same types raised by the app's own code are bugs, not damage.
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, struct.error, EOFError,
              NotImplementedError, OverflowError, zlib.error)
_EOCD, _EOCD64_LOC, _EOCD64 = b"PK\x05\x06", b"PK\x06\x07", b"PK\x06\x06"
LOCAL_HEADER = 30
# Evidence entries smaller than this are not held to the ratio limit; the ratio of all evidence
# together still bounds what many of them add up to. The JSON parts are not held to any ratio:
# their size cap bounds them, and the app's own JSON (a long note of dashes, say) can compress
# several hundred times.
RATIO_FLOOR = 64 * 1024


def _not_zip(detail: str) -> VeuaFormatError:
    return VeuaFormatError(f"this is not a .veua assessment file ({detail})", "zip")


def precheck_directory(fh: IO[bytes], file_size: int, limits: Limits) -> int:
    """Read the end record, refuse absurd entry counts or directory sizes; return the entry count."""
    if file_size == 0:
        raise _not_zip("the file is empty")
    tail_len = min(file_size, 22 + 65_535)
    fh.seek(file_size - tail_len)
    tail = fh.read(tail_len)
    pos = tail.rfind(_EOCD)
    if pos < 0 or len(tail) - pos < 22:
        raise _not_zip("no zip directory found; the file may be truncated")
    _sig, _d, _cd, _n_disk, entries, cd_size, _off, _clen = struct.unpack("<4s4H2LH", tail[pos:pos + 22])
    if entries == 0xFFFF or cd_size == 0xFFFFFFFF:
        entries, cd_size = _zip64_counts(fh, tail, pos)
    if entries > limits.max_entries:
        raise VeuaLimitError(f"has {entries:,} entries, more than the limit of {limits.max_entries:,}", "zip")
    if cd_size > limits.max_central_dir_bytes:
        raise VeuaLimitError(f"its directory is {cd_size:,} bytes, more than the limit of "
                             f"{limits.max_central_dir_bytes:,}", "zip")
    return int(entries)


def _zip64_counts(fh: IO[bytes], tail: bytes, pos: int) -> tuple[int, int]:
    loc = tail[pos - 20:pos] if pos >= 20 else b""
    if len(loc) != 20 or not loc.startswith(_EOCD64_LOC):
        raise _not_zip("the large-file (zip64) directory record is missing")
    _sig, _disk, offset, _disks = struct.unpack("<4sLQL", loc)
    fh.seek(offset)
    rec = fh.read(56)
    if len(rec) != 56 or not rec.startswith(_EOCD64):
        raise _not_zip("the large-file (zip64) directory record is damaged")
    fields = struct.unpack("<4sQ2H2L4Q", rec)
    return int(fields[7]), int(fields[8])


def check_entries(zf: zipfile.ZipFile, file_size: int, limits: Limits) -> dict[str, zipfile.ZipInfo]:
    """Check every entry's name, type, method and size; return them by name."""
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise VeuaLimitError(f"has {len(infos):,} entries, more than the limit of {limits.max_entries:,}",
                             "zip")
    by_name: dict[str, zipfile.ZipInfo] = {}
    total = evidence_total = 0
    for info in infos:
        name = info.filename
        check_member_name(name)
        if name in by_name:
            raise VeuaFormatError(f"the entry {name!r} appears twice", "zip")
        by_name[name] = info
        kind = stat.S_IFMT(info.external_attr >> 16)
        if name == FOLDER_ENTRY and kind in (0, stat.S_IFDIR) and info.file_size == 0:
            continue  # the evidence/ folder entry a re-packing zip tool adds: nothing to read
        if kind not in (0, stat.S_IFREG) or info.is_dir():
            raise VeuaFormatError(f"the entry {name!r} is a link or folder, not a plain file", "zip")
        if info.flag_bits & 0x1:
            raise VeuaFormatError(f"the entry {name!r} is encrypted", "zip")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise VeuaFormatError(f"the entry {name!r} uses an unsupported compression method", "zip")
        cap = (limits.max_manifest_bytes if name == MANIFEST
               else limits.max_json_bytes if name in JSON_PARTS else limits.max_evidence_bytes)
        if info.file_size > cap:
            raise VeuaLimitError(f"is {info.file_size:,} bytes uncompressed, more than the limit of {cap:,}",
                                 name)
        if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
            raise VeuaFormatError("its stored size and its size disagree", name)
        total += info.file_size
        if name in JSON_PARTS:
            continue
        evidence_total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > info.compress_size * limits.max_ratio:
            raise VeuaLimitError(f"expands {info.file_size // max(info.compress_size, 1):,} times when "
                                 f"unpacked (a 'zip bomb'); the limit is {limits.max_ratio}", name)
    if total > limits.max_total_bytes:
        raise VeuaLimitError(f"unpacks to {total:,} bytes, more than the limit of {limits.max_total_bytes:,}",
                             "zip")
    # Many small evidence entries, each under the per-entry floor, can still add up to a bomb.
    if evidence_total > MiB and evidence_total > file_size * limits.max_ratio:
        raise VeuaLimitError(f"expands {evidence_total // max(file_size, 1):,} times when unpacked (a 'zip bomb'); "
                             f"the limit is {limits.max_ratio}", "zip")
    _check_no_overlap(infos, file_size)
    return by_name


def _check_no_overlap(infos: list[zipfile.ZipInfo], file_size: int) -> None:
    """Entries whose data overlap are the trick behind non-recursive zip bombs; refuse them."""
    end = 0
    for info in sorted(infos, key=lambda i: i.header_offset):
        if info.header_offset < end:
            raise VeuaFormatError(f"the entry {info.filename!r} overlaps another entry", "zip")
        end = info.header_offset + LOCAL_HEADER + len(info.orig_filename.encode("utf-8")) + info.compress_size
        if end > file_size:
            raise VeuaFormatError(f"the entry {info.filename!r} runs past the end of the file; "
                                  "the file may be truncated", "zip")


def open_zip(fh: IO[bytes], file_size: int, limits: Limits) -> tuple[zipfile.ZipFile, dict[str, zipfile.ZipInfo]]:
    """Open ``fh`` as a checked zip."""
    try:
        claimed = precheck_directory(fh, file_size, limits)
        fh.seek(0)
        zf = zipfile.ZipFile(fh)
        if len(zf.infolist()) != claimed:
            zf.close()
            raise _not_zip("its directory is damaged (the entry count does not match)")
    except (VeuaFormatError, VeuaLimitError):
        raise
    except ZIP_ERRORS as exc:
        raise _not_zip(str(exc)[:160] or type(exc).__name__) from None
    try:
        return zf, check_entries(zf, file_size, limits)
    except BaseException:
        zf.close()
        raise
