"""What a command that scores a file (score, diff) says on stderr besides its result: the file was
modified by another program, it was written for another questionnaire, or it answers
requirements the bundled questionnaire does not have. The result itself stays on stdout and the
exit code stays 0: these are facts about the file, which ``veu-assess validate`` refuses.
"""

from __future__ import annotations

import sys
from pathlib import Path

from veu_assess.catalog.loader import Catalog
from veu_assess.storage.document import Document
from veu_assess.storage.integrity import IntegrityKind, integrity_state
from veu_assess.text.terminal import printable


def file_notices(path: Path, doc: Document, catalog: Catalog) -> list[str]:
    """One line per notice about ``doc`` (read from ``path``), none for an ordinary file."""
    notes: list[str] = []
    state = integrity_state(doc)  # from the manifest; evidence hashes are validate's work
    if state.kind is IntegrityKind.MODIFIED:
        notes.append(f"{path}: was {state}; 'veu-assess validate {path}' says more")
    a = doc.assessment
    if (a.catalog_id, a.catalog_version) != (catalog.header.catalog_id, catalog.version):
        notes.append(f"{path}: was written for questionnaire {a.catalog_id} {a.catalog_version}; "
                     f"scored with {catalog.header.catalog_id} {catalog.version}")
    unknown = sorted(k for k in a.answers if k.split("@", 1)[0] not in catalog.requirements)
    if unknown:
        listed = ", ".join(unknown[:5]) + (f" and {len(unknown) - 5} more" if len(unknown) > 5 else "")
        notes.append(f"{path}: answers requirements this questionnaire does not have ({listed}); "
                     "they are not scored")
    return [printable(n) for n in notes]


def print_notices(path: Path, doc: Document, catalog: Catalog) -> None:
    for line in file_notices(path, doc, catalog):
        print(f"veu-assess: note: {line}", file=sys.stderr)
