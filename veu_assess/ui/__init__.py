"""ui package: the desktop interface (the only package that imports PySide6).

Importing it makes PySide6's per-import source check cheaper first (``pyside_imports``), before
the interface's own modules are imported (issue 22: start-up time).
"""

from veu_assess.ui import pyside_imports

pyside_imports.install()
