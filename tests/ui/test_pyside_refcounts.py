"""The installed PySide6 keeps Python's reference counts: PySide6-Essentials 6.12.0 dropped a
reference to None on every call of a method that returns nothing, and on Python 3.11 (where None
is not immortal) the app then aborts with "deallocating None" after enough use. pyproject.toml
excludes that version; this test fails on any version that does the same."""

from __future__ import annotations

import gc
import sys
from typing import Any

from PySide6.QtWidgets import QLabel


def test_void_methods_keep_the_reference_count_of_none(qtbot: Any) -> None:
    label = QLabel()
    qtbot.addWidget(label)

    def none_refs() -> int:
        gc.collect()
        return sys.getrefcount(None)

    before = none_refs()
    for _ in range(2000):
        label.setText("x")
        label.setToolTip("y")
        label.setObjectName("z")
    assert abs(none_refs() - before) < 50  # a leaking binding moves it by 6,000
