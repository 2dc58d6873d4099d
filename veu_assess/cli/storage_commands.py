"""`veu-assess validate FILE`: check a .veua completely and print a one-line summary.

Exit 0 and one line on stdout for a good file; exit 2 and one line on stderr for anything else
(the caller in cli/main.py prints VeuaError). Memory stays bounded: the reader enforces the limits
and evidence is hashed in chunks.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

EXIT_OK = 0


def register(sub: Any) -> None:
    p = sub.add_parser("validate", help="check a .veua file: structure, limits, versions, evidence hashes")
    p.add_argument("file", type=Path)
    p.add_argument("--quick", action="store_true", help="skip hashing the evidence (structure only)")
    p.set_defaults(func=cmd_validate)


def cmd_validate(args: argparse.Namespace) -> int:
    # Imported here, not at the top: `--help` builds this parser and needs none of it.
    from veu_assess.cli.paths import check_input_file
    from veu_assess.model.assessment import ANSWERED_STATES
    from veu_assess.storage.errors import VeuaIntegrityError
    from veu_assess.storage.integrity import IntegrityKind, integrity_state, verify_evidence
    from veu_assess.storage.reader import open_document

    check_input_file(args.file)  # the same words for a folder or a too-long path as every command
    doc = open_document(args.file)
    problems = [] if args.quick else verify_evidence(doc)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise VeuaIntegrityError(f"{problems[0]}{more}", "evidence")
    state = integrity_state(doc)
    if state.kind is IntegrityKind.MODIFIED:
        raise VeuaIntegrityError(f"the file was {state}", "manifest")
    from veu_assess.signing.verify import SignatureState, document_verdicts, summary

    verdicts = document_verdicts(doc)
    invalid = [v for v in verdicts if v.state is SignatureState.INVALID]
    if invalid:
        raise VeuaIntegrityError(f"sign-off #{invalid[0].index + 1}: signature {invalid[0].label()}", "review")
    answered = sum(1 for a in doc.assessment.answers.values() if a.state in ANSWERED_STATES)
    version = doc.source.schema_version if doc.source else doc.assessment.schema_version
    migrated = " (older version, readable)" if doc.source and doc.source.migrated_from else ""
    checked = "evidence not checked" if args.quick else "evidence verified"
    print(f"{args.file.name}: schema version {version}{migrated}, {answered} requirements answered, "
          f"{len(doc.evidence)} evidence files ({checked}), integrity: {state}; "
          f"{summary(verdicts)}")
    return EXIT_OK
