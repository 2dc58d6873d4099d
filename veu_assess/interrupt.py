"""Ctrl-C in the desktop app: a request to end with exit code 130, never an exception.

Python's default handler raises KeyboardInterrupt wherever Python code happens to run. In the
desktop app that is inside PySide6's import (shiboken aborts the process) or inside a Qt slot
(PySide prints the traceback and carries on, or half-built widgets unwind and the process dies
with SIGSEGV at exit). From the moment the `gui` command starts, this handler only records the
request and, once an event loop runs, asks it to end; the app checks ``requested()`` at the
points where it can stop cleanly. Qt is looked up, never imported, so the CLI stays Qt-free.
Shared by the `gui` command and the app (``ui/app.py``), which lint-imports keeps from importing
each other: it belongs to neither.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType

EXIT_INTERRUPTED = 130
_requested = False


def _handle(_signum: int, _frame: FrameType | None) -> None:
    global _requested
    _requested = True
    qtcore = sys.modules.get("PySide6.QtCore")
    app = qtcore.QCoreApplication.instance() if qtcore is not None else None
    if app is not None:
        app.exit(EXIT_INTERRUPTED)  # ends a running app.exec(); before it runs, callers check


def install() -> None:
    """Record Ctrl-C from now on instead of raising KeyboardInterrupt."""
    signal.signal(signal.SIGINT, _handle)


def requested() -> bool:
    return _requested
