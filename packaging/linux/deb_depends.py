"""Derive the .deb's Depends from the frozen bundle itself.

    python packaging/linux/deb_depends.py dist/veu-assess            # prints the Depends value
    python packaging/linux/deb_depends.py dist/veu-assess --explain  # and which file needs what

How: every ELF file in the bundle lists the shared libraries it needs (DT_NEEDED, read with
``objdump -p``); those the bundle does not contain must come from the host. Each such soname is
resolved to the file the build machine's dynamic linker would load (``ldconfig -p``) and that
file to the Debian package that owns it (``dpkg -S``). Libraries the build machine does not have
installed (Qt's xcb plugin needs a few that a headless build host lacks) are looked up in
KNOWN_PACKAGES below; a soname in neither place stops the build, so a new host dependency is
noticed and recorded rather than shipped undeclared.

libc6 gets a version floor: the newest GLIBC_x.y symbol version any ELF file of the bundle needs
(``elfdeps.glibc_floor``, from each file's version references), i.e. the oldest glibc the bundle
really runs on. That is usually older than the build machine's own glibc (``ldd --version``), which
would needlessly shut out older systems. Other libraries keep their ABI in the soname, so they stay
unversioned.
"""

from __future__ import annotations

import argparse
import platform
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import elfdeps

# Sonames of libraries a headless build machine may lack, with the Debian/Ubuntu package that
# ships them (as in Debian 12; newer releases' renamed "t64" packages provide these names).
KNOWN_PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
}


def linker_paths() -> dict[str, str]:
    """soname -> path for the build machine's native architecture, from the linker cache."""
    out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    arch = "x86-64" if platform.machine() == "x86_64" else platform.machine()
    paths: dict[str, str] = {}
    for soname, flags, path in re.findall(r"^\s*(\S+) \(([^)]*)\) => (\S+)$", out, flags=re.M):
        if (arch in flags or "64" not in flags) and soname not in paths:
            paths[soname] = path
    return paths


def owning_package(path: str) -> str | None:
    """The installed Debian package that ships ``path`` (tries the /usr-merged twin too)."""
    candidates = [path, str(Path(path).resolve())]
    candidates += [p.removeprefix("/usr") if p.startswith("/usr/lib") else "/usr" + p for p in list(candidates)]
    for candidate in candidates:
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()  # "libfoo1:amd64: /path" -> "libfoo1"
    return None


def build_glibc() -> str:
    """The glibc version of the build machine, e.g. "2.36"."""
    return platform.libc_ver()[1] or re.findall(r"(\d+\.\d+)\s*$", _first_line(["ldd", "--version"]))[0]


def _first_line(cmd: list[str]) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.splitlines()[0]


def resolve(bundle: Path) -> tuple[dict[str, str], list[str]]:
    """(soname -> package, sonames that could not be resolved)."""
    paths = linker_paths()
    packages: dict[str, str] = {}
    unknown = []
    for soname in elfdeps.external_sonames(bundle):
        package = owning_package(paths[soname]) if soname in paths else None
        package = package or KNOWN_PACKAGES.get(soname)
        if package:
            packages[soname] = package
        else:
            unknown.append(soname)
    return packages, unknown


def depends_field(packages: dict[str, str], glibc: str) -> str:
    """The Depends value: every package once, sorted, libc6 with the version floor ``glibc``."""
    names = sorted(set(packages.values()) | {"libc6"})
    return ", ".join(f"libc6 (>= {glibc})" if name == "libc6" else name for name in names)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the one-folder bundle, e.g. dist/veu-assess")
    parser.add_argument("--explain", action="store_true", help="print which soname maps to which package")
    args = parser.parse_args(argv)
    packages, unknown = resolve(args.bundle)
    if unknown:
        print(f"deb_depends: no package known for {', '.join(unknown)}; add it to KNOWN_PACKAGES "
              f"in {Path(__file__).name} after checking which package ships it", file=sys.stderr)
        return 1
    glibc_needs = elfdeps.glibc_needs_in(args.bundle)
    try:
        floor = elfdeps.newest_glibc(glibc_needs)
    except ValueError as exc:
        print(f"deb_depends: {exc}: a glibc-internal library got into the bundle?", file=sys.stderr)
        return 1
    if floor is None:  # nothing in the bundle names its glibc versions: fall back to the safe side
        floor = build_glibc()
        print(f"deb_depends: no GLIBC_ version needs found; using the build machine's glibc {floor}",
              file=sys.stderr)
    if args.explain:
        for soname, package in sorted(packages.items()):
            print(f"  {soname:32} {package}", file=sys.stderr)
        needing = sorted(str(path.relative_to(args.bundle)) for path, names in glibc_needs.items()
                         if elfdeps.newest_glibc({path: names}) == floor)
        print(f"  glibc: newest version the bundle needs {floor} (the libc6 floor; "
              f"{', '.join(needing[:3]) or 'no file'}{' ...' if len(needing) > 3 else ''}); "
              f"build machine {build_glibc()}", file=sys.stderr)
    print(depends_field(packages, floor))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
