"""Drive the real app under Xvfb with the keyboard only: a new assessment from the profile to an
exported PDF, at 1024×700 (or ``--size``), in English or Japanese (``--lang``).

    python tools/drive_keyboard.py OUT_DIR [--size 1024x700] [--lang en] [--display :87]

Needs Xvfb, openbox, xdotool, ImageMagick's ``import`` and poppler's ``pdftoppm`` (Debian
packages; see .ci/run). Nothing here touches the mouse: every step is a key press sent with
xdotool to the focused window, as a person at the keyboard would press it.

To report where the focus went, the app is started through a small wrapper that logs Qt's
``focusChanged`` (class, accessible name, text) to OUT_DIR/focus.log; the product is unchanged.
Each step's focus and a screenshot go to OUT_DIR (``transcript.txt``, ``NN-step.png``); the
exported PDF's pages to ``pdf-N.png``. Problems (focus not where a person expects it, no way on
by keyboard) are listed at the end of the transcript and make the exit code 1.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Runs inside the app's process: logs each focus change as one tab-separated line.
PROBE = r"""
import sys
from pathlib import Path
import veu_assess.ui.app as app_module

LOG = Path(sys.argv[1])
_configure = app_module.configure_application


def _describe(widget):
    if widget is None:
        return "None"
    text = ""
    for getter in ("text", "currentText", "title", "windowTitle"):
        if hasattr(widget, getter):
            try:
                text = str(getattr(widget, getter)())
            except TypeError:
                continue
            if text:
                break
    name = widget.accessibleName() or ""
    window = widget.window().windowTitle() if widget.window() is not None else ""
    return "\t".join((type(widget).__name__, name.replace("\n", " "), text.replace("\n", " ")[:80], window))


def configure(*args, **kwargs):
    app = _configure(*args, **kwargs)
    LOG.write_text("", encoding="utf-8")
    def changed(_old, new):
        with LOG.open("a", encoding="utf-8") as f:
            f.write(_describe(new) + "\n")
    app.focusChanged.connect(changed)
    return app


app_module.configure_application = configure
from veu_assess.cli.main import run
sys.exit(run(["gui"]))
"""


class Driver:
    def __init__(self, out: Path, display: str, size: str, lang: str) -> None:
        self.out, self.display, self.size, self.lang = out, display, size, lang
        self.home = Path(tempfile.mkdtemp(prefix="veu-drive-"))
        self.env = {**os.environ, "DISPLAY": display, "HOME": str(self.home),
                    "XDG_CONFIG_HOME": str(self.home / ".config"), "VEU_ASSESS_DATA_DIR": str(self.home / "data"),
                    "LANG": "ja_JP.UTF-8" if lang == "ja" else "en_US.UTF-8", "QT_QPA_PLATFORM": "xcb"}
        self.env.pop("QT_SCALE_FACTOR", None)
        self.focus_log = out / "focus.log"
        self.procs: list[subprocess.Popen[bytes]] = []
        self.step = 0
        self.transcript: list[str] = []
        self.problems: list[str] = []

    # --- processes ---------------------------------------------------------------------
    def start(self) -> None:
        self.procs.append(subprocess.Popen(["Xvfb", self.display, "-screen", "0", f"{self.size}x24", "-nolisten",
                                            "tcp"], stderr=subprocess.DEVNULL))
        time.sleep(1.5)
        self.procs.append(subprocess.Popen(["openbox"], env=self.env, stderr=subprocess.DEVNULL))
        time.sleep(1.0)
        probe = self.home / "probe.py"
        probe.write_text(PROBE, encoding="utf-8")
        log = (self.out / "app.log").open("wb")
        self.procs.append(subprocess.Popen([sys.executable, str(probe), str(self.focus_log)], env=self.env,
                                           cwd=str(REPO), stdout=log, stderr=subprocess.STDOUT))
        self.wait_for(lambda: self.window_id() is not None, 60, "the main window")
        time.sleep(2.0)

    def stop(self) -> None:
        for proc in reversed(self.procs):  # only the processes this driver started
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(self.home, ignore_errors=True)

    def window_id(self) -> str | None:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "VEU|準備状況"], env=self.env,
                               capture_output=True, text=True).stdout.split()
        return found[-1] if found else None

    def window_title(self) -> str:
        """The title of the active window, as the window manager shows it."""
        return subprocess.run(["xdotool", "getactivewindow", "getwindowname"], env=self.env,
                              capture_output=True, text=True).stdout.strip()

    def wait_for(self, condition: object, seconds: float, what: str) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if condition():  # type: ignore[operator]
                return True
            time.sleep(0.3)
        self.problem(f"waited {seconds:g} s for {what}")
        return False

    # --- keys, focus, screenshots --------------------------------------------------------
    def key(self, *keys: str, pause: float = 0.5) -> str:
        subprocess.run(["xdotool", "key", "--delay", "90", *keys], env=self.env, check=True)
        time.sleep(pause)
        return self.focus()

    def type(self, text: str, pause: float = 0.5) -> str:
        subprocess.run(["xdotool", "type", "--delay", "40", text], env=self.env, check=True)
        time.sleep(pause)
        return self.focus()

    def focus(self) -> str:
        lines = self.focus_log.read_text(encoding="utf-8").splitlines() if self.focus_log.exists() else []
        return lines[-1] if lines else ""

    def shot(self, name: str) -> Path:
        self.step += 1
        path = self.out / f"{self.step:02d}-{name}.png"
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, check=True)
        return path

    def note(self, what: str) -> None:
        line = f"{what}\n    focus: {self.focus()}"
        self.transcript.append(line)
        print(line, flush=True)

    def problem(self, what: str) -> None:
        self.problems.append(what)
        self.transcript.append(f"PROBLEM: {what}")
        print(f"PROBLEM: {what}", flush=True)

    def expect(self, fragment: str, what: str) -> bool:
        """The focus should now be on a widget whose description contains ``fragment``."""
        if fragment.lower() in self.focus().lower():
            return True
        self.problem(f"{what}: expected focus on {fragment!r}, found {self.focus()!r}")
        return False

    def tab_to(self, fragment: str, limit: int = 60, back: bool = False) -> bool:
        """Press Tab (or Shift+Tab) until the focus is on ``fragment``; False when never."""
        seen: list[str] = []
        for _ in range(limit):
            focus = self.key("shift+Tab" if back else "Tab", pause=0.25)
            if fragment.lower() in focus.lower():
                return True
            seen.append(focus)
        self.problem(f"{limit} × {'Shift+' if back else ''}Tab never reached {fragment!r} "
                     f"(last: {seen[-3:]})")
        return False

    def write(self) -> None:
        text = "\n".join(self.transcript)
        text += "\n\nProblems:\n" + ("\n".join(f"- {p}" for p in self.problems) or "- none")
        (self.out / "transcript.txt").write_text(text + "\n", encoding="utf-8")


def run_flow(d: Driver, pdf: Path, pages: int = 40) -> None:
    """The keyboard walk. Each step says what a person would press and why."""
    d.note("start: the window is up")
    d.shot("start")
    if d.focus().endswith(("\tWelcome", "\tはじめに")):
        # First run: the welcome offers new / open / the sample; its default is a new assessment.
        d.key("Return", pause=1.0)
        d.note("the welcome: Enter starts a new assessment")
    # The profile: Alt+L is the applicant name's mnemonic.
    d.key("alt+l")
    d.expect("LineEdit", "Alt+L (Applicant name)")
    d.type("Keyboard Test K.K.")
    d.key("shift+Tab")
    d.note("Shift+Tab from the applicant name")
    d.key("shift+Tab")
    d.note("Shift+Tab again (the title, above the date)")
    d.type("Keyboard-only run")
    d.shot("profile-title")
    d.key("alt+u")  # Destination country
    d.expect("ComboBox", "Alt+U (destination country)")
    d.type("Japan")
    d.note("typed 'Japan' into the destination country")
    d.key("alt+q")  # parent headquartered in
    d.type("Japan")
    d.note("typed 'Japan' into the parent's headquarters")
    for mnemonic in ("alt+c", "alt+m", "alt+w"):
        d.key(mnemonic)
        d.type("N")  # "No"
        d.note(f"{mnemonic}: typed N (No)")
    d.shot("profile-flags")
    d.key("alt+a")  # Add site
    d.note("Alt+A: add a site")
    d.type("tokyo-1")
    d.key("Tab")
    d.note("Tab after the site id")
    d.type("Tokyo 1")
    d.key("Tab")
    d.note("Tab after the site name")
    d.type("1-1 Otemachi, Tokyo")
    d.key("Tab")
    d.note("Tab after the address")
    d.type("Japan")
    d.shot("profile-site")
    # Every section: Tab through the page; on each unanswered item's answer, Right = Met.
    for page in range(pages):
        d.key("alt+n")  # Next >
        d.note(f"Alt+N: page {page + 1}")
        if page == 0:
            d.shot("first-section")
        if "Report" in d.focus() or "報告書" in d.focus() or not answer_page(d):
            break
    d.shot("last-page")
    # File > Export > PDF report… (Alt+F, E, P), then the file dialog: type the path, Enter.
    d.key("alt+f")
    d.key("e")
    d.key("p", pause=1.5)
    d.note("Alt+F, E, P: the export dialog")
    d.shot("export-dialog")
    d.key("ctrl+a")
    d.type(str(pdf))
    d.key("Return", pause=1.0)
    d.note("typed the PDF path, Enter")
    if not d.wait_for(lambda: pdf.is_file() and pdf.stat().st_size > 0, 120, f"the PDF {pdf}"):
        d.shot("no-pdf")
        return
    time.sleep(2.0)
    d.shot("exported")
    d.note("the PDF was written")
    # Tools > Accelerator classification (Alt+T, C): its title, as the window manager shows it.
    d.key("alt+t")
    d.key("c", pause=1.5)
    title = d.window_title()
    d.note(f"Alt+T, C: the TPP calculator, titled {title!r}")
    d.shot("tpp")
    d.key("Escape")


def answer_page(d: Driver) -> bool:
    """Answer Met on every unanswered item of the page shown; False when Tab finds no way on."""
    answered = 0
    previous = ""
    seen: list[str] = []
    for _ in range(400):
        focus = d.key("Tab", pause=0.2)
        if focus in seen[:1] and any(("\tPrevious page\t" in f or "\t前のページ\t" in f) for f in seen):
            # Round the whole page and past Back without meeting Next: Next is disabled, the last page.
            d.note(f"page done by Tab: {answered} answered; Tab went round it (Next is disabled: the last page)")
            return False
        seen.append(focus)
        if focus.startswith("QRadioButton") and ("\tNot answered —" in focus or "\t未回答 —" in focus):
            focus = d.key("Right", pause=0.3)
            answered += 1
            if "Met —" not in focus and "充足 —" not in focus:
                d.problem(f"Right from 'Not answered' went to {focus!r}")
        if focus.startswith("QPushButton") and ("Next >" in focus or "次へ" in focus):
            d.note(f"page done by Tab: {answered} answered, reached Next")
            return True
        if focus == previous and focus.startswith("QRadioButton") is False and "Text" not in focus:
            d.problem(f"Tab kept the focus on {focus!r}")
            return False
        previous = focus
    d.problem("400 × Tab on one page never reached Next")
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="1024x700")
    parser.add_argument("--lang", choices=("en", "ja"), default="en")
    parser.add_argument("--display", default=":87")
    parser.add_argument("--pages", type=int, default=40, help="answer at most this many section pages")
    args = parser.parse_args()
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    driver = Driver(out, args.display, args.size, args.lang)
    pdf = out / "keyboard-run.pdf"
    pdf.unlink(missing_ok=True)
    try:
        driver.start()
        run_flow(driver, pdf, args.pages)
    finally:
        driver.write()
        driver.stop()
    if pdf.is_file():
        subprocess.run(["pdftoppm", "-r", "50", "-png", "-l", "4", str(pdf), str(out / "pdf")], check=False)
    return 1 if driver.problems or not pdf.is_file() else 0


if __name__ == "__main__":
    sys.exit(main())
