"""The .veua file's public entry points: ``open_document`` and ``save_document``.

Reading lives in ``reader.py`` (every check of untrusted input, migrations), writing in
``writer.py`` (crash-safe saving, streamed and raw-copied evidence).
"""

from __future__ import annotations

from veu_assess.storage.limits import ASSESSMENT, EVIDENCE_DIR, MANIFEST, REVIEW
from veu_assess.storage.reader import FORMAT_ID, open_document
from veu_assess.storage.writer import FIXED_TIME, save_document, write_zip

__all__ = ["ASSESSMENT", "EVIDENCE_DIR", "FIXED_TIME", "FORMAT_ID", "MANIFEST", "REVIEW", "open_document",
           "save_document", "write_zip"]
