"""The .deb's libc6 floor: the newest GLIBC_x.y version the bundle's ELF files need, not the build
machine's glibc. Checked on canned ``objdump -p`` output and on real ELF files of this machine."""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging"))
sys.path.insert(0, str(REPO / "packaging" / "linux"))
import deb_depends  # noqa: E402
import elfdeps  # noqa: E402

needs_objdump = pytest.mark.skipif(shutil.which("objdump") is None, reason="binutils (objdump) not installed")
REAL_ELF = Path(sys.executable).resolve()  # the interpreter running the tests: an ELF file on Linux

# Abridged `objdump -p` of a glibc library: definitions (what it provides) come before references
# (what it needs); only the references count, and only glibc's own versions.
OBJDUMP_P = """
/lib/x86_64-linux-gnu/libm.so.6:     file format elf64-x86-64

Dynamic Section:
  NEEDED               libc.so.6
  SONAME               libm.so.6

Version definitions:
1 0x01 0x0905f4e6 libm.so.6
2 0x00 0x09691a75 GLIBC_2.2.5
15 0x00 0x06969195 GLIBC_2.35
\tGLIBC_2.32

Version References:
  required from ld-linux-x86-64.so.2:
    0x0963cf85 0x00 19 GLIBC_PRIVATE
  required from libstdc++.so.6:
    0x08922974 0x00 07 GLIBCXX_3.4
  required from libc.so.6:
    0x00fd0e42 0x00 20 GLIBC_ABI_DT_RELR
    0x0d696914 0x00 18 GLIBC_2.4
    0x09691974 0x00 05 GLIBC_2.3.4
    0x09691a75 0x00 17 GLIBC_2.2.5

"""


def test_version_needs_come_from_the_references_only() -> None:
    assert elfdeps.glibc_version_needs(OBJDUMP_P) == {
        "GLIBC_PRIVATE", "GLIBC_ABI_DT_RELR", "GLIBC_2.4", "GLIBC_2.3.4", "GLIBC_2.2.5"
    }
    assert elfdeps.glibc_version_needs("a.txt:     file format binary\n") == set()  # not ELF


def test_release_numbers_compare_as_numbers() -> None:
    assert elfdeps.glibc_release("GLIBC_2.3.4") == (2, 3, 4)
    assert elfdeps.glibc_release("GLIBC_ABI_DT_RELR") == (2, 36)  # introduced in glibc 2.36
    with pytest.raises(ValueError, match="GLIBC_PRIVATE"):
        elfdeps.glibc_release("GLIBC_PRIVATE")
    needs = {Path("a.so"): {"GLIBC_2.9", "GLIBC_2.2.5"}, Path("b.so"): {"GLIBC_2.17"}}
    assert elfdeps.newest_glibc(needs) == "2.17"  # "2.9" would win as text
    assert elfdeps.newest_glibc({}) is None
    with pytest.raises(ValueError, match=r"c\.so: GLIBC_PRIVATE"):
        elfdeps.newest_glibc({**needs, Path("c.so"): {"GLIBC_PRIVATE"}})


def _readelf_glibc_needs(path: Path) -> set[str]:
    """The same needs read by another tool: readelf's "Version needs" section."""
    out = subprocess.run(["readelf", "-V", str(path)], capture_output=True, text=True, check=True).stdout
    section = out.partition("Version needs section")[2]
    return set(re.findall(r"Name: (GLIBC_\S+)", section))


@needs_objdump
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF and glibc are Linux's")
@pytest.mark.parametrize("path", [REAL_ELF, Path("/bin/ls")], ids=["python", "ls"])
def test_version_needs_of_a_real_elf_file(path: Path) -> None:
    if not path.is_file() or path.read_bytes()[:4] != b"\x7fELF":
        pytest.skip(f"{path} is not an ELF file here")
    names = elfdeps.glibc_needs(path)
    if not names and platform.libc_ver()[0] != "glibc":
        pytest.skip("not a glibc system")
    assert names and all(n.startswith("GLIBC_") for n in names)
    if shutil.which("readelf"):
        assert names == _readelf_glibc_needs(path)
    newest = max(elfdeps.glibc_release(n) for n in names)
    host = tuple(int(n) for n in platform.libc_ver()[1].split("."))
    assert (2, 2) <= newest <= host  # a file that runs here needs no newer glibc than this one


@needs_objdump
@pytest.mark.skipif(not REAL_ELF.is_file(), reason="no interpreter binary")
def test_floor_of_a_folder_is_its_newest_need(tmp_path: Path) -> None:
    shutil.copy2(REAL_ELF, tmp_path / "app")
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "notes.txt").write_text("GLIBC_9.99 is only text\n", encoding="utf-8")
    (tmp_path / "lib" / "link").symlink_to(tmp_path / "app")
    needs = elfdeps.glibc_needs(tmp_path / "app")
    if not needs:
        pytest.skip("the interpreter has no GLIBC_ version needs here")
    expected = ".".join(map(str, max(elfdeps.glibc_release(n) for n in needs)))
    assert elfdeps.glibc_needs_in(tmp_path) == {tmp_path / "app": needs}
    assert elfdeps.glibc_floor(tmp_path) == expected


SBIN_PATH = os.pathsep.join(["/usr/sbin", "/sbin", os.environ.get("PATH", "")])  # ldconfig lives in sbin


@needs_objdump
@pytest.mark.skipif(shutil.which("dpkg") is None or shutil.which("ldconfig", path=SBIN_PATH) is None,
                    reason="needs a Debian-style system (dpkg, ldconfig)")
def test_depends_declares_the_bundle_floor_not_the_build_machine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", SBIN_PATH)
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    shutil.copy2("/bin/ls", bundle / "ls")
    monkeypatch.setattr(deb_depends, "build_glibc", lambda: "9.99")  # must not be what is declared
    assert deb_depends.main([str(bundle)]) == 0
    depends = capsys.readouterr().out.strip().split(", ")
    floor = elfdeps.glibc_floor(bundle)
    assert floor is not None and f"libc6 (>= {floor})" in depends
    assert "libc6 (>= 9.99)" not in depends
