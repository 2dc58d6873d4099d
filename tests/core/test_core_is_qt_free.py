"""The core never imports PySide6: import every core module in a fresh interpreter and check."""

from __future__ import annotations

import subprocess
import sys

CORE = ("catalog", "model", "engine", "storage", "report", "export", "signing")

SCRIPT = f"""
import importlib, pkgutil, sys
import veu_assess, veu_assess.cli.main, veu_assess.resources
for name in {CORE!r}:
    pkg = importlib.import_module("veu_assess." + name)
    for mod in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        importlib.import_module(mod.name)
veu_assess.cli.main.build_parser()
bad = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print(",".join(bad))
"""


def test_core_and_cli_do_not_import_qt() -> None:
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt imported by the core: {out.stdout}"


def test_the_check_can_fail() -> None:
    script = SCRIPT.replace("veu_assess.cli.main.build_parser()", "import PySide6.QtCore")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "PySide6" in out.stdout
