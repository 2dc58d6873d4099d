"""The bundle's data list (packaging/datafiles.py) against what the runtime looks up.

No freezing here (that is packaging/build-linux + smoke-test in CI): these checks run in
milliseconds and catch the usual ways a bundle goes wrong early: a new resource folder the spec
does not list, a file pattern that leaves out a form, a version typed twice.
"""

from __future__ import annotations

import ast
import shutil
import sys
import tomllib
from pathlib import Path

import pytest

from veu_assess import resources

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging"))
import datafiles  # noqa: E402


def test_name_and_version_come_from_pyproject() -> None:
    meta = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    proj = datafiles.project()
    assert (proj.name, proj.version) == (meta["name"], meta["version"])


def _resource_names_used_by_runtime() -> set[str]:
    """Every literal name passed to resource_dir() in veu_assess/resources.py."""
    tree = ast.parse((REPO / "veu_assess" / "resources.py").read_text(encoding="utf-8"))
    return {
        call.args[0].value
        for call in ast.walk(tree)
        if isinstance(call, ast.Call)
        and getattr(call.func, "id", None) == "resource_dir"
        and call.args
        and isinstance(call.args[0], ast.Constant)
    }


def test_every_folder_the_runtime_looks_up_is_bundled() -> None:
    used = _resource_names_used_by_runtime()
    assert used >= {"forms", "templates", "data", "fonts", "translations"}
    assert used <= {folder.name for folder in datafiles.DATA_FOLDERS}


def test_the_repository_has_every_data_folder_and_the_sample() -> None:
    assert datafiles.missing_data() == []


@pytest.mark.parametrize("folder", datafiles.DATA_FOLDERS, ids=lambda f: f.name)
def test_source_folder_is_what_the_runtime_finds_in_a_checkout(folder: datafiles.DataFolder) -> None:
    # In a source checkout (or editable install) resources.py must land on the same folder the
    # spec copies, or the bundle would ship something other than what the tests exercised.
    assert resources.resource_dir(folder.name).resolve() == (REPO / folder.source).resolve()


def test_every_form_and_template_file_ships() -> None:
    for name, suffixes in (("forms", {".yaml", ".json"}), ("templates", None)):
        folder = next(f for f in datafiles.DATA_FOLDERS if f.name == name)
        root = REPO / folder.source
        on_disk = {
            p for p in root.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and (suffixes is None or p.suffix in suffixes)
        }
        assert set(folder.files()) == on_disk


def _bundle_like_layout(tmp_path: Path) -> Path:
    """Copy the files where datas() says they go, as PyInstaller does under sys._MEIPASS."""
    for folder in datafiles.DATA_FOLDERS:
        root = REPO / folder.source
        for path in folder.files():
            target = tmp_path / "veu_assess" / folder.name / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    return tmp_path


def test_resources_finds_every_folder_in_a_frozen_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = _bundle_like_layout(tmp_path)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    for folder in datafiles.DATA_FOLDERS:
        assert resources.resource_dir(folder.name) == bundle / "veu_assess" / folder.name
    assert resources.sample_path().is_file()


def test_datas_destinations_match_the_frozen_layout(tmp_path: Path) -> None:
    # datas() refuses to run without compiled translations; give it a repository copy that has them.
    repo = tmp_path / "repo"
    for folder in datafiles.DATA_FOLDERS:
        shutil.copytree(REPO / folder.source, repo / folder.source, dirs_exist_ok=True)
    for ts in (repo / "veu_assess" / "translations").glob("*.ts"):
        ts.with_suffix(".qm").write_bytes(b"qm")
    pairs = datafiles.datas(repo)
    by_folder = {f.name: f for f in datafiles.DATA_FOLDERS}
    for source, dest in pairs:
        parts = Path(dest).parts
        assert parts[0] == "veu_assess" and parts[1] in by_folder
        rel = Path(source).relative_to(repo / by_folder[parts[1]].source)
        assert Path(*parts[2:]) == rel.parent
    assert any(Path(s).name == "sample.veua" for s, _ in pairs)


def test_datas_refuses_an_incomplete_bundle(tmp_path: Path) -> None:
    (tmp_path / "forms").mkdir()
    with pytest.raises(datafiles.MissingData, match=r"sample\.veua"):
        datafiles.datas(tmp_path)


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
        ("PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so", False),
        ("PySide6/Qt/translations/qtbase_ja.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/designer_ja.qm", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),  # the Windows wheel's layout
        ("PySide6/plugins/platforms/qdirect2d.dll", False),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
        ("PySide6/translations/qtbase_ja.qm", True),
        ("PySide6/translations/qtbase_fr.qm", False),
        ("PySide6/opengl32sw.dll", False),
        ("veu_assess/translations/veu_assess_ja.qm", True),
    ],
)
def test_qt_trimming(dest: str, kept: bool) -> None:
    assert datafiles.keep_qt_file(dest) is kept
