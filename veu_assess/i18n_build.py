"""Compile the interface translations (``translations/*.ts``) into Qt's binary ``.qm`` files.

The ``.ts`` files are the source kept in the repository; ``.qm`` files are build outputs and are not
committed. They are made by ``python -m veu_assess.i18n_build`` at build/packaging time, and, as a
safety net, by the GUI on start-up when a ``.qm`` is missing or older than its ``.ts`` (a source
checkout, an editable install, a wheel installed without the build step).

The compiler is ``lrelease``, which ships inside the PySide6-Essentials wheel next to the package.
This module does not import Qt: it only locates that binary, so the packaging scripts and the CLI
can use it without a display or Qt libraries being loaded.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from veu_assess.platform_dirs import app_dir

log = logging.getLogger("veu_assess.i18n")

DOMAIN = "veu_assess"  # the .ts/.qm files are named veu_assess_<lang>.ts
_LRELEASE_TIMEOUT_S = 60


class TranslationBuildError(RuntimeError):
    """lrelease is missing or failed; the message says which and why."""


def _pyside6_dir() -> Path | None:
    # find_spec locates the package without importing it, so no Qt library is loaded here.
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def find_tool(name: str) -> Path:
    """The Qt tool ``name`` (``lrelease`` or ``lupdate``) shipped with PySide6, else from PATH."""
    exe = name + (".exe" if sys.platform == "win32" else "")
    candidates: list[Path] = []
    package = _pyside6_dir()
    if package is not None:
        # Wheel layout: PySide6/lrelease; some macOS/framework builds keep it under Qt/libexec.
        candidates += [package / exe, package / "Qt" / "libexec" / exe, package / "Qt" / "bin" / exe]
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    for fallback in (f"pyside6-{name}", name):
        found = shutil.which(fallback)
        if found:
            return Path(found)
    raise TranslationBuildError(f"Qt's {name} was not found (looked next to PySide6 and on PATH)")


def ts_path(translations_dir: Path, lang: str) -> Path:
    return translations_dir / f"{DOMAIN}_{lang}.ts"


def cache_dir() -> Path:
    """Per-user folder for .qm files when the installation folder is read-only."""
    override = os.environ.get("VEU_ASSESS_CACHE_DIR")
    if override:
        return Path(override) / "translations"
    return app_dir("cache") / "translations"


def _cached_qm(ts: Path) -> Path:
    # Named after the .ts content, so an upgrade with new texts never picks up a stale cached file.
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:12]
    return cache_dir() / f"{ts.stem}-{digest}.qm"


def is_current(qm: Path, ts: Path) -> bool:
    return qm.is_file() and qm.stat().st_size > 0 and qm.stat().st_mtime >= ts.stat().st_mtime


def compile_ts(ts: Path, qm: Path) -> Path:
    """Run lrelease on ``ts`` writing ``qm``; raise TranslationBuildError on any failure."""
    tool = find_tool("lrelease")
    qm.parent.mkdir(parents=True, exist_ok=True)
    tmp = qm.with_name(qm.name + ".tmp")
    try:
        result = subprocess.run(
            [str(tool), "-silent", str(ts), "-qm", str(tmp)],
            capture_output=True,
            text=True,
            timeout=_LRELEASE_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise TranslationBuildError(f"lrelease could not run on {ts.name}: {exc}") from exc
    if result.returncode != 0 or not tmp.is_file():
        tmp.unlink(missing_ok=True)
        detail = (result.stderr or result.stdout).strip()
        raise TranslationBuildError(f"lrelease failed on {ts.name}: {detail}")
    # Replace atomically so a GUI starting meanwhile never loads a half-written file.
    os.replace(tmp, qm)
    return qm


def ensure_qm(ts: Path) -> Path:
    """An up-to-date .qm for ``ts``: next to it if writable, else in the per-user cache.

    A .qm next to the .ts that is current (e.g. made by the build step) is used as it is, even
    when lrelease is not available (a frozen bundle).
    """
    beside = ts.with_suffix(".qm")
    if is_current(beside, ts):
        return beside
    cached = _cached_qm(ts)
    if cached.is_file() and cached.stat().st_size > 0:
        return cached
    if os.access(ts.parent, os.W_OK):
        try:
            return compile_ts(ts, beside)
        except (TranslationBuildError, OSError) as exc:
            log.info("cannot write %s (%s); using the cache folder", beside, exc)
    if beside.is_file() and beside.stat().st_size > 0 and not _can_compile():
        # Older than the .ts but nothing can rebuild it: older texts beat no translation.
        return beside
    return compile_ts(ts, cached)


def _can_compile() -> bool:
    try:
        find_tool("lrelease")
    except TranslationBuildError:
        return False
    return True


def build_all(translations_dir: Path, out_dir: Path | None = None) -> list[Path]:
    """Compile every ``veu_assess_*.ts`` in ``translations_dir`` (into ``out_dir`` if given)."""
    written = []
    for ts in sorted(translations_dir.glob(f"{DOMAIN}_*.ts")):
        target = (out_dir or ts.parent) / ts.with_suffix(".qm").name
        written.append(compile_ts(ts, target))
    return written


def main(argv: list[str] | None = None) -> int:
    """``python -m veu_assess.i18n_build [--out DIR]``: compile the .ts files for packaging."""
    from veu_assess.resources import translations_dir

    parser = argparse.ArgumentParser(prog="python -m veu_assess.i18n_build", description=main.__doc__)
    parser.add_argument("--out", type=Path, default=None, help="write the .qm files here instead")
    args = parser.parse_args(argv)
    try:
        written = build_all(translations_dir(), args.out)
    except (TranslationBuildError, FileNotFoundError, OSError) as exc:
        print(f"i18n_build: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
