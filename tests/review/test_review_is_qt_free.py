"""The review package, engine.compare and the diff command never import PySide6 (fresh interpreter)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import importlib, pkgutil, sys
import veu_assess.review, veu_assess.engine.compare, veu_assess.cli.review_commands
for mod in pkgutil.walk_packages(veu_assess.review.__path__, "veu_assess.review."):
    importlib.import_module(mod.name)
{extra}
print(",".join(sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))))
"""


def _qt_modules(extra: str = "") -> str:
    out = subprocess.run([sys.executable, "-c", SCRIPT.format(extra=extra)], capture_output=True, text=True,
                         check=True)
    return out.stdout.strip()


def test_review_core_does_not_import_qt() -> None:
    assert _qt_modules() == ""


def test_the_check_can_fail() -> None:
    assert "PySide6" in _qt_modules("import veu_assess.ui.review")
