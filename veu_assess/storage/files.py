"""File primitives shared by every user-visible read and write: no hangs, no half-written files.

- ``open_regular``: open a file for reading, refusing folders, devices, pipes and sockets *before*
  anything blocks (a FIFO's ``open`` waits for a writer; ``/dev/zero`` never ends).
- ``check_output_path`` / ``write_atomic``: write a temporary file in the target folder, fsync,
  then replace; a target that exists and is not a regular file (``/dev/null``, a pipe) is refused,
  because ``os.replace`` would swap the device node itself for a regular file.
- ``remove_stale_temps``: a write killed mid-way (SIGKILL, power loss) leaves its temporary
  ``.NAME.xxxxxxxx.tmp``; the next write of the same NAME removes such leftovers.

Refusals are ``InputError`` (a ``ValueError``) with a message that names the path; the CLI prints it on one line.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from veu_assess.bugs import InputError

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


class NotRegularFileError(InputError):
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
    folder = path.parent  # Path("name").parent is Path("."), never empty
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder")
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
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


@contextlib.contextmanager
def atomic_file(path: Path, mode: int | None = None, *, checked: bool = True,
                before_replace: Callable[[], None] | None = None) -> Iterator[BinaryIO]:
    """The one atomic writer: yield a temporary file in ``path``'s folder to write; when the block
    ends normally it is flushed and fsynced, given ``mode`` (default: the old file's, or 0o644;
    mkstemp would leave 0600), ``before_replace`` runs, it replaces ``path``, and the folder is
    fsynced so that the rename survives a power loss. On any error or exception the temporary
    file goes and ``path`` is untouched: a crash leaves the old file or the new one, never half.

    ``checked``: refuse a ``path`` that is not a regular file to be (a folder, a pipe: replacing
    one would swap the node itself) and remove stale temporary files of earlier, killed writes
    of this name first, freeing the space they took. OSErrors name ``path``, not the temporary
    file the user never asked for.
    """
    path = Path(path)
    folder = path.parent  # Path("name").parent is Path("."), never empty
    prefix = temp_prefix(path.name)
    if checked:
        check_output_path(path)
        remove_stale_temps(folder, prefix)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise OSError(exc.errno, f"cannot write there ({exc.strerror or exc})", str(path)) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if mode is None:
            mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
        os.chmod(tmp, mode)
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        # A full disk says only "No space left on device": say which file could not be written.
        raise OSError(exc.errno, f"cannot write it ({exc.strerror or exc}); nothing was written",
                      str(path)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(folder)


def write_atomic(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` through ``atomic_file`` (a recovery state passes 0o600)."""
    with atomic_file(path, mode) as fh:
        fh.write(data)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where folders cannot be opened (Windows)."""
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


class _StagingFailed(Exception):
    """Carries an OSError of one file out through every open ``atomic_file`` unchanged (each would
    otherwise wrap an OSError passing through it in its own file's name)."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(path, error)
        self.path, self.error = path, error


def write_all_atomic(outputs: dict[Path, bytes], mode: int | None = None) -> None:
    """Write several files all or none, each through ``atomic_file``: every one is written to its
    temporary file and synced before the first is renamed into place. A full disk, a missing
    permission or Ctrl-C while writing leaves no new file (and no temporary one) behind.

    The renames come last and do not need space; a failure among them (it takes a folder removed
    or made read-only between two renames) is reported like any other, naming the file.
    """
    try:
        with contextlib.ExitStack() as stack:
            staged: list[tuple[Path, BinaryIO]] = []
            for path, data in outputs.items():
                try:
                    fh = stack.enter_context(atomic_file(path, mode))
                    fh.write(data)
                except OSError as exc:
                    raise _StagingFailed(Path(path), exc) from None
                staged.append((Path(path), fh))
            # Synced here, inside every block: a full disk shows at the flush or the fsync, and
            # an error here makes every atomic_file drop its temporary file. Left to each block's
            # end, the first file would be renamed before the last one is known to fit.
            for path, fh in staged:
                try:
                    fh.flush()
                    os.fsync(fh.fileno())
                except OSError as exc:
                    raise _StagingFailed(path, exc) from None
    except _StagingFailed as failed:
        error = failed.error
        reason = error.strerror or str(error)
        if error.filename is None:  # a raw error of the write or the sync, not atomic_file's own
            reason = f"cannot write it ({reason})"
        if "nothing was written" not in reason:
            reason += "; nothing was written"
        raise OSError(error.errno, reason, str(failed.path)) from None
