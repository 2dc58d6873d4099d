"""Standard streams the shell closed (``veu-assess score F >&-``, ``2>&-``): no traceback, and
never an error on stdout.

With file descriptor 2 closed, Python sets ``sys.stderr`` to None and ``print(..., file=None)``
writes to stdout: notes and errors would land in ``--json`` output. Worse, the next file the app
opens would get descriptor 1 or 2 and a later write to "stdout" would go into it. So each closed
standard descriptor is first re-opened on the null device, which also keeps it from being reused.

Output lost that way is not silent: a command whose stdout was closed and that wrote to it ends
with exit 1 and one line on stderr (if stderr is open), as other command-line tools do.
"""

from __future__ import annotations

import io
import os
import sys


class _CountingNull(io.RawIOBase):
    """The null device as a raw stream that remembers whether anything was written to it."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd
        self.written = 0

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        n = len(memoryview(data))  # type: ignore[arg-type]
        self.written += n
        return n

    def fileno(self) -> int:
        return self._fd


_lost_stdout: _CountingNull | None = None


def _is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def guard_standard_streams() -> None:
    """Re-open closed descriptors 0, 1 and 2 on the null device; point sys.stdout/sys.stderr at
    them when Python found them closed. Call first thing in a command-line entry point."""
    global _lost_stdout
    for fd in (0, 1, 2):
        if _is_open(fd):
            continue
        null = os.open(os.devnull, os.O_RDWR)  # the lowest free descriptor: the closed one
        if null != fd:  # cannot happen (a lower one is free) but never leave a stray descriptor
            os.dup2(null, fd)
            os.close(null)
        if fd == 1:
            _lost_stdout = _CountingNull(1)
            sys.stdout = io.TextIOWrapper(io.BufferedWriter(_lost_stdout), encoding="utf-8",
                                          errors="backslashreplace", line_buffering=True)
        elif fd == 2 and sys.stderr is None:  # not when a windowed start keeps what it says
            sys.stderr = io.TextIOWrapper(open(2, "wb", buffering=0, closefd=False), encoding="utf-8",
                                          errors="backslashreplace", write_through=True)
    if sys.stdout is None:  # Python found it closed even though the descriptor is open now
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")


def stdout_was_lost() -> bool:
    """True when stdout was closed at start and the command wrote output that nobody received."""
    if _lost_stdout is None:
        return False
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        pass
    return _lost_stdout.written > 0
