"""The app under test for the AT-SPI test: the real main window with the sample, driven by commands
on stdin (one per line), each answered with one line on stdout starting with ``ok`` or ``error``.

Run with the project's Python under an X server with an AT-SPI bus (``test_atspi.py`` sets it up)
and ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1``, so Qt's AT-SPI bridge publishes the window. Commands:

    open operator|review     the bundled sample, as the operator or as an auditor
    page ITEM|review         the section page holding answer key ITEM (ELIG-01@ad1), or Review
    lang en|ja               switch the interface language, as the Language menu does
    focus sections|gaps      give the focus to one of the Review page's tables
    wait                     handle the events waiting (after a key press)
    focused                  the class and accessible name of the widget with the focus
    quit
"""

from __future__ import annotations

import faulthandler
import os
import signal
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QSocketNotifier, Qt, QTimer
from PySide6.QtWidgets import QApplication


def main() -> int:
    faulthandler.register(signal.SIGUSR1)  # kill -USR1 prints where a hung app is
    app = QApplication(sys.argv[:1])
    app.setApplicationName("veu-assess-atspi-test")
    settings_dir = tempfile.mkdtemp(prefix="veu-atspi-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    QCoreApplication.setOrganizationName("veu-assess-atspi-test")

    from veu_assess.catalog.loader import default_catalog
    from veu_assess.resources import sample_path
    from veu_assess.ui import i18n
    from veu_assess.ui.fonts import register_japanese_font
    from veu_assess.ui.main_window import MainWindow
    from veu_assess.ui.settings import UiSettings

    register_japanese_font()
    i18n.install_language("en", app)
    window = MainWindow(default_catalog(), UiSettings(), None, lang="en")
    window.resize(1200, 900)
    window.show()
    window.activateWindow()

    def reply(text: str) -> None:
        print(text.replace("\n", " "), flush=True)

    def run(line: str) -> bool:
        words = line.split()
        if not words:
            return True
        command, args = words[0], words[1:]
        nav = window.navigator
        if command == "quit":
            return False
        if command == "open":
            window.files.open_now(Path(sample_path()), review=args[0] == "review")
        elif command == "page":
            page = nav.pages.review if args[0] == "review" else nav.pages.section_holding(args[0])
            if page is None:
                reply(f"error no page holds {args[0]}")
                return True
            nav.show_page(page)
        elif command == "lang":
            i18n.install_language(args[0], app)
            window.set_language(args[0], remember=False)
        elif command == "focus":
            table = getattr(nav.pages.review, args[0])
            table.setFocus(Qt.FocusReason.OtherFocusReason)
            table.setCurrentCell(0, 0)
        elif command == "wait":
            pass  # only let the events (a key press) be handled
        elif command == "focused":
            widget = QApplication.focusWidget()
            name = widget.accessibleName() if widget is not None else ""
            reply(f"ok {type(widget).__name__} {name}")
            return True
        else:
            reply(f"error unknown command {command}")
            return True
        for _ in range(3):
            app.processEvents()
        reply(f"ok {line}")
        return True

    # Commands are read when they arrive, never by blocking: the event loop must stay free to answer
    # the screen reader's (AT-SPI's) questions, which Qt serves on this thread.
    pending = bytearray()

    def readable() -> None:
        chunk = os.read(sys.stdin.fileno(), 4096)
        if not chunk:
            app.quit()
            return
        pending.extend(chunk)
        while b"\n" in pending:
            line, _, rest = bytes(pending).partition(b"\n")
            pending[:] = rest
            if not run(line.decode().strip()):
                app.quit()
                return

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(readable)
    QTimer.singleShot(0, lambda: reply("ok ready"))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
