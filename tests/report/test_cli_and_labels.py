"""`veu-assess report` / `export`, and the report's message catalogs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from veu_assess.catalog.loader import Catalog
from veu_assess.cli.main import run
from veu_assess.report.front import summary_blocks
from veu_assess.report.messages import labels, render_block
from veu_assess.report.styles import stylesheet
from veu_assess.storage.document import Document
from veu_assess.storage.veua import save_document


@pytest.fixture
def saved(rich_doc: Document, tmp_path: Path) -> Path:
    # Saving needs the evidence bytes: swap the fake references for real files.
    answers = rich_doc.assessment.answers
    for n, (key, ans) in enumerate(list(answers.items())):
        if ans.evidence:
            f = tmp_path / f"evidence-{n}.txt"
            f.write_text(f"evidence {n}", encoding="utf-8")
            answers[key] = ans.model_copy(update={"evidence": [rich_doc.add_evidence_file(f)]})
    path = tmp_path / "a.veua"
    save_document(rich_doc, path)
    return path


def test_report_and_export_commands(saved: Path, tmp_path: Path) -> None:
    assert run(["report", str(saved), "-o", str(tmp_path / "r.pdf"), "--lang", "ja"]) == 0
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert run(["export", str(saved), "--format", "csv", "-o", str(tmp_path / "g.csv")]) == 0
    assert (tmp_path / "g.csv").read_bytes().startswith(b"\xef\xbb\xbfRank,")


@pytest.mark.parametrize("args", [
    ["report", "{missing}", "-o", "{out}/r.pdf"],
    ["report", "{bad}", "-o", "{out}/r.pdf"],
    ["report", "{saved}", "-o", "{out}/no/such/folder/r.pdf"],
    ["report", "{saved}", "-o", "{out}"],
    ["report", "{saved}", "-o", "{out}/r.pdf", "--lang", "fr"],
    ["export", "{saved}", "--format", "xlsx", "-o", "{out}/g.csv"],
])
def test_bad_input_exits_2_with_one_line(args: list[str], saved: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.veua"
    bad.write_bytes(b"not a zip")
    values: dict[str, Any] = {"missing": tmp_path / "missing.veua", "bad": bad, "saved": saved, "out": tmp_path}
    assert run([a.format(**values) for a in args]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("veu-assess") and "\n" not in err and "Traceback" not in err


def _keys(data: object, prefix: str = "") -> set[str]:
    if isinstance(data, dict):
        return set().union(*(_keys(v, f"{prefix}{k}.") for k, v in data.items()))
    return {prefix}


def test_both_languages_have_the_same_labels() -> None:
    en, ja = labels("en"), labels("ja")
    assert _keys({k: en[k] for k in en.keys()}) == _keys({k: ja[k] for k in ja.keys()})


def test_templates_render_in_both_languages(catalog: Catalog, rich_doc: Document) -> None:
    from veu_assess.report.context import build_context

    for lang in ("en", "ja"):
        ctx = build_context(rich_doc, catalog, lang)
        blocks = summary_blocks(ctx, stylesheet(lang))
        assert any(ctx.level_label in b for b in blocks)
        assert any(ctx.digest in b.replace(" ", "") for b in render_block(lang, "integrity", ctx=ctx))
