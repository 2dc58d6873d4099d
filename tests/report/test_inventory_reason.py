"""The inventory's classification reason is in the report's language: the engine words it in
English (``Classification.reason``); the report words its ``rule`` from labels.yaml, with the
catalog's figures, as the interface does (``ui.calculators.reason_text``)."""

from __future__ import annotations

from reportlab.platypus import Paragraph, Table

from tests.report.helpers import profile_doc
from veu_assess.catalog.loader import Catalog
from veu_assess.engine.calculators import RULES, classify, rule_figures
from veu_assess.model.assessment import Accelerator
from veu_assess.report.context import build_context
from veu_assess.report.inventory import inventory
from veu_assess.report.styles import stylesheet
from veu_assess.storage.document import new_document
from veu_assess.text.labels import labels

# One accelerator per rule: (TOPS, bits, die area or None, designed for data centers).
LINES = {
    "excluded": (100.0, 8, None, False), "a_tpp": (1979.0, 8, 814.0, True), "below_min": (10.0, 8, None, True),
    "density_needed": (200.0, 8, None, True), "a_density": (200.0, 8, 100.0, True),
    "b": (375.0, 8, 1000.0, True), "b_alt": (250.0, 8, 500.0, True), "below": (250.0, 8, 2000.0, True),
}


def _text(cell: object) -> str:
    cell = getattr(cell, "content", cell)  # a cell cut to its height (layout.Bounded) holds its paragraph
    return cell.getPlainText() if isinstance(cell, Paragraph) else str(cell)


def _cells(flowables: list[object]) -> list[str]:
    texts: list[str] = []
    for f in flowables:
        if isinstance(f, Table):
            for row in f._cellvalues:  # the table's own cells, as reportlab keeps them
                texts += [_text(c) for c in row]
    return texts


def test_every_rule_is_worded_in_japanese_with_the_catalogs_figures(catalog: Catalog) -> None:
    th = catalog.header.thresholds
    doc = profile_doc(new_document(catalog))
    doc.assessment.inventory = {"tokyo-1": [
        Accelerator(model=rule, tops=tops, bits=bits, die_area_mm2=area, datacenter_part=dc, count=1)
        for rule, (tops, bits, area, dc) in LINES.items()]}
    assert [classify(t, b, th, a, d).rule for t, b, a, d in LINES.values()] == list(LINES)  # each rule once
    assert set(LINES) == set(RULES)
    ja, en = labels("ja"), labels("en")
    for lang, words in (("ja", ja), ("en", en)):
        ctx = build_context(doc, catalog, lang)
        cells = _cells(inventory(ctx, words, stylesheet(lang), 480.0))
        for rule in RULES:
            worded = words.text(f"inventory_rule_{rule}", **rule_figures(th))
            assert any(worded in cell for cell in cells), (lang, rule, worded)
    ja_cells = " ".join(_cells(inventory(build_context(doc, catalog, "ja"), ja, stylesheet("ja"), 480.0)))
    assert "below the 3A090.a" not in ja_cells and "performance density needed" not in ja_cells
    assert "3A090.a・3A090.b のしきい値未満" in ja_cells and f"TPP ≥ {th.a_tpp:g}" in ja_cells
    # English says what the engine says.
    en_cells = _cells(inventory(build_context(doc, catalog, "en"), en, stylesheet("en"), 480.0))
    for t, b, a, d in LINES.values():
        reason = classify(t, b, th, a, d).reason
        assert any(reason in cell for cell in en_cells), reason
