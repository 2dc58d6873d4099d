"""Linux shared-library bookkeeping for the bundle: what it needs from the host, what it can drop.

Two users:

- the spec (on Linux) calls ``trim_binaries()``: libraries PyInstaller copied from the build
  machine's system folders are removed from the bundle, because the .deb declares them as
  dependencies instead. Bundling them (libstdc++, fontconfig, X11/xcb, glib, ...) breaks on newer
  hosts: an older libstdc++ than the host's Mesa driver wants, or an older fontconfig that warns
  about the host's configuration. Then libraries nothing needs any more (those that only served
  the dropped Qt plugins) are pruned.
- packaging/linux/deb_depends.py reads ``external_sonames()`` and ``glibc_floor()`` of the
  finished bundle to derive the .deb's Depends (the packages, and the libc6 version floor).

Dependencies are read from each ELF file's DT_NEEDED entries, and glibc version needs from its
version references, with ``objdump -p`` (binutils, which PyInstaller needs on Linux anyway).
Standard library only.
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


# glibc version names that carry no number, with the first glibc release that provides them.
# GLIBC_ABI_DT_RELR: the file uses packed relative relocations (linked with -z pack-relative-relocs).
GLIBC_ABI_MARKERS: dict[str, tuple[int, ...]] = {"GLIBC_ABI_DT_RELR": (2, 36)}
_GLIBC_NUMBERED = re.compile(r"GLIBC_(\d+(?:\.\d+)+)")


def glibc_version_needs(private_headers: str) -> set[str]:
    """The GLIBC_* version names in the "Version References" of ``objdump -p`` output.

    Those are the ELF file's version needs (``.gnu.version_r``, what ``readelf -V`` calls "Version
    needs"): for every library, the symbol versions the dynamic linker must find in it. glibc names
    its versions GLIBC_x.y[.z] after the release that introduced them, so the newest one is the
    oldest glibc the file runs on. Other libraries' versions (GLIBCXX_3.4, GCC_3.0, Qt_6) are ignored.
    """
    _, found, references = private_headers.partition("Version References:")
    if not found:
        return set()
    names = set()
    for line in references.splitlines():
        if line.strip() and not line.startswith(" "):
            break  # the next section of objdump's output
        fields = line.split()
        # Entry lines read "0x06969194 0x00 11 GLIBC_2.14"; "required from libc.so.6:" lines have no hash.
        if len(fields) == 4 and fields[0].startswith("0x") and fields[3].startswith("GLIBC_"):
            names.add(fields[3])
    return names


def glibc_needs(path: Path) -> set[str]:
    """The GLIBC_* versions one ELF file needs (empty for a file that is not ELF or needs none)."""
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=False).stdout
    return glibc_version_needs(out)


def glibc_release(name: str) -> tuple[int, ...]:
    """The first glibc release that provides version ``name``: "GLIBC_2.3.4" -> (2, 3, 4).

    Raises ValueError for a name that no release number stands for: GLIBC_PRIVATE (glibc's own
    internal interface, which ties a file to the exact glibc build it came from) or an ABI marker
    missing from GLIBC_ABI_MARKERS.
    """
    match = _GLIBC_NUMBERED.fullmatch(name)
    if match:
        return tuple(int(n) for n in match.group(1).split("."))
    if name in GLIBC_ABI_MARKERS:
        return GLIBC_ABI_MARKERS[name]
    raise ValueError(f"{name} does not name a glibc release")


def glibc_needs_in(bundle: Path) -> dict[Path, set[str]]:
    """Every ELF file under ``bundle`` that needs GLIBC_* versions, with those versions."""
    needs = {path: glibc_needs(path) for path in elf_files(bundle)}
    return {path: names for path, names in needs.items() if names}


def newest_glibc(needs: dict[Path, set[str]]) -> str | None:
    """The newest glibc release among the needs of ``glibc_needs_in()``, e.g. "2.35" (None if none).

    Raises ValueError, naming the file, when a file needs a version that stands for no release
    (see glibc_release).
    """
    newest: tuple[int, ...] | None = None
    for path, names in needs.items():
        for name in names:
            try:
                release = glibc_release(name)
            except ValueError as exc:
                raise ValueError(f"{path}: {exc}") from None
            newest = release if newest is None else max(newest, release)
    return None if newest is None else ".".join(map(str, newest))


def glibc_floor(bundle: Path) -> str | None:
    """The oldest glibc the bundle runs on: the newest GLIBC_x.y version any of its files needs."""
    return newest_glibc(glibc_needs_in(bundle))
