"""Start-up time to the first usable window, against a bare PySide6 window started the same way.

Each run is a fresh process. The app quits as soon as its main window is shown and the event
loop is idle (``VEU_ASSESS_EXIT_WHEN_READY=1``); the baseline does the same with an empty
QMainWindow. Prints the median of N runs of each and the ratio. Run by hand, never asserted:

    QT_QPA_PLATFORM=offscreen python bench/bench_startup.py [RUNS]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1200, 800)
w.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""

APP = [sys.executable, "-m", "veu_assess", "gui"]


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(runs: int) -> None:
    env = {**os.environ, "VEU_ASSESS_EXIT_WHEN_READY": "1"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Users run compiled modules (pip writes .pyc at install, the frozen app ships them). With
    # PYTHONDONTWRITEBYTECODE set (as on CI machines) every run would compile ~70 modules from
    # source, ~50 ms the user never pays; the warm-up runs below write the caches.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # A private data folder and settings so the benchmark never offers recovery or reads user state.
    env["VEU_ASSESS_DATA_DIR"] = tempfile.mkdtemp(prefix="veu-bench-")
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="veu-bench-config-")
    # A private catalog cache, warmed below: in the user's cache folder another checkout or version
    # (another worktree, a test run) writes its own key there in between, and a run that finds
    # another key does a full load of forms/ (about 0.5 s more) -- a figure of the machine's
    # traffic, not of a user's start.
    env["VEU_ASSESS_CACHE_DIR"] = tempfile.mkdtemp(prefix="veu-bench-cache-")
    timed([sys.executable, "-c", BARE], env)  # warm the file cache once for both
    timed(APP, env)
    bare: list[float] = []
    app: list[float] = []
    for _ in range(runs):  # taking turns: a load that comes and goes on a shared machine weighs on both
        bare.append(timed([sys.executable, "-c", BARE], env))
        app.append(timed(APP, env))
    mb, ma = statistics.median(bare), statistics.median(app)
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {runs}")
    print(f"bare PySide6 window : median {mb * 1000:7.0f} ms  (min {min(bare) * 1000:.0f}, max {max(bare) * 1000:.0f})")
    print(f"VEU Readiness app   : median {ma * 1000:7.0f} ms  (min {min(app) * 1000:.0f}, max {max(app) * 1000:.0f})")
    print(f"ratio app / bare    : {ma / mb:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
