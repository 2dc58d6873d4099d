"""Report labels and prose blocks per language, from templates/report/<lang>/.

Labels live in ``labels.yaml`` (a small message catalog); prose blocks are jinja2 templates
rendered with autoescape on and StrictUndefined, so every value (user or catalog text) arrives
escaped as reportlab markup and a misspelt variable fails loudly instead of printing nothing.
User text is only ever a value, never a template, so ``{{ 7*7 }}`` typed by a user stays literal.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
import yaml

from veu_assess.i18n_format import format_percent
from veu_assess.report.text import date_text
from veu_assess.resources import templates_dir

LANGS = ("en", "ja")


class ReportTemplateError(RuntimeError):
    """A label or template of the report is missing or broken (a broken installation)."""


def _pct(value: float | None, lang: str = "en") -> str:
    return format_percent(value, lang)  # the one number formatter (issue 24)


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The one jinja environment of the report (thread-safe once built)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir() / "report")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["pct"] = _pct
    env.filters["date"] = date_text  # {{ day | date(ctx.lang) }}
    return env


class Labels:
    """Read-only access to one language's labels; missing keys are errors, not blanks."""

    def __init__(self, lang: str, data: Mapping[str, Any]) -> None:
        self.lang = lang
        self._data = data

    def __getitem__(self, key: str) -> Any:
        try:
            return self._data[key]
        except KeyError:
            raise ReportTemplateError(f"report label {key!r} is missing for language {self.lang}") from None

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


@functools.lru_cache(maxsize=len(LANGS))
def labels(lang: str) -> Labels:
    if lang not in LANGS:
        raise ValueError(f"unknown report language {lang!r} (use en or ja)")
    path: Path = templates_dir() / "report" / lang / "labels.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ReportTemplateError(f"report labels {path.name} for {lang} cannot be read: {exc}") from exc
    if not isinstance(data, dict):
        raise ReportTemplateError(f"report labels for {lang} are not a mapping")
    return Labels(lang, data)


def render_block(lang: str, name: str, **values: object) -> list[str]:
    """Render a prose template into paragraphs of escaped markup (blank lines separate them)."""
    try:
        template = environment().get_template(f"{lang}/{name}.j2")
        text = template.render(t=labels(lang), **values)
    except jinja2.TemplateError as exc:
        raise ReportTemplateError(f"report template {lang}/{name}.j2: {exc}") from exc
    blocks: list[str] = []
    for chunk in text.split("\n\n"):
        lines = [ln.strip() for ln in chunk.strip().split("\n") if ln.strip()]
        # Bullets stay one paragraph each; other lines of a chunk join into one paragraph.
        if lines and all(ln.startswith("- ") for ln in lines):
            blocks.extend(lines)
        elif lines:
            blocks.append(" ".join(lines))
    return blocks
