"""Start-up stays light: opening the app's modules does not load the PDF renderer."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
import veu_assess.ui.app, veu_assess.ui.main_window, veu_assess.ui.report_page
print(",".join(sorted(m for m in sys.modules if m.split(".")[0] == "reportlab")))
"""


def test_ui_modules_do_not_import_reportlab() -> None:
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"reportlab imported at start-up: {out.stdout[:200]}"
