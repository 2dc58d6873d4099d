"""Smoke-test the frozen app the way a user's machine runs it, on Linux, Windows and macOS.

    python packaging/smoke_test.py                      # the bundle in dist/veu-assess/
    python packaging/smoke_test.py PATH/TO/veu-assess   # another executable: an unpacked tarball,
                                                        # the installed veu-assess.exe, the .app's
                                                        # Contents/MacOS/veu-assess on a mounted .dmg
    python packaging/smoke_test.py --deb [FILE.deb]     # Linux, as root: install the .deb, check the
                                                        # installed files and databases, test
                                                        # /usr/bin/veu-assess, purge, check nothing
                                                        # is left (packaging/smoke_deb.py)

Steps (a non-zero exit or unexpected output on stderr fails the test):
    veu-assess --version                     start-up time (best of 3)
    veu-assess sample -o s.veua              the bundled sample is there
    veu-assess validate s.veua               the storage layer reads it
    veu-assess keys new / signoff add / verify / report --sign   signing works in the bundle
    veu-assess report s.veua -o en.pdf --lang en   and --lang ja: templates, fonts, reportlab
    veu-assess gui --smoke s.veua            every GUI page renders (offscreen platform)
    veu-assess-gui.exe --smoke s.veua        Windows: the windowed executable too, when it is there
Then start-up figures: --version, --help, score and validate as ratios to a frozen program that
only prints a line (packaging/floor.py; build-linux freezes it), medians of 7 runs.

Every command runs in a clean environment: no virtual environment, a system PATH, a temporary
home folder (and on Windows temporary %APPDATA%/%LOCALAPPDATA%), a UTF-8 locale and
QT_QPA_PLATFORM=offscreen; on Linux inside ``unshare -n`` (no network) where the kernel allows it.
Only the standard library is used, so any Python 3.11+ runs this: the frozen app needs none.

``packaging/smoke-test`` (bash) runs this script; the release workflow runs it on all three OSes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import datafiles  # packaging/, next to this script (sys.path[0] when run as a script)

# stderr lines that are expected, each with its reason; everything else on stderr fails a step.
# - Qt's offscreen platform plugin does not implement QWindow size-hint propagation and says so
#   whenever a window is shown; on a real display (xcb, wayland) the message never appears.
EXPECTED_STDERR = re.compile(r"^This plugin does not support propagateSizeHints\(\)$")
STARTUP_RUNS = 3


@dataclass
class Figure:
    """One row of the timings table. Other measurements (e.g. a ratio to a frozen hello-world)
    are added with ``Report.figure``, and print in the same table."""

    measure: str
    value: str
    note: str = ""


@dataclass
class Report:
    failures: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

    def fail(self, message: str) -> None:
        print(f"FAIL: {message}", file=sys.stderr, flush=True)
        self.failures.append(message)

    def figure(self, measure: str, value: str, note: str = "") -> None:
        self.figures.append(Figure(measure, value, note))

    def table(self) -> str:
        rows = [("measure", "result", "note"), *((f.measure, f.value, f.note) for f in self.figures)]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        lines = ["| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) + " |" for row in rows]
        lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
        return "\n".join(lines)


def clean_env(home: Path, platform: str = sys.platform, system_root: str | None = None) -> dict[str, str]:
    """The environment every step runs in: what a fresh login has, nothing of this Python's."""
    env = {"HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    if platform == "win32":
        root = system_root or os.environ.get("SYSTEMROOT", r"C:\Windows")
        for name in ("AppData/Roaming", "AppData/Local", "Temp"):
            (home / name).mkdir(parents=True, exist_ok=True)
        env.update(
            SYSTEMROOT=root,  # Windows' own DLLs and Python's random/socket modules need it
            PATH=f"{root}\\system32;{root}",
            USERPROFILE=str(home),
            APPDATA=str(home / "AppData" / "Roaming"),
            LOCALAPPDATA=str(home / "AppData" / "Local"),
            TEMP=str(home / "Temp"),
            TMP=str(home / "Temp"),
        )
    else:
        # macOS has no C.UTF-8 locale before macOS 13; en_US.UTF-8 exists on every version.
        env.update(PATH="/usr/bin:/bin", LANG="en_US.UTF-8" if platform == "darwin" else "C.UTF-8")
    return env


def isolation(platform: str = sys.platform) -> list[str]:
    """A command prefix that cuts the network (Linux network namespaces), or [] with a note."""
    if platform.startswith("linux") and shutil.which("unshare"):
        for prefix in (["unshare", "-n"], ["unshare", "-rn"]):  # root; else via a user namespace
            if subprocess.run([*prefix, "true"], capture_output=True).returncode == 0:
                return prefix
    print("note: cannot cut the network here (Linux `unshare -n` only); running WITH network access")
    return []


def unexpected_stderr(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip() and not EXPECTED_STDERR.match(line)]


def pdf_problem(path: Path) -> str | None:
    """A complete PDF with an embedded TrueType font (reportlab's built-in fonts are never
    embedded, so this shows the bundled fonts/ folder was found and used)."""
    data = path.read_bytes() if path.is_file() else b""
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        return f"{path.name} is not a complete PDF"
    if b"/FontFile2" not in data:
        return f"{path.name} embeds no TrueType font (bundled fonts missing?)"
    return None


class Runner:
    """Runs steps in the clean environment inside ``work``; records failures in ``report``."""

    def __init__(self, work: Path, report: Report, prefix: Sequence[str] = ()) -> None:
        self.work, self.report, self.prefix = work, report, list(prefix)
        home = work / "home"
        home.mkdir(parents=True, exist_ok=True)
        self.env = clean_env(home)
        self.stdout = ""

    def run(self, label: str, *command: str | Path, timeout: float = 300,
            extra_env: dict[str, str] | None = None) -> float | None:
        """Seconds the step took, or None when it failed."""
        t0 = time.perf_counter()
        env = {**self.env, **(extra_env or {})}
        try:
            done = subprocess.run([*self.prefix, *map(str, command)], cwd=self.work, env=env,
                                  capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
            rc, out, err = done.returncode, done.stdout, done.stderr
        except subprocess.TimeoutExpired as exc:
            rc, out, err = f"timeout after {timeout:.0f} s", exc.stdout or b"", exc.stderr or b""
        seconds = time.perf_counter() - t0
        self.stdout = out.decode("utf-8", "replace")
        bad = unexpected_stderr(err.decode("utf-8", "replace"))
        if rc != 0 or bad:
            self.report.fail(f"{label} (exit {rc}, {seconds:.2f} s)")
            for line in self.stdout.splitlines()[-5:]:
                print(f"    stdout: {line}", file=sys.stderr)
            for line in bad[-20:]:
                print(f"    stderr: {line}", file=sys.stderr)
            return None
        print(f"ok   {label} ({seconds:.2f} s)", flush=True)
        return seconds


def smoke_steps(binary: Path, runner: Runner, version: str) -> None:
    """The steps, in order; each adds to the runner's report."""
    report = runner.report
    times = [t for _ in range(STARTUP_RUNS) if (t := runner.run("--version", binary, "--version")) is not None]
    if version not in runner.stdout:
        report.fail(f"--version did not print {version}: {runner.stdout.strip()!r}")
    report.figure(f"{binary.name} --version", f"{min(times):.2f} s" if times else "?",
                  f"best of {STARTUP_RUNS}")

    sample = runner.work / "s.veua"
    if runner.run("sample -o s.veua", binary, "sample", "-o", "s.veua") is not None and not sample.is_file():
        report.fail("s.veua was not written")
    runner.run("validate s.veua", binary, "validate", "s.veua")
    for lang in ("en", "ja"):
        label = f"report s.veua -o {lang}.pdf --lang {lang}"
        if runner.run(label, binary, "report", "s.veua", "-o", f"{lang}.pdf", "--lang", lang) is not None:
            problem = pdf_problem(runner.work / f"{lang}.pdf")
            if problem:
                report.fail(problem)
    signing_steps(binary, runner)
    gui = runner.run("gui --smoke s.veua (offscreen)", binary, "gui", "--smoke", "s.veua")
    report.figure("gui --smoke s.veua", f"{gui:.2f} s" if gui is not None else "-", "every page, en and ja")

    # Windows: the windowed executable the Start menu and the .veua association start.
    windowed = binary.with_name(f"{binary.stem}-gui{binary.suffix}")
    if binary.suffix.lower() == ".exe" and windowed.is_file():
        runner.run(f"{windowed.name} --smoke s.veua (offscreen)", windowed, "--smoke", "s.veua")


def signing_steps(binary: Path, runner: Runner) -> None:
    """cryptography and pyHanko are in the bundle and sign and verify; the passphrase comes from
    the environment, as an auditor's batch job would give it."""
    passphrase = {"VEU_SMOKE_PP": "smoke-test-passphrase"}
    from_env = ("--passphrase-env", "VEU_SMOKE_PP")
    runner.run("keys new", binary, "keys", "new", "--name", "Smoke Test", "-o", "smoke.p12", *from_env,
               extra_env=passphrase)
    runner.run("signoff add", binary, "signoff", "add", "s.veua", "--key", "smoke.p12", *from_env,
               "--role", "auditor", "--statement", "Smoke test.", extra_env=passphrase)
    if runner.run("verify s.veua", binary, "verify", "s.veua") is not None \
            and "valid, signer not confirmed" not in runner.stdout:
        runner.report.fail(f"verify did not report the signature valid: {runner.stdout.strip()!r}")
    if runner.run("report --sign", binary, "report", "s.veua", "-o", "signed.pdf", "--sign", "smoke.p12",
                  *from_env, extra_env=passphrase) is not None:
        problem = pdf_problem(runner.work / "signed.pdf")
        if problem:
            runner.report.fail(problem)


# Start-up against a frozen program that only prints a line (packaging/floor.py, frozen by
# build-linux into build/floor/floor/), medians of 7 runs in the same clean environment. The goals:
# --version and --help within 3x, score and validate within 5x. Figures only; nothing here fails.
RATIO_RUNS = 7
# score and validate read the sample as shipped (a fresh copy): s.veua carries the signed sign-off the
# signing steps added, and validating it verifies a CMS signature (pyHanko and cryptography load),
# which is timed on its own row, without a goal.
RATIO_GOALS = ((("--version",), 3), (("--help",), 3), (("score", "sample.veua"), 5), (("validate", "sample.veua"), 5))
SIGNED_ROW = ("validate", "s.veua")


def frozen_floor(platform: str = sys.platform) -> Path:
    return datafiles.REPO_DIR / "build" / "floor" / "floor" / ("floor.exe" if platform == "win32" else "floor")


def median_seconds(runner: Runner, *command: str | Path) -> float:
    """Median wall time of ``command`` in the runner's clean environment (its exit code ignored)."""
    times = []
    for _ in range(RATIO_RUNS):
        t0 = time.perf_counter()
        subprocess.run([*runner.prefix, *map(str, command)], cwd=runner.work, env=runner.env,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=300, check=False)
        times.append(time.perf_counter() - t0)
    return sorted(times)[len(times) // 2]


def ratio_figures(binary: Path, runner: Runner, floor: Path) -> None:
    """The ratio rows of the timings table (or one row saying why there are none)."""
    if not (floor.is_file() and os.access(floor, os.X_OK)):
        runner.report.figure("start-up ratios", "-", f"no frozen floor at {floor} (packaging/build-linux freezes it)")
        return
    floor_s = median_seconds(runner, floor)
    runner.report.figure("frozen floor (prints one line)", f"{floor_s * 1000:.0f} ms", f"median of {RATIO_RUNS}")
    subprocess.run([*runner.prefix, str(binary), "sample", "-o", "sample.veua", "--force"], cwd=runner.work,
                   env=runner.env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=300, check=False)
    rows: list[tuple[tuple[str, ...], int | None]] = [*RATIO_GOALS, (SIGNED_ROW, None)]
    for args, goal in rows:
        seconds = median_seconds(runner, binary, *args)
        ratio = seconds / floor_s
        note = (f"goal {goal}x: {'met' if ratio <= goal else 'NOT met'}" if goal is not None
                else "signed sign-off: verifies its CMS signature; no goal")
        runner.report.figure(f"{binary.name} {' '.join(args)}", f"{seconds * 1000:.0f} ms, ratio {ratio:.2f}", note)


def default_binary(name: str, platform: str = sys.platform) -> Path:
    return datafiles.REPO_DIR / "dist" / name / (f"{name}.exe" if platform == "win32" else name)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", nargs="?", type=Path, help="the executable to test (default: the bundle in dist/)")
    parser.add_argument("--deb", nargs="?", const="", metavar="FILE.deb",
                        help="Linux, as root: install the .deb (default: the newest in dist/), test, purge")
    args = parser.parse_args(argv)
    project = datafiles.project()
    report = Report()
    with tempfile.TemporaryDirectory(prefix="veu-smoke.") as tmp:
        work = Path(tmp)
        deb = None
        if args.deb is not None:
            import smoke_deb

            deb = smoke_deb.find_deb(args.deb, project.name)
            if deb is None:
                return 1
            smoke_deb.install(deb, project.name, work, report)
            binary = Path("/usr/bin") / project.name
        else:
            binary = args.binary or default_binary(project.name)
        if not (binary.is_file() and os.access(binary, os.X_OK)):
            print(f"smoke-test: {binary} is not an executable (build the bundle first)", file=sys.stderr)
            return 1
        binary = Path(os.path.abspath(binary))  # the steps run in the work folder
        print(f"Smoke-testing {binary} ({project.name} {project.version})", flush=True)
        runner = Runner(work, report, isolation())
        smoke_steps(binary, runner, project.version)
        ratio_figures(binary, runner, frozen_floor())
        print("== start-up figures ==")
        print(report.table(), flush=True)
        if deb is not None:
            import smoke_deb

            smoke_deb.purge(project.name, work, report)
    if report.failures:
        print(f"smoke-test: {len(report.failures)} check(s) failed", file=sys.stderr)
        return 1
    print("smoke-test: all steps passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
