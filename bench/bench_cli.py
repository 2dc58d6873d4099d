"""Command-line start-up: `--version`, `--help`, `score` and `validate` on the sample, against
`python -c pass` measured in the same run.

Each run is a fresh process (the user's experience: nothing is warm but the file cache). Prints the
median of N runs of each command and its ratio to the floor. The runs take turns (floor, then each
command, N rounds), so a load that comes and goes on a shared machine weighs on all of them alike.
Goals (issue 22): `--version` and `--help` within 3x the floor, `score` and `validate` within 5x.
Run by hand, never asserted:

    python bench/bench_cli.py [RUNS]

Below the goals it prints what parts of a start cost on their own, in the same run and as ratios
to the same floor: importing pydantic-core, pydantic's BaseModel and the assessment models (which
`score` and `validate` need to check the untrusted file), and every pydantic model `score` needs
(the assessment and review models that check the file; the catalog schema, legal statuses and
routes that the cached catalog is made of). They show how much of a goal the parts leave: `score`'s
median minus the last row's, over the floor, is about what a start without pydantic models would
take (the rest of the CLI's start shows as `--version`). The parts run with pydantic's plugin scan
turned off, as the CLI's entry point turns it off.
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
# The modules that define the pydantic models `score` builds (storage.reader's small Manifest model
# is left out: importing that module brings the zip reader, which a start without models needs too).
SCORE_MODELS = ("import veu_assess.model.assessment, veu_assess.model.review, veu_assess.catalog.schema, "
                "veu_assess.catalog.status, veu_assess.catalog.routes")


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(runs: int) -> None:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # users run compiled modules; the warm-up writes them
    env["VEU_ASSESS_DATA_DIR"] = tempfile.mkdtemp(prefix="veu-bench-")
    env["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="veu-bench-cache-")
    env["VEU_ASSESS_CACHE_DIR"] = env["XDG_CACHE_HOME"]  # private: no other checkout writes its key there
    # cli/entry.py sets this for the commands; the parts' bare imports would scan entry points.
    env.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
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
    parts = {
        "import pydantic_core": [sys.executable, "-c", "import pydantic_core"],
        "import pydantic.BaseModel": [sys.executable, "-c", "from pydantic import BaseModel"],
        "import the assessment models": [sys.executable, "-c", "import veu_assess.model.assessment"],
        "import every model of score": [sys.executable, "-c", SCORE_MODELS],
    }
    commands.update(parts)
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
        if name in parts:
            if name == next(iter(parts)):
                print("parts, on their own (no goals):")
            print(f"  {name:<28}: median {t * 1000:6.0f} ms  ratio {t / floor:5.2f}")
            continue
        verdict = "met" if t / floor <= GOALS[name] else "NOT met"
        print(f"veu-assess {name:<9}: median {t * 1000:6.0f} ms  ratio {t / floor:5.2f}  "
              f"(goal {GOALS[name]:.0f}x: {verdict})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
