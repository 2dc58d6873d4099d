"""Start the desktop app: QApplication, translations, the exception hook, recovery, files, smoke mode.

``run_app`` is what ``veu-assess gui`` calls. ``--smoke FILE`` opens FILE in the real main window,
visits and renders every page, and exits 0 (or 1 with the error on one line); it works under
QT_QPA_PLATFORM=offscreen. ``VEU_ASSESS_EXIT_WHEN_READY`` is for bench/bench_startup.py: ``1``
quits as soon as the first window is shown (with the file given, once it is shown) and the event
loop is idle; ``settled`` quits once the pages made after the first show exist too. Either prints
one line: when the window was ready (``time.monotonic``) and how long each later page took.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMessageLogContext, Qt, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from veu_assess import interrupt
from veu_assess.bugs import record_bug
from veu_assess.catalog.loader import CatalogError, default_catalog
from veu_assess.languages import LANGUAGES
from veu_assess.resources import data_dir
from veu_assess.storage.errors import VeuaError
from veu_assess.storage.recovery import RecoveryManager
from veu_assess.ui import dialogs
from veu_assess.ui.settings import UiSettings
from veu_assess.ui.workers import wait_for_all

if TYPE_CHECKING:
    from veu_assess.ui.main_window import MainWindow

ORGANIZATION = "veu-assess"
APPLICATION = "VEU Readiness Assessor"
EXIT_WHEN_READY = "VEU_ASSESS_EXIT_WHEN_READY"
log = logging.getLogger("veu_assess.ui")
_windows: list[object] = []  # keeps top-level windows alive while the event loop runs


def configure_application(argv: list[str] | None = None) -> QApplication:
    """Create (or reuse) the QApplication with the names QSettings relies on; set once here."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Fractional scale factors (150%, 200%) as the system gives them, not rounded to integers.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationDisplayName(QCoreApplication.translate("app", "VEU Readiness Assessor"))
    # The window and task-bar icon (drawn by packaging/icons.py, the same as the installers').
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    return QIcon(str(data_dir() / "icon-256.png"))


def install_excepthook() -> None:
    """An exception no slot handled is a bug: logged, shown in a dialog; the app and the document stay."""
    showing = False

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        bug = record_bug(exc.with_traceback(tb))
        sys.stderr.write(bug.line + "\n")
        if showing:  # an error while showing the error: do not recurse
            return
        showing = True
        try:
            dialogs.show_error(
                None,
                QCoreApplication.translate("app", "Unexpected error"),
                QCoreApplication.translate(
                    "app",
                    "Something went wrong: {error}\n\nYour work is still open. Details were written to {where}.",
                ).format(error=bug.summary, where=bug.log or "-"),
            )
        finally:
            showing = False

    sys.excepthook = hook


def _keep_python_awake(app: QCoreApplication) -> None:
    """Give Python control a few times a second while Qt waits for events, so that the Ctrl-C
    handler (veu_assess/interrupt.py) runs and ends the loop; Python runs handlers only between its own
    bytecodes."""
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(200)


class SmokeInterrupted(Exception):
    """Ctrl-C during ``gui --smoke``."""


class SmokeFailure(RuntimeError):
    """A dialog would have blocked the smoke run: its message becomes the failure."""


def _no_dialogs() -> None:
    def fail(_parent: object, title: str, message: str = "", *_args: object) -> None:
        raise SmokeFailure(f"{title}: {message}")

    dialogs.show_error = fail  # type: ignore[assignment]
    dialogs.ask_recover = lambda *_a: False


def _drop_offscreen_noise() -> None:
    """The offscreen platform (CI, the smoke test) warns on every window it shows that it cannot
    pass size hints on; that says nothing about the app, and would hide a real warning."""

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if "does not support propagateSizeHints" not in message:
            category = context.category or "default"
            # Qt's own format: the category in front, unless it is the default one.
            print(message if category == "default" else f"{category}: {message}", file=sys.stderr)

    qInstallMessageHandler(handler)


def run_smoke(path: Path) -> int:
    """Open ``path`` in the real main window and render every page; one line on failure."""
    from veu_assess.ui import i18n
    from veu_assess.ui.fonts import register_japanese_font
    from veu_assess.ui.main_window import MainWindow

    app = configure_application()
    _no_dialogs()
    try:
        # As the real start-up does; a bundle without the font must fail here, not show boxes.
        if not register_japanese_font():
            raise SmokeFailure("the bundled Japanese font could not be loaded")
        catalog = default_catalog()
        window = MainWindow(catalog, UiSettings(), recovery=None, lang="en")
        _windows.append(window)
        window.files.open_now(path)
        window.show()
        for lang in LANGUAGES:
            i18n.install_language(lang)
            window.set_language(lang, remember=False)
            for index, page in enumerate(window.navigator.pages, 1):
                window.navigator.show_page(page)
                app.processEvents()
                if interrupt.requested():
                    raise SmokeInterrupted
                if page.grab().isNull() or window.grab().isNull():
                    raise SmokeFailure(f"page {index} ({page.page_title()}) did not render")
        window.hide()  # not close(): that would store the geometry in the user's settings
    except SmokeInterrupted:
        i18n.reset_language()
        return interrupt.EXIT_INTERRUPTED
    except Exception as exc:
        i18n.reset_language()
        known = isinstance(exc, SmokeFailure | VeuaError | OSError)  # their message says it all
        detail = str(exc) if known else f"{type(exc).__name__}: {exc}"
        print(f"smoke failed: {path.name}: {detail}".replace("\n", " "), file=sys.stderr)
        return 1
    i18n.reset_language()
    print(f"smoke ok: {path.name}: {len(window.navigator.pages)} pages rendered in English and Japanese")
    return 0


def _run_benchmark(app: QApplication, window: MainWindow, paths: list[Path], settled: bool) -> int:
    """bench/bench_startup.py: show the window (and the first file), note when it is ready, quit.

    Ready is the first turn of the event loop after the window (or the opened file) was shown:
    what showing posted (the paint) has run. A zero ``singleShot`` is a posted call, delivered
    before the navigator's timer that makes the later pages, so ``1`` measures the first window only.
    """
    ready: list[float] = []

    def note_ready() -> None:
        ready.append(time.monotonic())
        if not settled or window.navigator.pages.all_built():
            app.quit()

    def report() -> None:
        steps = ",".join(f"{t * 1000:.1f}" for t in window.navigator.build_times)
        print(f"veu-assess-bench ready={ready[0] if ready else 0:.6f} steps_ms={steps or '-'}")

    if settled:
        window.navigator.restBuilt.connect(lambda: app.quit() if ready else None)
    if paths:
        window.files.documentOpened.connect(lambda _path: QTimer.singleShot(0, note_ready))
        window.files.openFailed.connect(lambda _error: app.exit(1))
        window.show()
        window.files.open_path(paths[0])
    else:
        window.show()
        QTimer.singleShot(0, note_ready)
    code = app.exec()
    wait_for_all()
    report()
    return code


def run_app(files: list[str], smoke: str | None = None, review: bool = False) -> int:
    """The desktop app's entry point; returns the process exit code."""
    interrupt.install()  # launch_gui did already; run_app may be called on its own (tests)
    if smoke is not None:
        _drop_offscreen_noise()
        return run_smoke(Path(smoke))
    from veu_assess.ui import i18n
    from veu_assess.ui.file_open import open_files_from_the_system
    from veu_assess.ui.fonts import register_japanese_font
    from veu_assess.ui.main_window import MainWindow

    app = configure_application()
    register_japanese_font()
    lang = i18n.install_startup_language(app)
    app.setApplicationDisplayName(QCoreApplication.translate("app", "VEU Readiness Assessor"))
    install_excepthook()
    settings = UiSettings()
    try:
        catalog = default_catalog()
    except (CatalogError, FileNotFoundError) as exc:
        dialogs.show_error(None, QCoreApplication.translate("app", "The questionnaire cannot be loaded"), str(exc))
        return 1
    recovery = RecoveryManager()
    window = MainWindow(catalog, settings, recovery, lang=lang)
    _windows.append(window)
    window.fit_to_screen()  # a first start on a small screen: maximised, Back and Next in view
    bench = os.environ.get(EXIT_WHEN_READY, "")
    if bench in ("1", "settled"):
        return _run_benchmark(app, window, [Path(f) for f in files], settled=bench == "settled")
    window.show()
    _keep_python_awake(app)
    if interrupt.requested():  # Ctrl-C while the window was being built
        return interrupt.EXIT_INTERRUPTED
    # macOS hands Finder's "open this file" to the application, not to argv. Installed before the
    # recovery question (a nested event loop), holding what arrives until that is answered.
    opener = open_files_from_the_system(app, window.files, review, hold=True)
    window.offer_recovery()
    opener.release()
    paths = [Path(f) for f in files]
    if not paths:
        window.offer_welcome()  # once per user: new, open, or the sample
    if paths:
        window.files.open_path(paths[0], review=review)
    for path in paths[1:]:
        other = MainWindow(catalog, settings, recovery, lang=lang)
        _windows.append(other)
        other.show()
        other.files.open_path(path, review=review)
    code = app.exec()
    # Work still running (an export, evidence copied for recovery) ends before Python does: a
    # worker thread running Python code while the interpreter shuts down can crash it.
    wait_for_all()
    return code
