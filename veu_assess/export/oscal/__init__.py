"""OSCAL (NIST, version 1.0.6) exports of an assessment: assessment results and a POA&M.

Both documents are built from the engine's one result (``engine.scoring.evaluate``), use UUIDv5
identifiers derived from the assessment id (same assessment, same bytes; the document UUID also
from its kind, language and revision) and are validated in the tests against NIST's official
JSON Schemas. User and catalog text in Markdown fields is escaped (``markdown.py``). No Qt here.
"""

from veu_assess.export.oscal.common import NS, OSCAL_VERSION
from veu_assess.export.oscal.poam import build_poam, is_gap_item
from veu_assess.export.oscal.results import build_assessment_results
from veu_assess.export.oscal.writer import export_oscal_ar, export_oscal_poam, render_oscal, write_oscal

__all__ = [
    "NS",
    "OSCAL_VERSION",
    "build_assessment_results",
    "build_poam",
    "export_oscal_ar",
    "export_oscal_poam",
    "is_gap_item",
    "render_oscal",
    "write_oscal",
]
