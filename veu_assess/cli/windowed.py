"""Errors of the windowed launcher, which has no console to print them on.

On Windows the Start menu and the .veua association start ``veu-assess-gui.exe``, a windowed
executable: its ``sys.stderr`` is None, so the one-line error of a refused start (the file from a
network drive that is gone, a file that is a folder) would go nowhere and the double-click would
seem to do nothing. ``run_showing_errors`` keeps what the command line would have printed and
shows it in a message box instead.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Sequence


def run_showing_errors(run: Callable[[Sequence[str]], int], argv: Sequence[str],
                       show: Callable[[str], None] | None = None) -> int:
    """``run(argv)`` with stderr kept; a failure's message goes to ``show`` (a message box)."""
    kept = io.StringIO()
    previous, sys.stderr = sys.stderr, kept
    try:
        code = run(argv)
    finally:
        sys.stderr = previous
    text = kept.getvalue().strip()
    if code != 0 and text:
        (show or _message_box)(text)
    return code


def _message_box(text: str) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication([])
    app.setApplicationName("VEU Readiness Assessor")
    QMessageBox.critical(None, "VEU Readiness Assessor", text)
