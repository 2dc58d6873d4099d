"""JSON Schemas of the forms/ format for form authors' editors (generated from the pydantic models).

`python -m veu_assess.catalog.jsonschema` rewrites forms/catalog.schema.json and
forms/section.schema.json; a test fails when they are out of date.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from veu_assess.catalog.schema import CatalogHeader, Section
from veu_assess.resources import forms_dir

SCHEMAS: dict[str, type[BaseModel]] = {"catalog.schema.json": CatalogHeader, "section.schema.json": Section}


def render_schemas() -> dict[str, str]:
    out = {}
    for name, model in SCHEMAS.items():
        schema = model.model_json_schema(by_alias=True)
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        out[name] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return out


def write_schemas(folder: Path | None = None) -> list[Path]:
    folder = folder or forms_dir()
    written = []
    for name, text in render_schemas().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for p in write_schemas():
        print(f"wrote {p}")
