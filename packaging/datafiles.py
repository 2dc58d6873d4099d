"""What goes into the frozen app, in one place for every platform's build.

The PyInstaller spec (Linux, Windows and macOS alike), the Linux build script and the packaging
tests import this module, so the list of data folders, the version and the size trimming cannot
drift apart between platforms.

- ``project()``: name and version from pyproject.toml (the one source of both).
- ``DATA_FOLDERS`` / ``datas()``: every folder ``veu_assess.resources`` looks up, copied to
  ``veu_assess/<name>`` inside the bundle, which is where resources.py looks under ``sys._MEIPASS``.
- ``EXCLUDED_MODULES`` and ``keep_qt_file()``: what the app does not use (other Qt modules, other
  platform plugins, Qt's translations for other languages, the GTK theme plugin).

Only the standard library is imported here: the spec runs inside PyInstaller's process and the
tests must stay fast.
"""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass
from pathlib import Path

PACKAGING_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGING_DIR.parent


@dataclass(frozen=True)
class Project:
    name: str  # the distribution and command name, e.g. "veu-assess"
    version: str  # e.g. "0.1.0"
    description: str


def project(repo: Path = REPO_DIR) -> Project:
    """Name, version and description as pyproject.toml declares them."""
    with (repo / "pyproject.toml").open("rb") as fh:
        meta = tomllib.load(fh)["project"]
    return Project(meta["name"], meta["version"], meta["description"])


# How the app and its file type present themselves to desktops. The Linux desktop entry and MIME
# file (packaging/linux/), the Inno Setup script (packaging/windows/) repeat these strings because
# those formats cannot import Python; tests/packaging checks they agree with the values here.
DISPLAY_NAME = "VEU Readiness Assessor"
DISPLAY_NAME_JA = "VEU 適格性評価ツール"
APP_ID = "org.veu-assess.VEUReadinessAssessor"  # macOS bundle identifier (reverse DNS)
FILE_EXTENSION = "veua"
MIME_TYPE = "application/x-veu-assessment"
FILE_TYPE_NAME = "VEU readiness assessment"
FILE_UTI = f"{APP_ID}.assessment"  # the macOS Uniform Type Identifier of .veua files


def macos_info_plist(proj: Project) -> dict[str, object]:
    """Info.plist keys of the macOS .app: version, languages, and .veua as the app's own document type."""
    return {
        "CFBundleName": DISPLAY_NAME,
        "CFBundleDisplayName": DISPLAY_NAME,
        "CFBundleShortVersionString": proj.version,
        "CFBundleVersion": proj.version,
        "CFBundleDevelopmentRegion": "en",
        # Lets the system's own dialogs and menus follow a Japanese preference.
        "CFBundleLocalizations": ["en", "ja"],
        "NSHighResolutionCapable": True,
        "LSApplicationCategoryType": "public.app-category.business",
        # Export the type (this app defines .veua) so Finder knows it even before the first open.
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": FILE_UTI,
                "UTTypeDescription": FILE_TYPE_NAME,
                "UTTypeConformsTo": ["public.data", "public.content"],
                "UTTypeIconFile": "veu-assess.icns",
                "UTTypeTagSpecification": {
                    "public.filename-extension": [FILE_EXTENSION],
                    "public.mime-type": [MIME_TYPE],
                },
            }
        ],
        # ... and claim it as the owner (Editor: the app opens, changes and saves these files).
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": FILE_TYPE_NAME,
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [FILE_UTI],
                "CFBundleTypeIconFile": "veu-assess.icns",
            }
        ],
    }


@dataclass(frozen=True)
class DataFolder:
    name: str  # the name veu_assess.resources.resource_dir() is called with
    source: str  # where the folder lives in a source checkout, relative to the repository
    patterns: tuple[str, ...]  # files to ship (relative to the folder; fnmatch, "*" spans "/")

    def files(self, repo: Path = REPO_DIR) -> list[Path]:
        """The folder's files that ship, sorted; build artefacts and sources of compiled files left out."""
        root = repo / self.source
        if not root.is_dir():
            return []
        found = []
        for path in sorted(root.rglob("*")):
            rel = path.relative_to(root).as_posix()
            if path.is_file() and "__pycache__" not in path.parts and self.wants(rel):
                found.append(path)
        return found

    def wants(self, rel: str) -> bool:
        return any(fnmatch.fnmatch(rel, pattern) for pattern in self.patterns)


# Every folder resources.py can look up. forms/ and templates/ sit at the top of the repository
# (pyproject maps them into the wheel as veu_assess/forms and veu_assess/templates); the others
# live inside the package. Translations ship both ways: the app looks for the .ts and loads the
# .qm beside it (veu_assess.ui.i18n); the spec compiles the .qm files first (they are not in git).
DATA_FOLDERS: tuple[DataFolder, ...] = (
    DataFolder("forms", "forms", ("*.yaml", "*.json")),
    DataFolder("templates", "templates", ("*",)),
    DataFolder("fonts", "veu_assess/fonts", ("*.ttf", "*.otf", "*.ttc", "*.txt", "*.md", "LICENSE*", "OFL*")),
    DataFolder("translations", "veu_assess/translations", ("*.ts", "*.qm")),
    DataFolder("data", "veu_assess/data", ("*",)),
)

# The bundled sample must be there: `veu-assess sample` and `demo` copy it.
REQUIRED_FILES = ("data/sample.veua",)


class MissingData(Exception):
    """A data folder or required file is missing: the frozen app would fail at run time."""


def missing_data(repo: Path = REPO_DIR) -> list[str]:
    """What the bundle would lack; empty when every folder has files and every required file exists."""
    problems = []
    by_name = {folder.name: folder for folder in DATA_FOLDERS}
    for folder in DATA_FOLDERS:
        if not folder.files(repo):
            problems.append(f"{folder.source}/ has no files matching {', '.join(folder.patterns)}")
    for required in REQUIRED_FILES:
        name, _, rest = required.partition("/")
        if not (repo / by_name[name].source / rest).is_file():
            problems.append(f"{by_name[name].source}/{rest} is missing")
    return problems


def datas(repo: Path = REPO_DIR) -> list[tuple[str, str]]:
    """(source file, destination folder) pairs in PyInstaller's ``datas`` format.

    Raises MissingData rather than building a bundle that fails on the user's machine.
    """
    problems = missing_data(repo)
    # Compiled translations are build outputs, so only the build (not a source checkout) needs them.
    translations = next(f for f in DATA_FOLDERS if f.name == "translations")
    for ts in (repo / translations.source).glob("*.ts"):
        if not ts.with_suffix(".qm").is_file():
            problems.append(f"{translations.source}/{ts.name} is not compiled ({ts.with_suffix('.qm').name} missing)")
    if problems:
        raise MissingData("the bundle would be incomplete:\n  " + "\n  ".join(problems))
    pairs = []
    for folder in DATA_FOLDERS:
        root = repo / folder.source
        for path in folder.files(repo):
            dest = Path("veu_assess", folder.name, path.relative_to(root).parent).as_posix()
            pairs.append((str(path), dest))
    return pairs


# --- Size: what the app does not use ---------------------------------------------------------

# Python modules PyInstaller would otherwise follow from imports the app never reaches.
# The Qt modules listed are PySide6 bindings the app never imports (it uses QtCore, QtGui,
# QtWidgets, and QtSvg for icons); excluding them keeps their Qt libraries out as well.
EXCLUDED_MODULES: tuple[str, ...] = (
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib",
    "unittest", "pydoc_data", "lib2to3", "ensurepip", "venv", "distutils", "test",
    "readline",  # interactive line editing only (pdb, the REPL); would add a libreadline dependency
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtSql",
    "PySide6.QtTest", "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtUiTools", "PySide6.QtXml",
    "PySide6.QtConcurrent", "PySide6.QtDBus", "PySide6.QtPrintSupport",
    "PIL.ImageQt", "PIL.ImageTk",  # Pillow's optional Qt/Tk bridges (reportlab needs Pillow itself)
    # Development tools that library hooks drag in (pydantic's mypy and hypothesis plugins, numpy
    # for PIL's type hints) when they happen to be installed in the build venv. Not attrs: pyHanko
    # imports aiohttp, which needs it (the smoke test's report --sign step failed without it).
    "mypy", "hypothesis", "pytest", "_pytest", "numpy",
    # setuptools and its pkg_resources: only cffi's extension-building helpers import them (never at
    # run time), but with them in the bundle PyInstaller adds runtime hooks that import pkg_resources
    # at every start: ~190 ms of the frozen `--version`'s ~316 ms (floor 65 ms), issue 22.
    "setuptools", "pkg_resources", "_distutils_hack",
)

# Qt platform plugins kept: X11, Wayland, and offscreen (headless runs and the CI smoke test).
# On Windows and macOS PyInstaller only finds that platform's own plugin, which passes through.
KEPT_PLATFORM_PLUGINS = ("qxcb", "qwayland", "qoffscreen", "qwindows", "qcocoa")

# Qt's own translations kept: the app speaks English and Japanese (QWizard's buttons follow).
KEPT_QT_TRANSLATIONS = ("qt_en.qm", "qt_ja.qm", "qtbase_en.qm", "qtbase_ja.qm")

# Plugin folders the app has no use for: the GTK theme pulls in the host's whole GTK stack; EGL
# device integrations serve eglfs, which is not kept; Wayland buffer integrations serve OpenGL
# windows (widgets draw into shared memory); the rest serve Qt modules that are excluded.
DROPPED_PLUGIN_DIRS = (
    "platformthemes", "egldeviceintegrations", "networkinformation", "tls", "sqldrivers",
    "qmltooling", "designer", "printsupport", "generic", "vectorimageformats",
    "wayland-graphics-integration-server", "wayland-graphics-integration-client",
)

# Wayland shells: xdg-shell is what desktop compositors speak (the others are for in-vehicle,
# kiosk and Qt's own compositors).
KEPT_WAYLAND_SHELLS = ("xdg-shell",)

# Image formats the app can meet (its own icons and evidence previews); others are dropped.
KEPT_IMAGE_FORMATS = ("qjpeg", "qgif", "qico", "qsvg")


def keep_qt_file(dest: str) -> bool:
    """Whether a file PyInstaller collected at bundle path ``dest`` should stay.

    ``dest`` is the destination inside the bundle: ``PySide6/Qt/plugins/platforms/libqvnc.so``
    on Linux and macOS, ``PySide6/plugins/platforms/qvnc.dll`` on Windows (its wheel has no Qt/
    level). Files outside PySide6 always stay.
    """
    parts = Path(dest).as_posix().split("/")
    if "PySide6" not in parts:
        return True
    rest = parts[parts.index("PySide6") + 1 :]
    if rest[:1] == ["Qt"]:
        rest = rest[1:]
    if not rest:
        return True
    if rest[-1] == "opengl32sw.dll":
        return False  # Windows: 20 MB software OpenGL for Qt Quick; widgets never use it
    if rest[0] == "translations":
        return rest[-1] in KEPT_QT_TRANSLATIONS
    if rest[0] != "plugins" or len(rest) < 3:
        return True
    group, stem = rest[1], _plugin_stem(rest[-1])
    if group in DROPPED_PLUGIN_DIRS:
        return False
    if group == "platforms":
        return stem in KEPT_PLATFORM_PLUGINS
    if group == "imageformats":
        return stem in KEPT_IMAGE_FORMATS
    if group == "wayland-shell-integration":
        return stem in KEPT_WAYLAND_SHELLS
    return True


def _plugin_stem(filename: str) -> str:
    """``libqxcb.so`` / ``qxcb.dll`` / ``libqxcb.dylib`` -> ``qxcb``."""
    stem = filename.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_toc_entry(entry: tuple[str, str, str]) -> bool:
    """Filter for a PyInstaller TOC entry (dest, source, typecode)."""
    return keep_qt_file(entry[0])


if __name__ == "__main__":  # `python packaging/datafiles.py` -> "veu-assess 0.1.0", for shell scripts
    _p = project()
    print(_p.name, _p.version)
