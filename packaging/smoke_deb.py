"""The .deb half of the smoke test (Linux, as root): install, check what landed, purge, check
nothing is left, and purge the dependencies the install pulled in, so the machine is as before.

Used by ``packaging/smoke_test.py --deb``; the steps in between run through /usr/bin/veu-assess.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Protocol

import datafiles

MIME_TYPE = datafiles.MIME_TYPE


class Failures(Protocol):
    def fail(self, message: str) -> None: ...


def find_deb(given: str, name: str) -> Path | None:
    """The .deb to test (the newest dist/NAME_*.deb by default); None, with the reason, if unusable."""
    if given:
        deb: Path | None = Path(given)
    else:
        found = sorted((datafiles.REPO_DIR / "dist").glob(f"{name}_*.deb"), key=lambda p: p.stat().st_mtime)
        deb = found[-1] if found else None
    if deb is None or not deb.is_file():
        print("smoke-test: no .deb found (run packaging/build-linux)", file=sys.stderr)
        return None
    if os.geteuid() != 0:
        print(f"smoke-test --deb: run as root (it installs and removes {deb})", file=sys.stderr)
        return None
    if _dpkg_knows(name):
        print(f"smoke-test --deb: {name} is already installed; remove it first (dpkg --purge {name})",
              file=sys.stderr)
        return None
    return deb.resolve()


def _dpkg_knows(name: str) -> bool:
    return subprocess.run(["dpkg", "-s", name], capture_output=True).returncode == 0


def _installed_packages() -> set[str]:
    out = subprocess.run(["dpkg-query", "-W", "-f", "${binary:Package}\n"], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def _quiet(command: list[str], log: Path) -> bool:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    with log.open("wb") as fh:
        ok = subprocess.run(command, stdout=fh, stderr=subprocess.STDOUT, env=env).returncode == 0
    if not ok:
        sys.stderr.write(log.read_text(errors="replace"))
    return ok


def install(deb: Path, name: str, work: Path, report: Failures) -> None:
    """Install with apt-get (it resolves Depends from the configured mirror; this machine is not
    the offline target, see README), else dpkg -i; then check the installed files."""
    (work / "before").write_text("\n".join(sorted(_installed_packages())))
    print(f"Installing {deb}", flush=True)
    log = work / "dpkg.log"
    if shutil.which("apt-get"):
        apt = ["apt-get", "install", "-y", "-q", "--no-install-recommends", str(deb)]
        ok = _quiet(apt, log) or (_quiet(["apt-get", "update", "-qq"], log) and _quiet(apt, log))
        if not ok:
            report.fail(f"apt-get install {deb}")
    elif not _quiet(["dpkg", "-i", str(deb)], log):
        report.fail(f"dpkg -i {deb}")
    check_installed(name, report)


def check_installed(name: str, report: Failures) -> None:
    for f in (f"/opt/{name}/{name}", f"/usr/bin/{name}", f"/usr/share/applications/{name}.desktop",
              f"/usr/share/mime/packages/{name}.xml", f"/usr/share/icons/hicolor/scalable/apps/{name}.svg",
              f"/usr/share/icons/hicolor/48x48/apps/{name}.png", f"/opt/{name}/_internal/veu_assess/data/sample.veua"):
        if not os.path.lexists(f):
            report.fail(f"installed file missing: {f}")
    globs = Path("/usr/share/mime/globs2")
    if globs.is_file() and f"{MIME_TYPE}:*.veua" not in globs.read_text(errors="replace"):
        report.fail("the MIME database does not know *.veua after install")
    cache = Path("/usr/share/applications/mimeinfo.cache")
    if shutil.which("update-desktop-database"):
        text = cache.read_text(errors="replace") if cache.is_file() else ""
        if not any(line.startswith(f"{MIME_TYPE}=") and f"{name}.desktop" in line for line in text.splitlines()):
            report.fail(f"the desktop database does not open .veua files with {name}.desktop")


def check_removed(name: str, report: Failures) -> None:
    left = [p for p in (f"/opt/{name}", f"/usr/bin/{name}", f"/usr/share/applications/{name}.desktop",
                        f"/usr/share/mime/packages/{name}.xml", "/usr/share/mime/application/x-veu-assessment.xml",
                        f"/usr/share/doc/{name}") if os.path.lexists(p)]
    left += [str(p) for p in Path("/usr/share/icons").rglob(f"{name}.*")] if Path("/usr/share/icons").is_dir() else []
    if left:
        report.fail(f"left behind after purge: {' '.join(left)}")
    for db in (Path("/usr/share/mime/globs2"), Path("/usr/share/applications/mimeinfo.cache")):
        if db.is_file() and "x-veu-assessment" in db.read_text(errors="replace"):
            report.fail("the MIME or desktop database still lists application/x-veu-assessment after purge")
    if _dpkg_knows(name):
        report.fail(f"dpkg still knows {name} after purge")


def purge(name: str, work: Path, report: Failures) -> None:
    print(f"Purging {name}", flush=True)
    log = work / "dpkg.log"
    if not _quiet(["dpkg", "--purge", name], log):
        report.fail(f"dpkg --purge {name}")
    check_removed(name, report)
    # Leave the machine as it was: purge the libraries the install pulled in as dependencies.
    before = set((work / "before").read_text().split())
    pulled = sorted(_installed_packages() - before)
    if pulled:
        print(f"Purging the dependencies the install added: {' '.join(pulled)}", flush=True)
        if not _quiet(["apt-get", "purge", "-y", "-q", *pulled], log):
            report.fail(f"could not purge {' '.join(pulled)}")
