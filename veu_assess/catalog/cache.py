"""A cache of the validated questionnaire, so that a start-up does not parse and validate forms/.

``cached_catalog()`` returns the same ``Catalog`` as ``load_catalog()``, and ``cached_routes()``
the same ``RoutesFile`` as ``load_routes()`` (forms/routes.yaml, read by every `score`): on a hit
each is read from a pickle written after a full load; on anything else (no cache, another key, a
corrupt or truncated file, an unpickling error, an object of another type) it does the full load
and writes the cache again.

A hit is trusted only when its key matches: a SHA-256 of every forms/ file that ``load_catalog``
reads (names and contents), the app version, the catalog schema's source (in a frozen bundle, which
has none, its executable's size and time) and the Python and pydantic versions (a pickle names
classes and their fields). The payload's own SHA-256 is checked
before it is unpickled, so a damaged file is never handed to pickle. The cache lives in the
user's cache folder (``VEU_ASSESS_CACHE_DIR`` overrides it); it is written atomically, and a
failure to write it is not an error: the app works the same, only slower.

The folder is the user's own, like their settings: code written there could as well be written
into their shell's start-up files, so the pickle adds no way in that was not there.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from veu_assess import __version__

if TYPE_CHECKING:
    from collections.abc import Callable

    from veu_assess.catalog.loader import Catalog
    from veu_assess.catalog.routes import RoutesFile

T = TypeVar("T")

MAGIC = b"veu-assess catalog cache 1\n"
APP_DIR = "veu-assess"
CACHE_NAME = "catalog.pickle"
ROUTES_CACHE_NAME = "routes.pickle"
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


def bundle_identity() -> bytes:
    """In a frozen bundle, the size and modification time of its executable (which carries the
    bundle's compiled code): a rebuilt bundle of the same version, whose classes may differ from
    the ones a cache was pickled with, never reads that cache. Empty outside a bundle, where the
    schema's sources are in the key."""
    if not getattr(sys, "frozen", False):
        return b""
    try:
        stat = os.stat(sys.executable)
    except OSError:
        return os.urandom(16)  # cannot tell one build from another: no cache is ever trusted
    return f"frozen\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode()


def cache_key(folder: Path) -> bytes:
    """SHA-256 over the forms' names and contents, the app version and the schema's source."""
    import pydantic.version

    h = hashlib.sha256()
    h.update(f"{__version__}\0{sys.version}\0{pydantic.version.VERSION}\0".encode())
    here = Path(__file__).resolve().parent
    for name in _schema_modules():  # absent in a frozen bundle: its identity stands in for them
        try:
            h.update(name.encode() + b"\0" + (here / name).read_bytes() + b"\0")
        except OSError:
            h.update(name.encode() + b"\0-\0")
    h.update(bundle_identity())
    for path in form_files(folder):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.digest()


def read_cache(path: Path, key: bytes, kind: type[T]) -> T | None:
    """The cached object of type ``kind`` if ``path`` holds one for ``key`` and is intact; None
    otherwise (never an object of another type)."""
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
        value = pickle.loads(payload)
    except Exception:  # whatever pickle raises (it can raise almost anything) means "rebuild"
        return None
    return value if isinstance(value, kind) else None


def write_cache(path: Path, key: bytes, value: object) -> bool:
    """Write the cache atomically; False (and nothing left behind) when it cannot be written."""
    from veu_assess.storage.files import write_atomic

    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, MAGIC + key + hashlib.sha256(payload).digest() + payload, mode=0o600)
    except (OSError, ValueError):
        return False
    return True


def cached(source: Path, name: str, kind: type[T], load: Callable[[Path], T],
           key: Callable[[Path], bytes] = cache_key) -> T:
    """``load(source)``, or its cached result when the cache ``name`` was written for
    ``key(source)`` (``cache_key``: a forms folder; ``file_key``: one data file)."""
    try:
        wanted = key(source)
    except OSError:
        return load(source)  # a file cannot be read: the full load says which, and how
    path = cache_dir() / name
    value = read_cache(path, wanted, kind)
    if value is None:
        value = load(source)
        write_cache(path, wanted, value)
    return value


def file_key(path: Path) -> bytes:
    """SHA-256 over one file's contents, its name, the app version and the Python version."""
    h = hashlib.sha256()
    h.update(f"{__version__}\0{sys.version}\0{path.name}\0".encode())
    h.update(path.read_bytes())
    return h.digest()


def cached_file(path: Path, name: str, kind: type[T], read: Callable[[Path], T]) -> T:
    """``read(path)`` of one data file (the labels), or its cached result when the cache ``name``
    was written for these very bytes. Only plain data is cached this way (``kind`` dict, list)."""
    return cached(path, name, kind, read, file_key)


@functools.lru_cache(maxsize=1)
def shipped_key(folder: Path) -> bytes:
    """``cache_key(folder)`` once per process, for the shipped forms/ that ``default_catalog`` and
    ``default_routes`` read (each once per process): both caches are keyed by it, and hashing every
    forms/ file a second time cost each `score` ~1 ms (19 M instructions under callgrind). Only
    for the shipped folder: one given to ``catalog --check --forms`` or a test may change."""
    return cache_key(folder)


def cached_catalog(folder: Path, key: Callable[[Path], bytes] = cache_key) -> Catalog:
    """The catalog of ``folder``: from the cache when it is valid for it, else loaded and cached."""
    from veu_assess.catalog import loader

    return cached(folder, CACHE_NAME, loader.Catalog, lambda f: loader.load_catalog(f), key)


def cached_routes(folder: Path, key: Callable[[Path], bytes] = cache_key) -> RoutesFile:
    """forms/routes.yaml of ``folder`` validated: from the cache when it is valid, else read and
    cached. The key is the catalog's (every forms/ file, routes.yaml included)."""
    from veu_assess.catalog import routes

    return cached(folder, ROUTES_CACHE_NAME, routes.RoutesFile, lambda f: routes.load_routes(f), key)
