"""The one place that finds the app's data: forms/, templates/, fonts, translations, the sample.

Three layouts are supported and tried in this order:
1. a frozen PyInstaller bundle (``sys._MEIPASS``), where the spec copies each folder under
   ``veu_assess/``;
2. an installed wheel, where setuptools maps forms/ and templates/ into the package
   (``veu_assess/forms``), beside fonts/, translations/ and data/;
3. a source checkout, where forms/ and templates/ sit at the top of the repository.
"""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_REPO_DIR = PACKAGE_DIR.parent


def _candidates(name: str) -> list[Path]:
    found: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / "veu_assess" / name)
    found.append(PACKAGE_DIR / name)
    found.append(_REPO_DIR / name)
    return found


def resource_dir(name: str) -> Path:
    """Return the folder ``name`` (forms, templates, fonts, translations, data)."""
    for path in _candidates(name):
        if path.is_dir():
            return path
    tried = ", ".join(str(p) for p in _candidates(name))
    raise FileNotFoundError(f"the app's {name} folder is missing (looked in {tried}); reinstall the app")


def forms_dir() -> Path:
    return resource_dir("forms")


def templates_dir() -> Path:
    return resource_dir("templates")


def data_dir() -> Path:
    return resource_dir("data")


def fonts_dir() -> Path:
    return resource_dir("fonts")


def translations_dir() -> Path:
    return resource_dir("translations")


def sample_path() -> Path:
    """The bundled sample assessment of a fictional operator."""
    return data_dir() / "sample.veua"


def is_bundled(path: Path) -> bool:
    """True for a file inside the app's own data folder (the bundled sample): it stays as shipped.

    ``veu-assess demo`` opens a copy; this guards the file itself when it is opened by its path.
    """
    try:
        target = Path(path).resolve()
        return any(target.is_relative_to(folder.resolve()) for folder in _candidates("data") if folder.is_dir())
    except (OSError, RuntimeError):  # a loop of links: not ours either way
        return False
