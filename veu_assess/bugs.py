"""Telling a problem of the input from a bug of the app, and reporting the bug as one.

A problem of the input (a damaged file, a wrong argument, a folder that cannot be written) is the
user's to fix: it is said in one line, and the CLI exits 2. Anything else that reaches the top of a
command or of the GUI is a bug of the app: saying "the file is damaged" or "bad argument" then
would send the user looking for a mistake they did not make. ``record_bug`` writes the full trace
to a log file in the user data folder and returns one line that says it is a bug, with the
version and where the trace is; the CLI exits 1, the GUI shows it and keeps the document.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from veu_assess import __version__
from veu_assess.text.terminal import printable

LOG_NAME = "veu-assess.log"
MAX_LOG_BYTES = 1024 * 1024  # one older generation is kept (.1): the log never grows unbounded


class InputError(ValueError):
    """Bad input from a user or another program; the message says what is wrong and where."""


def input_errors() -> tuple[type[BaseException], ...]:
    """The exception types that mean bad input (imported late: the CLI starts without them)."""
    from veu_assess.catalog.loader import CatalogError
    from veu_assess.storage.errors import VeuaError

    return (InputError, VeuaError, CatalogError, OSError)


def is_input_error(exc: BaseException) -> bool:
    return isinstance(exc, input_errors())


def bug_log_path() -> Path:
    from veu_assess.storage.recovery import default_data_dir

    return default_data_dir() / "logs" / LOG_NAME


class Bug(NamedTuple):  # not a dataclass: the CLI imports this module at start-up (dataclasses pulls in inspect)
    summary: str  # "a bug in the app (veu-assess 1.0): KeyError: 'x'"
    log: Path | None  # where the full trace was written; None if it could not be

    @property
    def line(self) -> str:
        where = f"the full trace is in {self.log}" if self.log else "the trace could not be written to a log file"
        return printable(f"{self.summary}; {where}")


def record_bug(exc: BaseException) -> Bug:
    """Log ``exc`` with its trace in the user data folder; say what it was, and where the log is."""
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return Bug(printable(f"a bug in the app (veu-assess {__version__}): {detail}"), _write_log(exc))


def error_text(exc: BaseException) -> str:
    """What to tell the user about ``exc``: its own message if the input was at fault, else that
    it is a bug (logged now)."""
    return str(exc) if is_input_error(exc) else record_bug(exc).line


def _write_log(exc: BaseException) -> Path | None:
    import datetime as dt  # here, not at the top: only a bug needs them, and --version starts faster
    import traceback

    path = bug_log_path()
    trace = "".join(traceback.format_exception(exc))
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
            os.replace(path, path.with_name(LOG_NAME + ".1"))
        with path.open("a", encoding="utf-8", errors="backslashreplace") as fh:
            fh.write(f"--- {stamp} veu-assess {__version__}\n{trace}\n")
    except OSError:
        return None  # a read-only home must not turn one bug into two
    return path
