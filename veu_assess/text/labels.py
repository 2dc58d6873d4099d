"""The one catalog of texts outside Qt, per language: templates/report/<lang>/labels.yaml.

The PDF report and its prose templates, the CSV gap list, the text summary (``veu-assess score``,
the app's Report page) and the review's shared words all read their words here; Qt widgets use
Qt's .ts files. The two languages' files have the same keys (a test checks), so a text is never
missing in one of them.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from veu_assess.languages import LANGUAGES, check_language
from veu_assess.resources import templates_dir


class LabelsError(RuntimeError):
    """A label file is missing or broken, or a label is missing (a broken installation)."""


class Labels:
    """Read-only access to one language's labels; missing keys are errors, not blanks."""

    def __init__(self, lang: str, data: Mapping[str, Any]) -> None:
        self.lang = lang
        self._data = data

    def __getitem__(self, key: str) -> Any:
        try:
            return self._data[key]
        except KeyError:
            raise LabelsError(f"label {key!r} is missing for language {self.lang}") from None

    def __getattr__(self, key: str) -> Any:  # lets templates write t.summary
        if key.startswith("_"):
            raise AttributeError(key)
        return self[key]

    def keys(self) -> list[str]:
        return list(self._data)

    def text(self, key: str, **values: object) -> str:
        """A plain-text label with ``{name}`` placeholders filled (not escaped: the caller escapes)."""
        return str(self[key]).format(**values)

    def code(self, group: str, code: str) -> str:
        """The label of a code (answer state, priority, status ...); an unknown code shows as itself."""
        return str(self[group].get(code, code))


@functools.lru_cache(maxsize=len(LANGUAGES))
def labels(lang: str) -> Labels:
    """The texts of ``lang`` (en or ja), read once."""
    check_language(lang)
    path: Path = templates_dir() / "report" / lang / "labels.yaml"
    from veu_assess.catalog.cache import cached_file

    # Parsed once and cached (keyed by the file's SHA-256): `score` and every start need the
    # labels, and PyYAML's import alone costs more than reading the cache.
    return Labels(lang, cached_file(path, f"labels-{lang}.pickle", dict, _read_labels))


def _read_labels(path: Path) -> dict[str, Any]:
    import yaml

    # libyaml's safe loader (same results, about ten times faster); the pure-Python one where
    # PyYAML was built without libyaml.
    safe_loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=safe_loader)
    except (OSError, yaml.YAMLError) as exc:
        raise LabelsError(f"labels {path.name} for {path.parent.name} cannot be read: {exc}") from exc
    if not isinstance(data, dict):
        raise LabelsError(f"labels for {path.parent.name} are not a mapping")
    return data
