"""Start-up time to the first usable window, against a bare PySide6 window started the same way.

Each run is a fresh process. The app notes when its main window is shown and the event loop has
run once (``VEU_ASSESS_EXIT_WHEN_READY=1``: the paint that showing posted is done; with FILE, once
that file is open and shown) and quits; the baseline does the same with an empty QMainWindow.
Both print that moment (``time.monotonic``, one clock for all processes), so two figures come out:

- to ready: from starting the process to the window being ready -- what the user waits for;
- whole process: start to exit, which adds tearing down (Python's and Qt's) that nobody waits for.

Then a few runs with ``VEU_ASSESS_EXIT_WHEN_READY=settled``: the app waits until the pages it makes
after the window shows exist and says how long each took; each one blocks the event loop for
that long (input typed meanwhile waits), so the longest is the worst stall after the window shows.

Prints medians of N runs of each and the ratios. Run by hand, never asserted:

    QT_QPA_PLATFORM=offscreen python bench/bench_startup.py [RUNS] [FILE]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1200, 800)
w.show()
ready = []
QTimer.singleShot(0, lambda: (ready.append(time.monotonic()), app.quit()))
app.exec()
print(f"veu-assess-bench ready={ready[0]:.6f} steps_ms=-")
"""

APP = [sys.executable, "-m", "veu_assess", "gui"]


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, list[float]]:
    """(to ready, whole process, the later pages' times in ms) of one run of ``cmd``."""
    start = time.monotonic()
    out = subprocess.run(cmd, env=env, check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    end = time.monotonic()
    line = next(x for x in out.stdout.splitlines() if x.startswith("veu-assess-bench "))
    fields = dict(part.split("=", 1) for part in line.split()[1:])
    steps = [] if fields["steps_ms"] == "-" else [float(x) for x in fields["steps_ms"].split(",")]
    return float(fields["ready"]) - start, end - start, steps


def main(runs: int, file: str | None) -> None:
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
    app_cmd = APP + ([file] if file else [])
    bare_cmd = [sys.executable, "-c", BARE]
    timed(bare_cmd, env)  # warm the file cache once for both
    timed(app_cmd, env)
    bare: list[tuple[float, float, list[float]]] = []
    app: list[tuple[float, float, list[float]]] = []
    for _ in range(runs):  # taking turns: a load that comes and goes on a shared machine weighs on both
        bare.append(timed(bare_cmd, env))
        app.append(timed(app_cmd, env))
    settled_env = {**env, "VEU_ASSESS_EXIT_WHEN_READY": "settled"}
    later = [timed(app_cmd, settled_env)[2] for _ in range(max(3, runs // 2))]

    def ms(values: list[float]) -> str:
        low, high = min(values) * 1000, max(values) * 1000
        return f"median {statistics.median(values) * 1000:6.0f} ms  (min {low:.0f}, max {high:.0f})"

    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {runs}, file: {file or '(none: a new assessment)'}")
    for index, name in ((0, "to ready"), (1, "whole process")):
        b, a = [r[index] for r in bare], [r[index] for r in app]
        print(f"{name}:")
        print(f"  bare PySide6 window : {ms(b)}")
        print(f"  VEU Readiness app   : {ms(a)}")
        print(f"  ratio app / bare    : {statistics.median(a) / statistics.median(b):.2f}")
    longest = [max(steps, default=0.0) for steps in later]
    print(f"pages made after the window shows ({len(later)} settled runs): "
          f"{statistics.median([len(s) for s in later]):.0f} steps, each blocking the event loop; "
          f"longest median {statistics.median(longest):.0f} ms (max {max(longest):.0f} ms); all: {later}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7, sys.argv[2] if len(sys.argv) > 2 else None)
