"""`veu-assess report FILE -o OUT.pdf [--lang en|ja]` and `veu-assess export FILE --format F -o OUT`.

Export formats come from ``veu_assess.export.registry.EXPORT_FORMATS``; a new format needs one
line there and appears here by itself. Outputs are written atomically.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from veu_assess.bugs import InputError
from veu_assess.cli.paths import check_input_file, check_new_output, output_file
from veu_assess.export.registry import export_formats
from veu_assess.languages import LANGUAGES

EXIT_OK, EXIT_PROBLEM = 0, 1


def register(sub: Any) -> None:
    p = sub.add_parser("report", help="write the PDF readiness report of an assessment")
    p.add_argument("file", type=Path, help="the .veua file")
    p.add_argument("-o", "--output", required=True, type=output_file, help="where to write the PDF")
    p.add_argument("--lang", choices=LANGUAGES, default="en", help="report language (default: en)")
    p.add_argument("--sign", type=Path, metavar="FILE.p12", help="sign the PDF (PAdES) with this key file")
    p.add_argument("--passphrase-env", metavar="VAR",
                   help="with --sign: read the key's passphrase from this environment variable (default: ask)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("export", help="export an assessment (e.g. the gap list as CSV)")
    p.add_argument("file", type=Path, help="the .veua file")
    p.add_argument("--format", required=True, choices=export_formats(), help="export format")
    p.add_argument("-o", "--output", required=True, type=output_file, help="where to write the export")
    p.add_argument("--lang", choices=LANGUAGES, default="en", help="language of headers and texts")
    p.set_defaults(func=cmd_export)


def _check_paths(source: Path, target: Path) -> None:
    # ValueError: the CLI prints one line and exits 2 (bad input).
    check_input_file(source)
    check_new_output(source, target)


def _installation_problem(exc: Exception) -> int:
    print(f"veu-assess: error: {exc}", file=sys.stderr)
    return EXIT_PROBLEM


def cmd_report(args: argparse.Namespace) -> int:
    from veu_assess.report.api import write_report
    from veu_assess.report.fonts import FontError
    from veu_assess.text.labels import LabelsError

    _check_paths(args.file, args.output)
    if args.sign is None:
        if args.passphrase_env:
            raise InputError("--passphrase-env is for --sign; give the key file with --sign FILE.p12")
        try:
            write_report(args.file, args.output, args.lang)
        except (FontError, LabelsError) as exc:  # templates too: ReportTemplateError is a LabelsError
            return _installation_problem(exc)
        print(f"wrote the {args.lang} readiness report to {args.output}")
        return EXIT_OK
    return _signed_report(args)


def _signed_report(args: argparse.Namespace) -> int:
    from veu_assess.cli.signing_commands import read_passphrase
    from veu_assess.report.fonts import FontError
    from veu_assess.signing.keys import load_identity
    from veu_assess.signing.pdf import signed_report
    from veu_assess.storage.files import write_atomic
    from veu_assess.text.labels import LabelsError

    check_input_file(args.sign)
    identity = load_identity(args.sign, read_passphrase(args.passphrase_env))  # before any work
    try:
        pdf = signed_report(args.file, identity, args.lang)
    except (FontError, LabelsError) as exc:  # templates too: ReportTemplateError is a LabelsError
        return _installation_problem(exc)
    write_atomic(args.output, pdf)
    print(f"wrote the {args.lang} readiness report to {args.output}, signed by {identity.name} "
          f"(certificate SHA-256 {identity.fingerprint})")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from veu_assess.catalog.loader import default_catalog
    from veu_assess.export.registry import get_exporter
    from veu_assess.storage.veua import open_document
    from veu_assess.text.labels import LabelsError

    _check_paths(args.file, args.output)
    exporter = get_exporter(args.format)
    doc = open_document(args.file)
    try:
        exporter(doc, default_catalog(), args.output, args.lang)
    except LabelsError as exc:
        return _installation_problem(exc)
    print(f"wrote the {args.format} export to {args.output}")
    return EXIT_OK
