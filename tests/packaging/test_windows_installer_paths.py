"""Every file the Inno Setup script (packaging/windows/veu-assess.iss) reads is one the Windows build makes.

No Windows needed: the spec is run here as PyInstaller would run it on Windows, but with its build
steps (Analysis, EXE, COLLECT, ...) replaced by recorders. What it writes itself (the .ico, drawn
by packaging/icons.py) really lands in a temporary build folder; what PyInstaller would make (the
bundle folder and its executables) is taken from the recorded EXE and COLLECT calls. The .iss is
read with a small evaluator of its preprocessor (``#define``, ``{#...}``, ``+``, function calls)
and its paths are resolved against the repository as ISCC would resolve them.
"""

from __future__ import annotations

import builtins
import ntpath
import re
import shlex
import sys
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
sys.path.insert(0, str(PACKAGING))
import datafiles  # noqa: E402

NAME = datafiles.project().name
ISS = PACKAGING / "windows" / f"{NAME}.iss"
SPEC = PACKAGING / f"{NAME}.spec"

# [Setup] directives that name a file ISCC reads while compiling (OutputDir is written, not read).
SETUP_INPUT_FILES = ("SetupIconFile", "LicenseFile", "InfoBeforeFile", "InfoAfterFile",
                     "WizardImageFile", "WizardSmallImageFile")
# ISPP functions whose first argument is a file ISCC reads.
ISPP_FILE_FUNCTIONS = ("GetStringFileInfo", "GetVersionNumbersString", "GetFileVersion", "FileExists",
                       "GetFileDateTimeString", "ReadIni")
FAKE_ROOT = "C:\\repo"  # where the .iss's paths are resolved; reported relative to it


# --- what the build makes on Windows -----------------------------------------------------------


@dataclass
class WindowsBuild:
    """What the spec, run as on Windows with the documented PyInstaller command, produces."""

    files: set[str] = field(default_factory=set)  # repository-relative POSIX paths
    dirs: set[str] = field(default_factory=set)
    bundle: str = ""  # the one-folder bundle, e.g. "dist/veu-assess"
    bundle_files: set[str] = field(default_factory=set)  # top-level files of the bundle, e.g. "veu-assess.exe"
    exe_icons: set[str | None] = field(default_factory=set)


def documented_pyinstaller_command() -> list[str]:
    """The PyInstaller command line in the .iss header (the same one README.md gives for Windows)."""
    (line,) = [ln for ln in ISS.read_text(encoding="utf-8").splitlines() if "-m PyInstaller" in ln]
    return shlex.split(line.lstrip(";").strip(), posix=False)


def _option(argv: list[str], name: str) -> str:
    return argv[argv.index(name) + 1]


class _Recorder:
    """Stands in for a PyInstaller module or build step: every call is recorded and returns a namespace."""

    def __init__(self, result: Callable[..., Any] | None = None) -> None:
        self.calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
        self._result = result

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls.append((args, kwargs))
        return self._result(*args, **kwargs) if self._result else types.SimpleNamespace(args=args, kwargs=kwargs)

    def __getattr__(self, name: str) -> _Recorder:  # PyInstaller.utils.win32.versioninfo.VSVersionInfo, ...
        if name.startswith("__"):
            raise AttributeError(name)
        return _Recorder()


class _WindowsSys:
    """The spec's view of ``sys``: the real module, except that it says it runs on Windows."""

    platform = "win32"

    def __getattr__(self, name: str) -> Any:
        return getattr(sys, name)


def run_spec_as_windows(root: Path, monkeypatch: pytest.MonkeyPatch) -> WindowsBuild:
    """Execute the spec with sys.platform "win32" (for the spec only) and stub build steps, under ``root``."""
    argv = documented_pyinstaller_command()
    spec_arg = PureWindowsPath(argv[-1])
    assert spec_arg.as_posix() == SPEC.relative_to(REPO).as_posix()
    # PyInstaller (building/build_main.py, build()) runs the spec with workpath = --workpath/<spec name>.
    workpath = root / PureWindowsPath(_option(argv, "--workpath")).as_posix() / SPEC.stem
    distpath = root / PureWindowsPath(_option(argv, "--distpath")).as_posix()

    windows_sys = _WindowsSys()
    real_import = builtins.__import__
    hooks = types.SimpleNamespace(collect_submodules=lambda *a, **k: [], copy_metadata=lambda *a, **k: [])
    win32 = types.SimpleNamespace(versioninfo=_Recorder())
    pyinstaller = {
        "PyInstaller": types.SimpleNamespace(),
        "PyInstaller.utils.hooks": hooks,
        "PyInstaller.utils.win32": win32,
    }

    def spec_import(name: str, globals_: Any = None, locals_: Any = None, fromlist: Any = (), level: int = 0) -> Any:
        if name == "sys":
            return windows_sys
        if name.split(".")[0] == "PyInstaller":
            return pyinstaller[name] if fromlist else pyinstaller["PyInstaller"]
        return real_import(name, globals_, locals_, fromlist, level)

    monkeypatch.setattr(sys, "path", [*sys.path])  # the spec inserts its folder; restored afterwards
    # Compiling the .qm files is the real build's business (and datas() insists on them): not tested here.
    import veu_assess.i18n_build

    monkeypatch.setattr(veu_assess.i18n_build, "build_all", lambda *a, **k: [])
    monkeypatch.setattr(datafiles, "datas", lambda *a, **k: [])

    def analysis(scripts: list[str], **kwargs: Any) -> types.SimpleNamespace:
        return types.SimpleNamespace(scripts=scripts, pure=[], binaries=[], datas=[])

    steps = {name: _Recorder(analysis if name == "Analysis" else None)
             for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE", "MERGE")}
    namespace: dict[str, Any] = {
        "__builtins__": {**vars(builtins), "__import__": spec_import},
        "__name__": "__main__",
        "__file__": str(SPEC),
        "SPEC": str(SPEC),
        "SPECPATH": str(SPEC.parent),
        "specnm": SPEC.stem,
        "workpath": str(workpath),
        "DISTPATH": str(distpath),
        **steps,
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)

    assert not steps["BUNDLE"].calls, "the spec took the macOS branch"
    (collect,) = steps["COLLECT"].calls
    build = WindowsBuild(bundle=PurePosixPath(distpath.relative_to(root).as_posix(), collect[1]["name"]).as_posix())
    for _, kwargs in steps["EXE"].calls:
        name = kwargs["name"]
        build.bundle_files.add(name if name.endswith(".exe") else f"{name}.exe")  # PyInstaller adds .exe on Windows
        build.exe_icons.add(kwargs.get("icon"))
    build.files = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    build.files |= {f"{build.bundle}/{exe}" for exe in build.bundle_files}
    build.dirs = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_dir()} | {build.bundle}
    return build


@pytest.fixture(scope="module")
def windows_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, WindowsBuild]]:
    root = tmp_path_factory.mktemp("windows-build")
    with pytest.MonkeyPatch.context() as monkeypatch:
        yield root, run_spec_as_windows(root, monkeypatch)


# --- what the .iss reads ------------------------------------------------------------------------


@dataclass
class IssReferences:
    """The paths an .iss reads, repository-relative: at compile time (ISCC) and installed ({app})."""

    compile_time: list[tuple[str, str]] = field(default_factory=list)  # (where in the script, path)
    installed: list[tuple[str, str]] = field(default_factory=list)  # (where, path under {app})
    sources: list[tuple[str, str, str]] = field(default_factory=list)  # [Files] (Source, DestDir, Flags)


class _Ispp:
    """Just enough of Inno Setup's preprocessor: string literals, defines, ``+`` and function calls."""

    TOKEN = re.compile(r'\s*(?:(?P<str>"[^"]*"|\'[^\']*\')|(?P<name>[A-Za-z_]\w*)|(?P<num>\d+)|(?P<op>[+(),]))')

    def __init__(self, source_path: str, on_file: Callable[[str, str], None]) -> None:
        self.defines: dict[str, str | None] = {"SourcePath": source_path}
        self.on_file = on_file  # called with (function name, file argument) for ISPP_FILE_FUNCTIONS

    def evaluate(self, expr: str) -> str | None:
        """The expression's string value (None when it depends on a function's result)."""
        self.tokens = [(m.lastgroup, m.group(m.lastgroup or "")) for m in self.TOKEN.finditer(expr)]
        assert "".join(t for _, t in self.tokens).replace(" ", "") == re.sub(r"\s", "", expr), f"cannot read {expr!r}"
        self.pos = 0
        value = self._sum()
        assert self.pos == len(self.tokens), f"cannot read {expr!r}"
        return value

    def _peek(self) -> str | None:
        return self.tokens[self.pos][1] if self.pos < len(self.tokens) else None

    def _sum(self) -> str | None:
        value = self._term()
        while self._peek() == "+":
            self.pos += 1
            right = self._term()
            value = None if value is None or right is None else value + right
        return value

    def _term(self) -> str | None:
        kind, text = self.tokens[self.pos]
        self.pos += 1
        if kind == "str":
            return text[1:-1]
        if kind == "num":
            return text
        assert kind == "name", f"unexpected {text!r}"
        if self._peek() != "(":
            assert text in self.defines, f"{text} is not defined"
            return self.defines[text]
        self.pos += 1
        args = []
        while self._peek() != ")":
            args.append(self._sum())
            if self._peek() == ",":
                self.pos += 1
        self.pos += 1
        if text in ISPP_FILE_FUNCTIONS and args and args[0] is not None:
            self.on_file(text, args[0])
        return None

    def expand(self, line: str) -> str:
        """The line with every inline ``{#expr}`` replaced by its value."""
        def value(match: re.Match[str]) -> str:
            result = self.evaluate(match.group(1))
            return "" if result is None else result

        return re.sub(r"\{#([^{}]*)\}", value, line)


def _relative(path: str) -> str:
    """A Windows path under FAKE_ROOT as a repository-relative POSIX path ("../x" if outside)."""
    return PureWindowsPath(ntpath.relpath(ntpath.normpath(path), FAKE_ROOT)).as_posix()


def _parameters(line: str) -> dict[str, str]:
    """``Name: "value"; Other: value`` entries of an .iss section line, quotes removed."""
    pairs = re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)', line)
    return {k: (v[1:-1].replace('""', '"') if v.startswith('"') else v.strip()) for k, v in pairs}


def iss_references(text: str) -> IssReferences:
    """Every path the script reads when compiled, and every {app} file its entries point at."""
    refs = IssReferences()
    ispp = _Ispp(FAKE_ROOT + "\\packaging\\windows\\",
                 lambda func, path: refs.compile_time.append((f"{func}()", _relative(path))))
    section = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("#"):
            define = re.match(r"#define\s+(\w+)\s+(.*)$", line)
            if define:
                ispp.defines[define.group(1)] = ispp.evaluate(define.group(2))
            continue  # #if/#error/#endif: conditions on values, not files
        line = ispp.expand(line)
        if re.fullmatch(r"\[\w+\]", line):
            section = line[1:-1]
            continue
        for installed in re.findall(r"\{app\}\\([^\"',;{}\s]+)", line):
            refs.installed.append((f"[{section}] {line[:40]}", installed.replace("\\", "/")))
        if section == "Setup":
            key, _, value = line.partition("=")
            if key in SETUP_INPUT_FILES:
                refs.compile_time.append((key, _relative(value)))
        elif section == "Files":
            params = _parameters(line)
            refs.sources.append((_relative(params["Source"]), params["DestDir"], params.get("Flags", "")))
            refs.compile_time.append(("[Files] Source", _relative(params["Source"])))
        elif section == "Languages":
            messages = _parameters(line)["MessagesFile"]
            if not messages.startswith("compiler:"):  # Inno Setup's own files
                refs.compile_time.append(("MessagesFile", _relative(messages)))
    return refs


def missing_from_build(refs: IssReferences, build: WindowsBuild) -> list[str]:
    """The .iss's references that the build does not produce, each with where it is used."""
    problems = []
    for where, path in refs.compile_time:
        if path.endswith("/*"):  # a folder's contents
            if path[:-2] not in build.dirs:
                problems.append(f"{where}: {path} (the build makes no folder {path[:-2]})")
        elif path not in build.files:
            problems.append(f"{where}: {path}")
    # {app} holds the bundle (see the [Files] check below), so {app}\X must be a file of the bundle.
    for where, path in refs.installed:
        if path not in build.bundle_files:
            problems.append(f"{where}: {{app}}/{path} is not among {sorted(build.bundle_files)}")
    return problems


# --- the tests ----------------------------------------------------------------------------------


def test_every_path_the_installer_script_reads_is_built(windows_build: tuple[Path, WindowsBuild]) -> None:
    _, build = windows_build
    refs = iss_references(ISS.read_text(encoding="utf-8"))
    # The evaluator found the references it is meant to find (an empty list would prove nothing).
    kinds = {where for where, _ in refs.compile_time}
    assert {"SetupIconFile", "GetStringFileInfo()", "GetVersionNumbersString()", "[Files] Source"} <= kinds
    assert refs.installed, "no {app} references found"
    assert missing_from_build(refs, build) == []


def test_installer_copies_the_whole_bundle_to_app(windows_build: tuple[Path, WindowsBuild]) -> None:
    _, build = windows_build
    refs = iss_references(ISS.read_text(encoding="utf-8"))
    (source,) = refs.sources
    assert source[0] == f"{build.bundle}/*" and source[1] == "{app}"
    assert {"recursesubdirs", "createallsubdirs"} <= set(source[2].split())


def test_spec_on_windows_builds_both_executables_with_the_icon(windows_build: tuple[Path, WindowsBuild]) -> None:
    root, build = windows_build
    assert build.bundle == f"dist/{NAME}"
    assert build.bundle_files == {f"{NAME}.exe", f"{NAME}-gui.exe"}
    (icon,) = build.exe_icons
    assert icon is not None
    icon_path = Path(icon)
    assert icon_path.is_file() and icon_path.read_bytes()[:4] == b"\x00\x00\x01\x00"  # an ICO header
    assert icon_path.relative_to(root).as_posix() == f"build/pyinstaller/{NAME}/icons/{NAME}.ico"


def test_the_old_icon_path_would_have_been_caught(windows_build: tuple[Path, WindowsBuild]) -> None:
    # The audit's finding: the .iss looked for the icon one folder too high. The check must say so.
    _, build = windows_build
    text = ISS.read_text(encoding="utf-8").replace(f"\\pyinstaller\\{NAME}\\icons\\", "\\pyinstaller\\icons\\")
    assert text != ISS.read_text(encoding="utf-8")
    assert missing_from_build(iss_references(text), build) == [
        f"SetupIconFile: build/pyinstaller/icons/{NAME}.ico"
    ]
    renamed_gui = text.replace('#define GuiExe "veu-assess-gui.exe"', '#define GuiExe "veu-assess-window.exe"')
    assert any("{app}/veu-assess-window.exe" in p for p in missing_from_build(iss_references(renamed_gui), build))


def test_readme_gives_the_same_pyinstaller_command_as_the_iss() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    windows = readme[readme.index("### Windows"):]
    line = next(ln for ln in windows.splitlines() if "-m PyInstaller" in ln)
    assert shlex.split(line.strip(), posix=False) == documented_pyinstaller_command()
