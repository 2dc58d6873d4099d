"""packaging/smoke_test.py, the smoke test the three OSes share: its decisions, and a whole run
against a stand-in executable (a Python script) that behaves well or badly in chosen ways."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging"))
import check_tag  # noqa: E402
import datafiles  # noqa: E402
import smoke_test  # noqa: E402

VERSION = datafiles.project().version


def test_only_the_offscreen_size_hint_line_is_expected_on_stderr() -> None:
    err = "This plugin does not support propagateSizeHints()\n\nQt: something broke\n"
    assert smoke_test.unexpected_stderr(err) == ["Qt: something broke"]
    assert smoke_test.unexpected_stderr("This plugin does not support propagateSizeHints()\n") == []


def test_pdf_checks(tmp_path: Path) -> None:
    good = tmp_path / "good.pdf"
    good.write_bytes(b"%PDF-1.4\n/FontFile2 1 0 R\n%%EOF\n")
    assert smoke_test.pdf_problem(good) is None
    no_font = tmp_path / "nofont.pdf"
    no_font.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert "embeds no TrueType font" in (smoke_test.pdf_problem(no_font) or "")
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(b"%PDF-1.4\n/FontFile2")
    assert "not a complete PDF" in (smoke_test.pdf_problem(cut) or "")
    assert "not a complete PDF" in (smoke_test.pdf_problem(tmp_path / "missing.pdf") or "")


def test_clean_environment_per_platform(tmp_path: Path) -> None:
    linux = smoke_test.clean_env(tmp_path / "l", platform="linux")
    assert linux == {"HOME": str(tmp_path / "l"), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                     "LANG": "C.UTF-8"}
    assert smoke_test.clean_env(tmp_path / "m", platform="darwin")["LANG"] == "en_US.UTF-8"
    win = smoke_test.clean_env(tmp_path / "w", platform="win32", system_root=r"C:\Windows")
    # What Windows programs need to start (SYSTEMROOT) and where the app keeps its data
    # (%LOCALAPPDATA%), all inside the temporary home; nothing of this machine's environment.
    assert win["SYSTEMROOT"] == r"C:\Windows" and win["PATH"] == r"C:\Windows\system32;C:\Windows"
    assert win["USERPROFILE"] == str(tmp_path / "w")
    assert win["LOCALAPPDATA"] == str(tmp_path / "w" / "AppData" / "Local")
    assert Path(win["LOCALAPPDATA"]).is_dir() and Path(win["TEMP"]).is_dir()
    assert "VIRTUAL_ENV" not in win and "PYTHONPATH" not in linux


def test_timings_table_takes_more_rows() -> None:
    report = smoke_test.Report()
    report.figure("veu-assess --version", "0.23 s", "best of 3")
    report.figure("frozen app / frozen hello-world", "1.9×")  # the kind of row issue 22 adds
    lines = report.table().splitlines()
    assert lines[0].startswith("| measure") and set(lines[1]) <= {"|", "-"}
    assert "| veu-assess --version" in lines[2] and "1.9×" in lines[3]
    assert len({len(line) for line in lines}) == 1  # aligned columns


def test_release_tag_must_match_the_version() -> None:
    assert check_tag.tag_problem(f"v{VERSION}", VERSION) is None
    assert check_tag.tag_problem(VERSION, VERSION) is not None
    assert check_tag.tag_problem("v9.9.9", VERSION) is not None


FAKE_APP = """#!{python}
import sys
args = sys.argv[1:]
mode = {mode!r}
if args == ["--version"]:
    print("veu-assess {version}")
elif args[0] == "sample":
    open(args[2], "w").write("{{}}")
elif args[0] == "report":
    open(args[3], "wb").write(b"%PDF-1.4\\n/FontFile2\\n%%EOF\\n" if mode != "no-font" else b"%PDF-1.4\\n%%EOF\\n")
elif args[0] == "verify":
    print("sign-off 1: " + ("invalid (the signature does not match)" if mode == "bad-signature"
                            else "valid, signer not confirmed"))
elif args[0] == "gui":
    print("This plugin does not support propagateSizeHints()", file=sys.stderr)
    if mode == "gui-warns":
        print("qt.qpa.fonts: cannot find font", file=sys.stderr)
"""


def fake_app(tmp_path: Path, mode: str) -> Path:
    path = tmp_path / "veu-assess"
    path.write_text(FAKE_APP.format(python=sys.executable, mode=mode, version=VERSION))
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in is a script with a #! line")
@pytest.mark.parametrize(("mode", "passes"), [("good", True), ("no-font", False), ("gui-warns", False),
                                                ("bad-signature", False)])
def test_a_whole_run(tmp_path: Path, capsys: pytest.CaptureFixture[str], mode: str, passes: bool) -> None:
    assert smoke_test.main([str(fake_app(tmp_path, mode))]) == (0 if passes else 1)
    out, err = capsys.readouterr()
    assert "== start-up figures ==" in out and "| veu-assess --version" in out
    if passes:
        assert "smoke-test: all steps passed" in out and err == ""
    else:
        assert "check(s) failed" in err
    if mode == "gui-warns":
        assert "stderr: qt.qpa.fonts: cannot find font" in err


def test_not_an_executable_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nothing"
    assert smoke_test.main([str(missing)]) == 1
    assert "is not an executable" in capsys.readouterr().err
    assert not os.path.exists(missing)


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in is a script with a #! line")
def test_start_up_ratio_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 22's frozen-floor ratios are rows of the same table; they never fail the test."""
    monkeypatch.setattr(smoke_test, "RATIO_RUNS", 1)
    report = smoke_test.Report()
    runner = smoke_test.Runner(tmp_path, report)
    app = fake_app(tmp_path, "good")
    smoke_test.ratio_figures(app, runner, tmp_path / "no-floor")
    assert [f.measure for f in report.figures] == ["start-up ratios"] and "no frozen floor" in report.figures[0].note
    report.figures.clear()
    smoke_test.ratio_figures(app, runner, app)  # the stand-in as its own floor
    assert [f.measure for f in report.figures] == [
        "frozen floor (prints one line)", "veu-assess --version", "veu-assess --help",
        "veu-assess score sample.veua", "veu-assess validate sample.veua", "veu-assess validate s.veua"]
    assert all("ratio" in f.value and f.note.startswith("goal ") for f in report.figures[1:-1])
    assert "no goal" in report.figures[-1].note  # the signed file's row: verification is timed apart
    assert report.failures == []
