"""Entry points of the report: render a document to PDF bytes, or write it to a file atomically.

Pure functions over their arguments (the fonts are registered once per process, thread-safely),
so the GUI can call them from a worker thread and the CLI and demo from the main thread.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from reportlab.platypus.doctemplate import LayoutError

from veu_assess.bugs import InputError
from veu_assess.catalog.loader import Catalog, default_catalog
from veu_assess.languages import check_language
from veu_assess.report.blocks import SignatureSlotSpec
from veu_assess.report.context import build_context
from veu_assess.report.metadata import generation_time
from veu_assess.report.pdf import render_pdf
from veu_assess.storage.document import Document
from veu_assess.storage.files import write_atomic
from veu_assess.storage.veua import open_document


class ReportError(InputError):
    """The report could not be laid out from this assessment; the message says why."""


def _document(source: Path | Document) -> Document:
    if isinstance(source, Document):
        return source
    return open_document(Path(source))


def render_report(source: Path | Document, lang: str = "en", catalog: Catalog | None = None,
                  check: Callable[[], None] | None = None,
                  signer: SignatureSlotSpec | None = None, generated: dt.datetime | None = None) -> bytes:
    """The PDF report of a .veua file or an open document, in English or Japanese; ``check`` is
    called during the layout and may raise to stop it (see ``render_pdf``). ``signer`` leaves
    room for a PDF signature and records where (``signing.pdf.signed_report``). ``generated`` is
    the generation time the report states (default: SOURCE_DATE_EPOCH, else now; see
    ``report.metadata.generation_time``): the same document and time give the same bytes."""
    check_language(lang, "report")
    doc = _document(source)
    ctx = build_context(doc, catalog or default_catalog(), lang)
    ctx = dataclasses.replace(ctx, generated=generation_time(generated))
    if signer is not None:
        ctx = dataclasses.replace(ctx, signature_slot=signer)
    try:
        return render_pdf(ctx, check)
    except LayoutError as exc:
        # The layout primitives (report.layout) bound every flowable to a page: reaching this is a
        # bug in the report, said as such rather than as reportlab's internals.
        raise ReportError("the report could not be laid out (a bug in the app; please report it with the "
                          "assessment file)") from exc


def write_report(source: Path | Document, target_path: Path, lang: str = "en",
                 catalog: Catalog | None = None, check: Callable[[], None] | None = None,
                 generated: dt.datetime | None = None) -> None:
    """Write the PDF report to ``target_path`` atomically (temporary file, then replace); a
    build stopped by ``check`` writes nothing."""
    write_atomic(Path(target_path), render_report(source, lang, catalog, check, generated=generated))
