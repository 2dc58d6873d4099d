"""Command-line start-up: `--version`, `--help`, `score` and `validate` on the sample, against
`python -c pass` measured in the same run.

Each run is a fresh process (the user's experience: nothing is warm but the file cache). Prints the
median of N runs of each command and its ratio to the floor. The runs take turns (floor, then each
command, N rounds), so a load that comes and goes on a shared machine weighs on all of them alike.
Goals (issue 22): `--version` and `--help` within 3x the floor, `score` and `validate` within 5x.
Run by hand, never asserted:

    python bench/bench_cli.py [RUNS]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOALS = {"--version": 3.0, "--help": 3.0, "score": 5.0, "validate": 5.0}


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(runs: int) -> None:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # users run compiled modules; the warm-up writes them
    env["VEU_ASSESS_DATA_DIR"] = tempfile.mkdtemp(prefix="veu-bench-")
    env["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="veu-bench-cache-")
    sample = Path(tempfile.mkdtemp(prefix="veu-bench-sample-")) / "sample.veua"
    app = [sys.executable, "-m", "veu_assess"]
    subprocess.run([*app, "sample", "-o", str(sample)], env=env, check=True, stdout=subprocess.DEVNULL)
    commands = {
        "--version": [*app, "--version"],
        "--help": [*app, "--help"],
        "score": [*app, "score", str(sample)],
        "validate": [*app, "validate", str(sample)],
    }
    floor_cmd = [sys.executable, "-c", "pass"]
    for cmd in [floor_cmd, *commands.values()]:  # warm the file cache, .pyc files and catalog cache
        timed(cmd, env)
    times: dict[str, list[float]] = {name: [] for name in ["floor", *commands]}
    for _ in range(runs):
        times["floor"].append(timed(floor_cmd, env))
        for name, cmd in commands.items():
            times[name].append(timed(cmd, env))
    floor = statistics.median(times["floor"])
    print(f"runs: {runs}")
    print(f"python -c pass      : median {floor * 1000:6.0f} ms")
    for name in commands:
        t = statistics.median(times[name])
        verdict = "met" if t / floor <= GOALS[name] else "NOT met"
        print(f"veu-assess {name:<9}: median {t * 1000:6.0f} ms  ratio {t / floor:5.2f}  "
              f"(goal {GOALS[name]:.0f}x: {verdict})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
