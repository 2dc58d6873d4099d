"""The bundled sample: current, openable, and a fair demonstration (gaps, N/A, evidence, unanswered)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tools.make_sample import TARGET, build
from veu_assess.catalog.loader import Catalog
from veu_assess.cli.main import run
from veu_assess.engine.scoring import evaluate
from veu_assess.model.assessment import AnswerState
from veu_assess.resources import sample_path
from veu_assess.storage.veua import open_document, write_zip


def test_committed_sample_is_current() -> None:
    buf = io.BytesIO()
    write_zip(build(), buf)
    assert TARGET.read_bytes() == buf.getvalue(), "run: python tools/make_sample.py"
    assert sample_path() == TARGET


def test_sample_demonstrates_the_product(catalog: Catalog) -> None:
    doc = open_document(sample_path())
    result = evaluate(catalog, doc.assessment)
    states = {a.state for a in doc.assessment.answers.values()}
    assert AnswerState.NOT_APPLICABLE in states and AnswerState.NOT_MET in states
    assert result.gaps and result.provisional and not result.gates_failed
    assert doc.assessment.evidence_hashes()
    assert len(doc.assessment.profile.sites) == 2
    for key in doc.assessment.answers:
        assert key.split("@")[0] in catalog.requirements


def test_sample_command_writes_the_sample(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "s.veua"
    assert run(["sample", "-o", str(out)]) == 0
    assert out.read_bytes() == sample_path().read_bytes()
    assert run(["sample", "-o", str(tmp_path)]) == 2  # a folder, not a file
