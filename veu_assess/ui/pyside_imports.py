"""A cheaper answer to PySide6's question "does this module use PySide6?", asked on every import.

Once PySide6 is loaded, its import hook (``shibokensupport.feature.feature_imported``) asks that
of every module imported afterwards, to know whether ``from __feature__ import …`` may switch it
(the app uses no such feature). Its answer searches the module's source for "PySide6" through
``inspect.getsource``, which looks the module up again among all loaded modules (``inspect.getmodule``
walks ``sys.modules``) — for the ~140 modules the first window imports after PySide6, about 5 % of
the start (issue 22, measured with cProfile). Reading the file and searching its bytes gives the
same answer; anything else (no file, not a .py, unreadable) goes to PySide6's own check. If a
PySide6 version no longer has the hook, nothing is replaced.
"""

from __future__ import annotations

from types import ModuleType


def install() -> bool:
    """Replace the check by the cheaper one; False when this PySide6 has no such hook."""
    try:
        from PySide6.support import feature  # type: ignore[attr-defined]
    except ImportError:
        return False
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "_veu_cheaper", False):
        return False

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(original(module))

    uses_pyside._veu_cheaper = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside
    return True
