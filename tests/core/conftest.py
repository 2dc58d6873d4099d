"""Fixtures of the core tests: a private copy of forms/ to break on purpose."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from veu_assess.resources import forms_dir

Data = dict[str, Any]


@pytest.fixture
def forms_copy(tmp_path: Path) -> Path:
    """forms/ copied into the test's folder, so a test can edit it without touching the real one."""
    target = tmp_path / "forms"
    shutil.copytree(forms_dir(), target)
    return target


def edit_yaml(path: Path, change: Callable[[Data], object]) -> None:
    """Load a YAML file of the forms copy, let ``change`` edit the data in place, write it back."""
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
