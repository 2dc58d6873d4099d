"""Reading one YAML data file of forms/ into a pydantic model, with every problem named.

The route table and the control mapping are such files (beside the sections, which the catalog
loader reads with its own, richer messages). A file that cannot be read, is not YAML or does not
fit its model raises the caller's error class with one problem per line: the file's name and, for
a model error, the field's path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


class DataFileError(Exception):
    """A data file of forms/ is unusable; ``problems`` lists what is wrong, one line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


def read_model(path: Path, model: type[M], error: type[DataFileError] = DataFileError) -> M:
    # Imported here: a start served from the cache (catalog/cache.py) reads no YAML at all.
    import yaml

    # libyaml's safe loader (same results, about ten times faster); the pure-Python one where
    # PyYAML was built without libyaml.
    safe_loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=safe_loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise error([f"{path.name}: cannot be read as YAML ({' '.join(str(exc).split())})"]) from exc
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise error([f"{path.name}: field {'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
                     for e in exc.errors()]) from exc
