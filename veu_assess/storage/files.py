"""File primitives shared by every user-visible read and write: no hangs, no half-written files.

- ``open_regular``: open a file for reading, refusing folders, devices, pipes and sockets *before*
  anything blocks (a FIFO's ``open`` waits for a writer; ``/dev/zero`` never ends).
- ``check_output_path`` / ``write_atomic``: write a temporary file in the target folder, fsync,
  then replace; a target that exists and is not a regular file (``/dev/null``, a pipe) is refused,
  because ``os.replace`` would swap the device node itself for a regular file.

Refusals are ``ValueError`` with a message that names the path; the CLI prints it on one line.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX only; Windows has no FIFOs to block on


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


def write_atomic(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write a file so that a crash leaves the old file or the new one, never half of one.

    ``mode`` is the new file's permission bits (mkstemp creates 0600; a report is an ordinary
    document, a recovery state stays private with 0o600).
    """
    path = Path(path)
    check_output_path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name[:200]}.", suffix=".tmp", dir=folder)
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
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
