"""A cache of the validated questionnaire, so that a start-up does not parse and validate forms/.

``cached_catalog()`` returns the same ``Catalog`` as ``load_catalog()``: on a hit it is read from
a pickle written after a full load; on anything else (no cache, another key, a corrupt or
truncated file, an unpickling error) it does the full load and writes the cache again.

A hit is trusted only when its key matches: a SHA-256 of every forms/ file that ``load_catalog``
reads (names and contents), the app version, the catalog schema's source and the Python and
pydantic versions (a pickle names classes and their fields). The payload's own SHA-256 is checked
before it is unpickled, so a damaged file is never handed to pickle. The cache lives in the
user's cache folder (``VEU_ASSESS_CACHE_DIR`` overrides it); it is written atomically, and a
failure to write it is not an error: the app works the same, only slower.

The folder is the user's own, like their settings: code written there could as well be written
into their shell's start-up files, so the pickle adds no way in that was not there.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from veu_assess import __version__

if TYPE_CHECKING:
    from veu_assess.catalog.loader import Catalog

MAGIC = b"veu-assess catalog cache 1\n"
APP_DIR = "veu-assess"
CACHE_NAME = "catalog.pickle"
# Besides this package's own modules, the one outside it whose classes a pickled Catalog refers
# to: a change to any of them in a source checkout (the version stays the same) must not unpickle
# objects of the old shape.
_OTHER_SCHEMA_MODULES = ("../model/assessment.py",)


def cache_dir() -> Path:
    """The per-user cache folder; ``VEU_ASSESS_CACHE_DIR`` overrides it (tests, portable installs)."""
    override = os.environ.get("VEU_ASSESS_CACHE_DIR")
    if override:
        return Path(override)
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / APP_DIR / "cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / APP_DIR
    return Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / APP_DIR


def form_files(folder: Path) -> list[Path]:
    """Every YAML file under ``folder`` (catalog.yaml, sources.yaml, sections/*.yaml and any file
    added later): more than ``load_catalog`` may read, never less."""
    return sorted(folder.rglob("*.yaml"))


def _schema_modules() -> list[str]:
    here = Path(__file__).resolve().parent
    return sorted(p.name for p in here.glob("*.py")) + list(_OTHER_SCHEMA_MODULES)


def cache_key(folder: Path) -> bytes:
    """SHA-256 over the forms' names and contents, the app version and the schema's source."""
    import pydantic.version

    h = hashlib.sha256()
    h.update(f"{__version__}\0{sys.version}\0{pydantic.version.VERSION}\0".encode())
    here = Path(__file__).resolve().parent
    for name in _schema_modules():  # absent in a frozen bundle, whose code cannot change anyway
        try:
            h.update(name.encode() + b"\0" + (here / name).read_bytes() + b"\0")
        except OSError:
            h.update(name.encode() + b"\0-\0")
    for path in form_files(folder):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.digest()


def read_cache(path: Path, key: bytes) -> Catalog | None:
    """The cached catalog if ``path`` holds one for ``key`` and is intact; None otherwise."""
    from veu_assess.catalog.loader import Catalog

    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(MAGIC)
    if len(data) < head + 64 or data[:head] != MAGIC or data[head : head + 32] != key:
        return None
    digest, payload = data[head + 32 : head + 64], data[head + 64 :]
    if hashlib.sha256(payload).digest() != digest:
        return None  # damaged (a torn write on a failing disk, an edit): never unpickled
    try:
        catalog = pickle.loads(payload)
    except Exception:  # whatever pickle raises (it can raise almost anything) means "rebuild"
        return None
    return catalog if isinstance(catalog, Catalog) else None


def write_cache(path: Path, key: bytes, catalog: Catalog) -> bool:
    """Write the cache atomically; False (and nothing left behind) when it cannot be written."""
    from veu_assess.storage.files import write_atomic

    payload = pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, MAGIC + key + hashlib.sha256(payload).digest() + payload, mode=0o600)
    except (OSError, ValueError):
        return False
    return True


def cached_catalog(folder: Path) -> Catalog:
    """The catalog of ``folder``: from the cache when it is valid for it, else loaded and cached."""
    from veu_assess.catalog.loader import load_catalog

    try:
        key = cache_key(folder)
    except OSError:
        return load_catalog(folder)  # a form cannot be read: the full load says which, and how
    path = cache_dir() / CACHE_NAME
    catalog = read_cache(path, key)
    if catalog is None:
        catalog = load_catalog(folder)
        write_cache(path, key, catalog)
    return catalog
