"""Linux shared-library bookkeeping for the bundle: what it needs from the host, what it can drop.

Two users:

- the spec (on Linux) calls ``trim_binaries()``: libraries PyInstaller copied from the build
  machine's system folders are removed from the bundle, because the .deb declares them as
  dependencies instead. Bundling them (libstdc++, fontconfig, X11/xcb, glib, ...) breaks on newer
  hosts: an older libstdc++ than the host's Mesa driver wants, or an older fontconfig that warns
  about the host's configuration. Then libraries nothing needs any more (those that only served
  the dropped Qt plugins) are pruned.
- packaging/linux/deb-depends reads ``external_sonames()`` of the finished bundle to derive the
  .deb's Depends.

Dependencies are read from each ELF file's DT_NEEDED entries with ``objdump -p`` (binutils, which
PyInstaller needs on Linux anyway). Standard library only.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
from collections.abc import Iterable
from pathlib import Path

# Where the distribution's own libraries live; anything PyInstaller found there is the host's.
SYSTEM_LIB_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")
# The interpreter's library always ships, even when Python itself comes from the distribution.
ALWAYS_BUNDLED = re.compile(r"^libpython3[.\d]*\.so")


def needed(path: Path) -> list[str]:
    """The DT_NEEDED sonames of an ELF file (empty for a file that is not ELF)."""
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=False).stdout
    return re.findall(r"^\s*NEEDED\s+(\S+)", out, flags=re.M)


def is_system_library(source: str) -> bool:
    name = Path(source).name
    return source.startswith(SYSTEM_LIB_DIRS) and not ALWAYS_BUNDLED.match(name)


def _is_root(dest: str, kind: str) -> bool:
    """Binaries loaded directly (extension modules, Qt plugins, libpython), not only as dependencies."""
    name = Path(dest).name
    return (
        kind == "EXTENSION"  # PyInstaller's mark for a Python extension module
        or ".cpython-" in name
        or name.endswith(".abi3.so")
        or "/plugins/" in dest
        or bool(ALWAYS_BUNDLED.match(name))  # the bootloader dlopen()s it
    )


def trim_binaries(binaries: list[tuple[str, str, str]]) -> tuple[list[tuple[str, str, str]], list[str]]:
    """(kept TOC entries, names of dropped ones) after removing host libraries and orphans.

    TOC entries are PyInstaller's (destination, source, typecode); SYMLINK entries (source is
    the link's relative target) stay exactly when the file they point to stays.
    """
    dropped = [dest for dest, src, kind in binaries if kind != "SYMLINK" and is_system_library(src)]
    files = [e for e in binaries if e[2] != "SYMLINK" and not is_system_library(e[1])]
    links = [e for e in binaries if e[2] == "SYMLINK"]
    by_soname: dict[str, list[tuple[str, str]]] = {}
    for dest, src, _ in files:
        by_soname.setdefault(Path(dest).name, []).append((dest, src))
    # Walk DT_NEEDED from the roots; whatever is not reached is an orphan.
    reached: set[str] = set()
    todo = [(dest, src) for dest, src, kind in files if _is_root(dest, kind)]
    while todo:
        dest, src = todo.pop()
        if dest in reached:
            continue
        reached.add(dest)
        for soname in needed(Path(src)):
            todo.extend(by_soname.get(soname, []))
    kept = [e for e in files if e[0] in reached]
    kept += [e for e in links if posixpath.normpath(posixpath.join(posixpath.dirname(e[0]), e[1])) in reached]
    dropped += [e[0] for e in files if e[0] not in reached]
    return kept, dropped


def drop_dangling_links(toc: list[tuple[str, str, str]], present: set[str]) -> list[tuple[str, str, str]]:
    """The TOC without SYMLINK entries whose target is not among ``present`` destinations."""
    return [
        e for e in toc
        if e[2] != "SYMLINK" or posixpath.normpath(posixpath.join(posixpath.dirname(e[0]), e[1])) in present
    ]


def elf_files(root: Path) -> Iterable[Path]:
    """Every ELF file under root (executables, libraries, extension modules, plugins)."""
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    yield path


def external_sonames(bundle: Path) -> dict[str, list[Path]]:
    """Sonames the bundle needs but does not contain, each with the files that need it."""
    files = list(elf_files(bundle))
    inside = {p.name for p in bundle.rglob("*")}
    wanted: dict[str, list[Path]] = {}
    for path in files:
        for soname in needed(path):
            if soname not in inside:
                wanted.setdefault(soname, []).append(path)
    return dict(sorted(wanted.items()))


def glibc_floor(bundle: Path) -> str:
    """The newest GLIBC_x.y symbol version any file of the bundle asks for."""
    versions: set[tuple[int, ...]] = set()
    for path in elf_files(bundle):
        out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True, check=False).stdout
        versions.update(tuple(int(n) for n in v.split(".")) for v in re.findall(r"GLIBC_(\d+(?:\.\d+)+)", out))
    return ".".join(map(str, max(versions))) if versions else "0"
