"""The program's entry points (`veu-assess`, `veu-assess-gui`, `python -m veu_assess`, the frozen
launchers): Ctrl-C while the app is still importing ends it quietly with exit code 130.

Python's own handler raises KeyboardInterrupt wherever the program is, which during start-up is
deep inside an import: a 60-line traceback, or, inside PySide6's import, an abort. This module
imports nothing but ``signal`` and ``sys`` (both already loaded by the interpreter), switches to
a handler that exits at once and quietly, and only then imports the rest. ``cli.main.main``
takes over with its own handling once it runs.
"""

from __future__ import annotations

import os
import signal
from types import FrameType

EXIT_INTERRUPTED = 130


def _exit_quietly(_signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(EXIT_INTERRUPTED)  # no traceback; `finally` and `except BaseException` still run


# At import, not in main(): the launchers import this module and nothing else first, so the
# window in which Ctrl-C still meets Python's default handler is the import of two one-line
# package files and these lines. Nothing but a launcher imports this module.
signal.signal(signal.SIGINT, _exit_quietly)

# pydantic looks for plugins among the entry points of every installed distribution when it builds
# its first validator (a scan of all package metadata, ~10 ms on each start). The app uses none,
# and a plugin found in someone's environment has no business seeing the files a user opens. A
# value the user sets explicitly is kept.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def main() -> None:
    from veu_assess.cli.main import main as cli_main

    cli_main()


def gui_main() -> None:
    from veu_assess.cli.main import gui_main as cli_gui_main

    cli_gui_main()


if __name__ == "__main__":
    main()
