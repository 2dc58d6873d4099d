"""Quick commands stay quick: each CLI command imports only what it uses (issue 22). Run through
the real entry point in a fresh interpreter, `--version`, `--help`, `validate` and `score` load
neither Qt nor the PDF renderer nor the PDF signer; `report` does load reportlab, which shows the
check sees an import when there is one. `score` loads neither the PDF's escaping nor its
right-to-left shaping, which a report loads only for a file with Arabic or Hebrew text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from veu_assess.resources import sample_path

HEAVY = ("PySide6", "shiboken6", "reportlab", "pyhanko")

# The modules loaded are written at exit, after the command has run to its end (sys.exit included).
SCRIPT = """
import atexit, sys
out = sys.argv[1]
def _dump():
    with open(out, "w") as fh:
        fh.write("\\n".join(sorted({m.split(".")[0] for m in sys.modules})))
atexit.register(_dump)
sys.argv = ["veu-assess", *sys.argv[2:]]
from veu_assess.cli.entry import main
main()
"""


def _loaded(tmp_path: Path, *args: str) -> set[str]:
    out = tmp_path / "modules.txt"
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(out), *args], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    return set(out.read_text().split())


@pytest.mark.parametrize("args", [
    ("--version",),
    ("--help",),
    ("validate", "SAMPLE"),
    ("validate", "--quick", "SAMPLE"),
    ("score", "SAMPLE"),
    ("score", "--json", "SAMPLE"),
    ("tpp", "--tops", "100", "--bits", "8"),
])
def test_quick_commands_load_no_qt_pdf_or_signer(tmp_path: Path, args: tuple[str, ...]) -> None:
    argv = [str(sample_path()) if a == "SAMPLE" else a for a in args]
    heavy = _loaded(tmp_path, *argv) & set(HEAVY)
    assert heavy == set(), f"veu-assess {' '.join(args)} imported {sorted(heavy)}"


def test_the_check_sees_an_import(tmp_path: Path) -> None:
    loaded = _loaded(tmp_path, "report", str(sample_path()), "-o", str(tmp_path / "r.pdf"))
    assert "reportlab" in loaded and "PySide6" not in loaded


@pytest.mark.parametrize("args", [("score", "SAMPLE"), ("score", "--json", "SAMPLE"), ("validate", "SAMPLE")])
def test_a_start_served_from_the_cache_reads_no_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    args: tuple[str, ...]) -> None:
    # The catalog, the routes and the labels come from the validated cache once it is written:
    # PyYAML (about a tenth of `score`'s start) is not even imported. The first run fills the cache.
    monkeypatch.setenv("VEU_ASSESS_CACHE_DIR", str(tmp_path / "cache"))
    argv = [str(sample_path()) if a == "SAMPLE" else a for a in args]
    assert "yaml" in _loaded(tmp_path, *argv) or args[0] == "validate"  # a cold cache: a full load
    assert "yaml" not in _loaded(tmp_path, *argv)


def test_pydantic_looks_for_no_plugins() -> None:
    # The entry point turns off pydantic's scan of every installed package's entry points.
    script = ("import sys; sys.argv = ['veu-assess', '--version']\n"
              "import os, veu_assess.cli.entry as e\n"
              "print(os.environ.get('PYDANTIC_DISABLE_PLUGINS'))")
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "__all__"


def test_validate_reads_no_catalog(tmp_path: Path) -> None:
    # Opening and checking a file needs the file's own schema, never forms/ (the catalog's models,
    # the routes, the YAML reader).
    out = tmp_path / "modules.txt"
    script = SCRIPT.replace('{m.split(".")[0] for m in sys.modules}', "set(sys.modules)")
    assert script != SCRIPT
    run = subprocess.run([sys.executable, "-c", script, str(out), "validate", str(sample_path())],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    loaded = set(out.read_text().split())
    assert "veu_assess.model.assessment" in loaded  # the check sees the modules it does import
    assert sorted(m for m in loaded if m.startswith("veu_assess.catalog") or m.split(".")[0] == "yaml") == []


RIGHT_TO_LEFT = ("arabic_reshaper", "bidi")  # report.shaping's, for a PDF with Arabic or Hebrew text
PDF_TEXT = ("markupsafe", "jinja2")  # report.text's escaping and the report's templates


def _rtl_file(tmp_path: Path) -> Path:
    from veu_assess.model.assessment import Site
    from veu_assess.storage.veua import open_document, save_document

    doc = open_document(sample_path())
    doc.assessment.profile.applicant_name = "مركز بيانات دبي"
    doc.assessment.profile.sites = [*doc.assessment.profile.sites,
                                    Site(id="tlv", name="אתר תל אביב", address="", country="IL")]
    path = tmp_path / "rtl.veua"
    save_document(doc, path)
    return path


@pytest.mark.parametrize("args", [("score",), ("score", "--json")])
def test_score_loads_no_shaping_nor_pdf_text(tmp_path: Path, args: tuple[str, ...]) -> None:
    # The terminal shows the text in logical order (the terminal does the bidi): score prints the
    # report's labels but needs neither the PDF's escaping nor its right-to-left shaping, even
    # for a file with Arabic and Hebrew names.
    for path in (sample_path(), _rtl_file(tmp_path)):
        loaded = _loaded(tmp_path, *args, str(path)) & {*RIGHT_TO_LEFT, *PDF_TEXT}
        assert loaded == set(), f"veu-assess {' '.join(args)} {path.name} imported {sorted(loaded)}"


def test_score_prints_right_to_left_names_as_typed(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "veu_assess", "score", str(_rtl_file(tmp_path))],
                         capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0] == "VEU readiness: مركز بيانات دبي"  # logical order, not shaped


def test_a_report_loads_the_shaper_only_for_right_to_left_text(tmp_path: Path) -> None:
    plain = _loaded(tmp_path, "report", str(sample_path()), "-o", str(tmp_path / "plain.pdf"))
    assert "reportlab" in plain and set(RIGHT_TO_LEFT) & plain == set()
    shaped = _loaded(tmp_path, "report", str(_rtl_file(tmp_path)), "-o", str(tmp_path / "rtl.pdf"))
    assert set(RIGHT_TO_LEFT) <= shaped  # the check sees the import where the PDF needs it
