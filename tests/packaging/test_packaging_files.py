"""The installer files: desktop entry, MIME type, launcher, maintainer scripts, icon, Windows and
macOS recipes. Each is checked for validity and for agreeing with packaging/datafiles.py, which
holds the names they have to repeat (formats that cannot import Python)."""

from __future__ import annotations

import configparser
import os
import plistlib
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
sys.path.insert(0, str(PACKAGING))
sys.path.insert(0, str(PACKAGING / "linux"))
import datafiles  # noqa: E402
import deb_depends  # noqa: E402
import elfdeps  # noqa: E402
import icons  # noqa: E402

NAME = datafiles.project().name
DESKTOP = PACKAGING / "linux" / f"{NAME}.desktop"
MIME_XML = PACKAGING / "linux" / f"{NAME}.xml"
ISS = PACKAGING / "windows" / f"{NAME}.iss"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_names_command_icon_and_type() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == datafiles.DISPLAY_NAME
    assert entry["Name[ja]"] == datafiles.DISPLAY_NAME_JA
    assert entry["Exec"].split()[0] == NAME and "%F" in entry["Exec"]
    assert entry["Icon"] == NAME
    assert datafiles.MIME_TYPE in entry["MimeType"].split(";")
    assert entry["Terminal"] == "false"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_mime_type_registers_the_extension() -> None:
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(MIME_XML).getroot()
    (mime,) = root.findall("m:mime-type", ns)
    assert mime.get("type") == datafiles.MIME_TYPE
    assert [g.get("pattern") for g in mime.findall("m:glob", ns)] == [f"*.{datafiles.FILE_EXTENSION}"]
    langs = {c.get("{http://www.w3.org/XML/1998/namespace}lang") for c in mime.findall("m:comment", ns)}
    assert langs == {None, "ja"}


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script (Windows CI has only Git Bash)")
def test_launcher_sets_a_utf8_locale_only_when_needed(tmp_path: Path) -> None:
    # Run the real launcher with the exec target swapped for `env`, to see what it passes on.
    script = (PACKAGING / "linux" / "launcher.sh").read_text(encoding="utf-8")
    assert f"exec /opt/{NAME}/{NAME} " in script
    probe = tmp_path / "launcher"
    probe.write_text(script.replace(f"exec /opt/{NAME}/{NAME} ", "exec env "), encoding="utf-8")
    probe.chmod(0o755)

    def passed_env(**env: str) -> dict[str, str]:
        out = subprocess.run([str(probe)], env={"PATH": os.defpath, **env}, capture_output=True, text=True,
                             check=True).stdout
        return dict(line.split("=", 1) for line in out.splitlines() if "=" in line)

    bare = passed_env()
    assert bare["LANG"] == "C.UTF-8" and bare["LC_CTYPE"] == "C.UTF-8"
    japanese = passed_env(LANG="ja_JP.UTF-8")
    assert japanese["LANG"] == "ja_JP.UTF-8" and "LC_CTYPE" not in japanese
    c_locale = passed_env(LC_ALL="C", LANG="ja_JP.eucJP")
    assert c_locale["LC_ALL"] == "C.UTF-8" and c_locale["LANG"] == "ja_JP.eucJP"


@pytest.mark.parametrize(
    "script",
    ["linux/launcher.sh", "linux/postinst", "linux/postrm", "linux/build-deb", "build-linux", "smoke-test",
     "macos/build-macos"],
)
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX execute bits and shells")
def test_shell_scripts_parse_and_are_executable(script: str) -> None:
    path = PACKAGING / script
    assert os.access(path, os.X_OK), f"{script} is not executable"
    shell = "sh" if script.startswith("linux/post") or script.endswith(".sh") else "bash"
    subprocess.run([shell, "-n", str(path)], check=True)


def test_committed_svg_icon_is_what_the_generator_draws() -> None:
    assert (PACKAGING / f"{NAME}.svg").read_text(encoding="utf-8") == icons.svg()
    ET.fromstring(icons.svg())  # well-formed


def test_raster_icon_is_drawn_at_the_requested_size() -> None:
    image = icons.png(32)
    assert image.size == (32, 32) and image.mode == "RGBA"
    assert image.getpixel((0, 0))[3] == 0  # transparent corner (rounded tile)
    assert image.getpixel((16, 8))[3] == 255


def test_inno_setup_script_installs_per_user_with_the_association() -> None:
    text = ISS.read_text(encoding="utf-8")
    setup = dict(re.findall(r"^(\w+)=(.*)$", text, flags=re.M))
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["ChangesAssociations"] == "yes"
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["AppId"])
    assert f'#define AppName "{datafiles.DISPLAY_NAME}"' in text
    assert f'#define AppNameJa "{datafiles.DISPLAY_NAME_JA}"' in text
    assert f'Subkey: "Software\\Classes\\.{datafiles.FILE_EXTENSION}"' in text
    assert datafiles.MIME_TYPE in text
    assert "{autoprograms}" in text  # Start-menu entry
    # The version is read from the executable the spec stamps, not typed here.
    assert "GetStringFileInfo" in text and not re.search(r"AppVersion=\d", text)


def test_macos_info_plist_declares_the_document_type() -> None:
    proj = datafiles.project()
    info = datafiles.macos_info_plist(proj)
    plistlib.loads(plistlib.dumps(info))  # serializable as an Info.plist
    assert info["CFBundleShortVersionString"] == proj.version
    (exported,) = info["UTExportedTypeDeclarations"]  # type: ignore[misc]
    (doc_type,) = info["CFBundleDocumentTypes"]  # type: ignore[misc]
    assert exported["UTTypeTagSpecification"]["public.filename-extension"] == [datafiles.FILE_EXTENSION]
    assert doc_type["LSItemContentTypes"] == [exported["UTTypeIdentifier"]]
    assert doc_type["CFBundleTypeRole"] == "Editor"


def test_spec_takes_everything_from_datafiles() -> None:
    spec = (PACKAGING / f"{NAME}.spec").read_text(encoding="utf-8")
    assert "datafiles.datas()" in spec and "datafiles.project()" in spec
    assert not re.search(r"version\s*=\s*['\"]\d", spec)  # no version typed into the spec


def test_host_libraries_are_recognised() -> None:
    assert elfdeps.is_system_library("/usr/lib/x86_64-linux-gnu/libfontconfig.so.1")
    assert elfdeps.is_system_library("/lib/x86_64-linux-gnu/libstdc++.so.6")
    assert not elfdeps.is_system_library("/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0")
    assert not elfdeps.is_system_library("/venv/lib/python3.11/site-packages/PySide6/Qt/lib/libQt6Core.so.6")


def test_links_to_dropped_libraries_are_dropped() -> None:
    toc = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY"),
    ]
    kept = elfdeps.drop_dangling_links(toc, {"PySide6/Qt/lib/libQt6Core.so.6"})
    assert [dest for dest, _, _ in kept] == ["libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6"]


def test_depends_field_has_the_glibc_floor_and_no_duplicates() -> None:
    packages = {"libc.so.6": "libc6", "libm.so.6": "libc6", "libxcb.so.1": "libxcb1", "libGL.so.1": "libgl1"}
    assert deb_depends.depends_field(packages, "2.36") == "libc6 (>= 2.36), libgl1, libxcb1"
