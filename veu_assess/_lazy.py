"""Lazy re-exports for package ``__init__`` modules (PEP 562).

``veu-assess --version`` must not build pydantic models: importing ``veu_assess.storage.files``
runs ``veu_assess/storage/__init__.py`` first, which used to import the whole storage layer. A
package now names what it re-exports and where from; a name is imported on first use. Type
checkers read the ``if TYPE_CHECKING:`` imports each package keeps beside the table.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, exports: dict[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``exports[name]`` (a module path) on first use."""

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(importlib.import_module(package), name, value)  # later look-ups skip this hook
        return value

    return __getattr__
