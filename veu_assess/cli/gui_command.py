"""`veu-assess gui [FILE ...] [--smoke FILE]`: the desktop app (PySide6 is imported only here)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("gui", help="open the app (the default when no command is given)")
    p.add_argument("files", nargs="*", type=Path, help=".veua files to open")
    p.add_argument(
        "--smoke",
        type=Path,
        default=None,
        metavar="FILE",
        help="open FILE, visit and render every page, exit 0 (or 1 with the error)",
    )
    p.add_argument("--review", action="store_true", help="open the files for review (auditor mode)")
    p.set_defaults(func=cmd_gui)


def launch_gui(files: list[str], smoke: str | None = None, review: bool = False) -> int:
    from veu_assess import interrupt
    from veu_assess.bugs import InputError

    interrupt.install()  # before PySide6 is imported: a KeyboardInterrupt inside it aborts the process
    # The Qt-free core the window needs, imported before PySide6: once PySide6 is loaded, its import
    # hook reads the source of every module that imports something (to look for `__feature__`),
    # about half of them these; ~35 ms of a ~600 ms start here.
    import veu_assess.catalog.loader
    import veu_assess.engine.routes
    import veu_assess.engine.scoring
    import veu_assess.storage.recovery
    import veu_assess.storage.veua
    import veu_assess.text.summary  # noqa: F401

    try:
        from veu_assess.ui.app import run_app
    except ImportError as exc:
        raise InputError(f"the desktop interface is not available in this installation ({exc})") from None
    if interrupt.requested():
        return interrupt.EXIT_INTERRUPTED
    return run_app(files, smoke=smoke, review=review)


def cmd_gui(args: argparse.Namespace) -> int:
    from veu_assess.cli.display import display_problem
    from veu_assess.cli.paths import check_input_file

    for f in [*args.files, *([args.smoke] if args.smoke else [])]:
        check_input_file(f)
    problem = display_problem()  # before QApplication: Qt would abort with a page of messages
    if problem is not None:
        if args.smoke:  # the smoke test is meant for headless machines (CI, the frozen bundle)
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        else:
            print(f"veu-assess: error: {problem}; "
                  "try `veu-assess demo --headless` or `veu-assess report`", file=sys.stderr)
            return 1
    return launch_gui([str(f) for f in args.files], str(args.smoke) if args.smoke else None, args.review)
