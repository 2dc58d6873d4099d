"""Build the bundled sample assessment (veu_assess/data/sample.veua) from tools/sample/.

The sample is a fictional operator: its profile and answers are in tools/sample/sample.yaml and
its evidence files in tools/sample/evidence/. The output is deterministic, so a test can check
that the committed sample is current: `python tools/make_sample.py --check`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from pathlib import Path
from typing import Any

import yaml

from veu_assess.catalog.loader import default_catalog
from veu_assess.model.assessment import Accelerator, Answer, Assessment, BomLine, Profile, split_key
from veu_assess.storage.document import Document
from veu_assess.storage.veua import save_document, write_zip

HERE = Path(__file__).resolve().parent / "sample"
TARGET = Path(__file__).resolve().parent.parent / "veu_assess" / "data" / "sample.veua"


def build() -> Document:
    spec: dict[str, Any] = yaml.safe_load((HERE / "sample.yaml").read_text("utf-8"))
    catalog = default_catalog()
    day = dt.date.fromisoformat(str(spec["assessment_date"]))
    assessment = Assessment(
        id=spec["id"],
        title=spec["title"],
        catalog_id=catalog.header.catalog_id,
        catalog_version=catalog.version,
        created=day,
        assessment_date=day,
        profile=Profile.model_validate(spec["profile"]),
        inventory={
            site: [Accelerator.model_validate(a) for a in rows] for site, rows in spec["inventory"].items()
        },
        bom=[BomLine.model_validate(line) for line in spec.get("bom", [])],
    )
    doc = Document(assessment=assessment)
    for key, raw in spec["answers"].items():
        rid, site = split_key(key)
        if rid not in catalog.requirements:
            raise SystemExit(f"sample.yaml: unknown requirement {rid}")
        raw = dict(raw)
        files = raw.pop("evidence", [])
        answer = Answer.model_validate(raw)
        for name in files:
            ref = doc.add_evidence_file(HERE / "evidence" / name)
            answer.evidence.append(ref.model_copy(update={"added": day}))
        assessment.set_answer(rid, answer, site)
    return doc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if the committed sample is not current")
    args = parser.parse_args()
    doc = build()
    if args.check:
        buf = io.BytesIO()
        write_zip(doc, buf)
        if not TARGET.is_file() or TARGET.read_bytes() != buf.getvalue():
            print(f"{TARGET} is out of date: run python tools/make_sample.py", file=sys.stderr)
            return 1
        print("sample is current")
        return 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    save_document(doc, TARGET)
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
