"""File primitives shared by every user-visible read and write: no hangs, no half-written files.

- ``open_regular``: open a file for reading, refusing folders, devices, pipes and sockets *before*
  anything blocks (a FIFO's ``open`` waits for a writer; ``/dev/zero`` never ends).
- ``check_output_path`` / ``write_atomic``: write a temporary file in the target folder, fsync,
  then replace; a target that exists and is not a regular file (``/dev/null``, a pipe) is refused,
  because ``os.replace`` would swap the device node itself for a regular file.
- ``remove_stale_temps``: a write killed mid-way (SIGKILL, power loss) leaves its temporary
  ``.NAME.xxxxxxxx.tmp``; the next write of the same NAME removes such leftovers.

Refusals are ``ValueError`` with a message that names the path; the CLI prints it on one line.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path
from typing import BinaryIO

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX only; Windows has no FIFOs to block on

TEMP_SUFFIX = ".tmp"
# What tempfile.mkstemp puts between prefix and suffix: 8 characters of this set, never a dot.
# Matching it exactly (not ``*``) is what keeps ``.a.veua.x.veua.abcd1234.tmp`` (a temporary file
# of "a.veua.x.veua") out of the cleanup for "a.veua": the random part cannot contain a dot, so
# the prefix identifies exactly one NAME.
_MKSTEMP_RANDOM = r"[a-z0-9_]{8}"
# A temporary file not modified for this long belongs to a write that died (killed, crash, power
# loss). A live write modifies its temporary file continuously (every chunk of evidence updates
# the mtime); the longest write-free stretch is the final fsync, which flushes at most the dirty
# page cache: even gigabytes to a slow USB stick take a few minutes, not ten. Ten minutes also
# absorbs ordinary clock skew between a PC and a network share (the server stamps the mtime). If
# the guess is ever wrong (a laptop suspended mid-save, a share whose clock is far behind), the
# cost is that the other save fails with "the previous file is unchanged" -- its temporary file
# is gone before its replace -- never a lost or half-written file.
STALE_TEMP_AGE = 10 * 60.0
# The longest file name most file systems take, in bytes (ext4, APFS; NTFS counts 255 UTF-16
# units, which UTF-8 bytes never undercount). Names the app derives from the user's (temporary
# files, backups) must fit too, or a name the user could create fails to save.
NAME_MAX = 255


def fitted_name(name: str, before: str = "", after: str = "", reserve: int = 0) -> str:
    """``before + name + after``, with ``name`` shortened when the whole would be longer than
    NAME_MAX bytes (less ``reserve``, for what mkstemp adds). A shortened name ends in ``~`` and
    8 hex digits of the full name's hash, so two long names never share a derived name."""
    room = NAME_MAX - reserve - len(os.fsencode(before + after))
    if len(os.fsencode(name)) <= room:
        return before + name + after
    tag = "~" + hashlib.sha256(os.fsencode(name)).hexdigest()[:8]
    short = name
    while short and len(os.fsencode(short + tag)) > room:
        short = short[:-1]
    return before + short + tag + after


def temp_prefix(name: str) -> str:
    """The mkstemp prefix of a temporary file for writing ``name``: ``.NAME.`` (fitted)."""
    return fitted_name(name, ".", ".", reserve=8 + len(TEMP_SUFFIX))


class NotRegularFileError(ValueError):
    """The path names a folder, device, pipe or socket where a regular file was expected."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder"
    if stat.S_ISFIFO(mode):
        return "is a pipe"
    if stat.S_ISSOCK(mode):
        return "is a socket"
    return "is a device"


def open_regular(path: Path) -> tuple[BinaryIO, int]:
    """Open ``path`` for reading; return the binary file and its size. Never blocks on special files.

    Raises ``NotRegularFileError`` for anything but a regular file, ``OSError`` when it cannot be
    opened (missing, permission denied ...).
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | _NONBLOCK)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFileError(f"{path} {_kind(st.st_mode)}, not a file")
        if _NONBLOCK:
            os.set_blocking(fd, True)
        fh = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    return fh, st.st_size


def check_output_path(path: Path) -> None:
    """Refuse an output path whose folder is missing or that names something other than a file."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ValueError(f"{folder}: no such folder")
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ValueError(f"{path}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFileError(f"{path} {_kind(st.st_mode)}; give the name of a file to write")


def remove_stale_temps(folder: Path, prefix: str, *, max_age: float = STALE_TEMP_AGE,
                       now: float | None = None) -> list[Path]:
    """Remove ``<prefix>xxxxxxxx.tmp`` files in ``folder`` (as ``mkstemp(prefix=..., suffix=".tmp")``
    names them) that are regular files not modified for ``max_age`` seconds; return those removed.

    Best effort: a file that vanished, cannot be removed (in use on Windows, read-only folder) or
    looks live is left alone; nothing is raised. Files of other names never match (see
    ``_MKSTEMP_RANDOM``); callers pass ``temp_prefix(name)``, whose shortened form keeps a hash of
    the name, never a bare truncation that several names would share.
    """
    pattern = re.compile(re.escape(prefix) + _MKSTEMP_RANDOM + re.escape(TEMP_SUFFIX))
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = os.scandir(folder)
    except OSError:
        return removed
    with entries:
        for entry in entries:
            if not pattern.fullmatch(entry.name):
                continue
            try:
                st = entry.stat(follow_symlinks=False)
                # A future mtime (clock skew) gives a negative age: kept.
                if not stat.S_ISREG(st.st_mode) or now - st.st_mtime < max_age:
                    continue
                os.unlink(entry.path)
            except OSError:
                continue
            removed.append(Path(entry.path))
    return removed


def write_atomic(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write a file so that a crash leaves the old file or the new one, never half of one.

    ``mode`` is the new file's permission bits (mkstemp creates 0600; a report is an ordinary
    document, a recovery state stays private with 0o600).
    """
    path = Path(path)
    check_output_path(path)
    folder = path.parent if str(path.parent) else Path(".")
    prefix = temp_prefix(path.name)
    remove_stale_temps(folder, prefix)  # before writing: frees the space killed writes took
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        # Name the folder, not the temporary file the user never asked for.
        raise OSError(exc.errno, f"cannot write there ({exc.strerror or exc})", str(path)) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        # A full disk says only "No space left on device": say which file could not be written.
        raise OSError(exc.errno, f"cannot write it ({exc.strerror or exc}); nothing was written",
                      str(path)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_all_atomic(outputs: dict[Path, bytes], mode: int = 0o644) -> None:
    """Write several files all or none: each goes to a temporary file in its folder first; only
    when every one is written and synced are they renamed into place. A full disk, a missing
    permission or Ctrl-C while writing leaves no new file (and no temporary one) behind.

    The renames come last and do not need space; a failure among them (it takes a folder removed
    or made read-only between two renames) is reported like any other, naming the file.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in outputs.items():
            check_output_path(path)
            folder = path.parent if str(path.parent) else Path(".")
            try:
                fd, tmp_name = tempfile.mkstemp(prefix=temp_prefix(path.name), suffix=TEMP_SUFFIX, dir=folder)
            except OSError as exc:
                raise OSError(exc.errno, f"cannot write there ({exc.strerror or exc}); nothing was written",
                              str(path)) from None
            staged.append((Path(tmp_name), path))
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.chmod(tmp_name, mode)
            except OSError as exc:
                raise OSError(exc.errno, f"cannot write it ({exc.strerror or exc}); nothing was written",
                              str(path)) from None
        for tmp, path in staged:
            os.replace(tmp, path)
    finally:
        for tmp, _path in staged:
            tmp.unlink(missing_ok=True)  # renamed ones are gone already; the others never appear
