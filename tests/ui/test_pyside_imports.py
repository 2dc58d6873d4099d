"""The cheaper "does this module use PySide6?" check gives PySide6's own answer (ui/pyside_imports.py)."""

from __future__ import annotations

import sys
import types
from pathlib import Path

from PySide6.support import feature  # type: ignore[attr-defined]

from veu_assess.ui import pyside_imports


def test_the_check_is_replaced_once_and_agrees_with_pysides_own(tmp_path: Path) -> None:
    cheaper = feature._mod_uses_pyside
    assert getattr(cheaper, "_veu_cheaper", False), "importing veu_assess.ui installs the cheaper check"
    assert pyside_imports.install() is False  # not twice
    import inspect

    def original(module: types.ModuleType) -> bool:  # PySide6's: the source through inspect
        try:
            return "PySide6" in inspect.getsource(module)
        except (TypeError, OSError, SyntaxError):
            return False

    names = [n for n in sorted(sys.modules) if n.startswith(("veu_assess", "json", "pydantic", "email"))]
    modules = [sys.modules[n] for n in names if sys.modules[n] is not None]
    assert len(modules) > 50
    answers = {m.__name__: cheaper(m) for m in modules}
    assert answers == {m.__name__: original(m) for m in modules}
    assert answers["veu_assess.ui.navigation"] and not answers["veu_assess.engine.scoring"]
    # A module whose file is gone: PySide6's own check answers (no source: no PySide6).
    gone = types.ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")
    assert cheaper(gone) is False
