"""Report prose blocks per language, from templates/report/<lang>/, and the labels they use.

Labels live in ``labels.yaml``, read by ``veu_assess.text.labels`` (the one catalog of texts
outside Qt); prose blocks are jinja2 templates
rendered with autoescape on and StrictUndefined, so every value (user or catalog text) arrives
escaped as reportlab markup and a misspelt variable fails loudly instead of printing nothing.
User text is only ever a value, never a template, so ``{{ 7*7 }}`` typed by a user stays literal.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from veu_assess.i18n_format import format_percent
from veu_assess.text.labels import Labels, LabelsError, labels

__all__ = ["Labels", "LabelsError", "ReportTemplateError", "environment", "labels", "render_block"]
from veu_assess.resources import templates_dir

if TYPE_CHECKING:
    import jinja2


class ReportTemplateError(LabelsError):
    """A template of the report is missing or broken (a broken installation)."""


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The one jinja environment of the report (thread-safe once built)."""
    # Imported here: `score` and the app's start use this module's texts, not its templates
    # (report.text brings markupsafe and the right-to-left shaping, which only the PDF needs).
    import jinja2

    from veu_assess.report.text import date_text, hash_text

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir() / "report")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["pct"] = format_percent
    env.filters["date"] = date_text  # {{ day | date(ctx.lang) }}
    env.filters["hash"] = hash_text  # {{ ctx.digest | hash }}: groups of eight
    return env


def render_block(lang: str, name: str, **values: object) -> list[str]:
    """Render a prose template into paragraphs of escaped markup (blank lines separate them)."""
    import jinja2

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
