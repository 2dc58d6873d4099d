"""Core commands: sample, catalog --check, score, tpp, demo."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from veu_assess.bugs import InputError
from veu_assess.cli.paths import (
    check_input_file,
    check_new_output,
    check_not_overwriting,
    check_output_folder,
    output_file,
)
from veu_assess.resources import sample_path
from veu_assess.storage.files import write_atomic

if TYPE_CHECKING:
    from fractions import Fraction

    from veu_assess.catalog.schema import RevisionChange
    from veu_assess.engine.status import StaleNote

# The core (catalog, engine, storage) is imported inside each command, not here: `--help` and
# `--version` build this parser and must not pay for pydantic models they never use.

if TYPE_CHECKING:
    from veu_assess.catalog.loader import Catalog
    from veu_assess.storage.document import Document

EXIT_OK, EXIT_PROBLEM = 0, 1


def register(sub: Any) -> None:
    p = sub.add_parser("sample", help="write the bundled sample assessment")
    p.add_argument("-o", "--output", required=True, type=output_file, help="where to write the .veua file")
    p.add_argument("--force", action="store_true", help="replace the file if it exists")
    p.set_defaults(func=cmd_sample)

    p = sub.add_parser("catalog", help="check the questionnaire in forms/, or list its sources")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--check", action="store_true", help="load and validate every form and source")
    what.add_argument("--sources", action="store_true", help="list every source with the requirements resting on it")
    p.add_argument("--forms", type=Path, default=None, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_catalog)

    p = sub.add_parser("score", help="readiness level, progress, section scores, gates and gaps")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--on", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                   help="the day on which legal statuses are read (default: today)")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("tpp", help="classify an accelerator from TOPS, bit length and die area")
    p.add_argument("--tops", required=True, type=_nonneg_float,
                   help="dense tera-operations per second at that bit length (2 x MACs per second; "
                   "TFLOPS for floating point, without sparsity)")
    p.add_argument("--bits", required=True, type=_positive_int, help="bit length of the operation")
    p.add_argument(
        "--die-area", type=_positive_float, default=None, metavar="MM2", help="applicable die area"
    )
    p.add_argument("--not-datacenter", action="store_true", help="not designed or marketed for data centers")
    p.set_defaults(func=cmd_tpp)

    p = sub.add_parser("demo", help="open the app on the sample (headless: write its summary and report)")
    p.add_argument("-o", "--output-dir", type=Path, default=Path("veu-sample-output"),
                   help="where the headless demo writes its summary and PDFs (default: veu-sample-output)")
    p.add_argument("--headless", action="store_true", help="do not open a window even if a display exists")
    p.set_defaults(func=cmd_demo)


def _nonneg_float(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not (v >= 0 and v < float("inf")):
        raise argparse.ArgumentTypeError(f"must be a finite number ≥ 0, got {text!r}")
    return v


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def _positive_float(text: str) -> float:
    v = _nonneg_float(text)
    if v == 0:
        raise argparse.ArgumentTypeError("must be greater than 0")
    return v


def _positive_int(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= v <= 128:
        raise argparse.ArgumentTypeError(f"must be between 1 and 128, got {v}")
    return v


def cmd_sample(args: argparse.Namespace) -> int:
    out: Path = args.output
    if out.is_dir():
        raise InputError(f"{out} is a folder; give a file name such as {out / 'sample.veua'}")
    check_new_output(None, out)  # a missing folder, a device, a pipe: said as such
    check_not_overwriting(out, args.force)  # it may be someone's assessment
    write_atomic(out, sample_path().read_bytes())  # the sample is small (tens of kB)
    print(f"wrote the sample assessment to {out}")
    return EXIT_OK


def cmd_catalog(args: argparse.Namespace) -> int:
    from veu_assess.catalog.loader import CatalogError, load_catalog

    if args.forms is not None and not args.forms.is_dir():  # bad input (exit 2), not a finding
        what = "no such folder" if not os.path.lexists(args.forms) else "is not a folder"
        raise InputError(f"{args.forms}: {what}; give the folder that holds catalog.yaml")
    try:
        catalog = load_catalog(args.forms) if args.forms else load_catalog()
    except CatalogError as exc:
        for problem in exc.problems:
            print(f"problem: {problem}", file=sys.stderr)
        print(f"catalog check failed: {len(exc.problems)} problem(s)")
        return EXIT_PROBLEM
    from veu_assess.catalog.controls import extras_problems

    extra = extras_problems(catalog, args.forms)  # forms/routes.yaml and the ISO/SP 800-53 mapping
    if extra:
        for problem in extra:
            print(f"problem: {problem}", file=sys.stderr)
        print(f"catalog check failed: {len(extra)} problem(s)")
        return EXIT_PROBLEM
    if args.sources:
        from veu_assess.catalog.sources import sources_text

        sys.stdout.write(sources_text(catalog))
        return EXIT_OK
    n_req = len(catalog.requirements)
    print(
        f"catalog {catalog.header.catalog_id} version {catalog.version}, as of {catalog.header.as_of.isoformat()}"
    )
    print(f"{len(catalog.sections)} sections, {n_req} requirements, {len(catalog.sources)} sources; no problems")
    return EXIT_OK


def cmd_score(args: argparse.Namespace) -> int:
    from veu_assess.catalog.loader import default_catalog
    from veu_assess.cli.notices import print_notices
    from veu_assess.engine.scoring import evaluate
    from veu_assess.engine.status import changed_since, staleness
    from veu_assess.storage.veua import open_document
    from veu_assess.text.summary import result_to_json, result_to_text

    check_input_file(args.file)  # the same words for a folder or a too-long path as every command
    doc = open_document(args.file)
    catalog = default_catalog()
    print_notices(args.file, doc, catalog)
    result = evaluate(catalog, doc.assessment)
    day = args.on or dt.date.today()
    stale = staleness(catalog, day)
    answered = {k.split("@", 1)[0] for k in doc.assessment.answers}
    changes = changed_since(catalog, doc.assessment.catalog_version, answered)
    if args.json:
        import json

        data = result_to_json(catalog, doc.assessment, result)
        data["legal_status"] = {
            "read_on": day.isoformat(), "catalog_as_of": catalog.header.as_of.isoformat(),
            "staleness": [{"kind": n.kind, "since": n.since.isoformat(), "requirements": list(n.requirement_ids),
                           "text": n.text("en")} for n in stale],
            "changed_since_file_version": [{"id": c.id, "kind": c.kind, "what": c.what.en} for c in changes],
        }
        from veu_assess.review.adjusted import adjusted_result

        adjusted = adjusted_result(catalog, doc)
        # Beside the operator's result, never instead of it: null when no verdict adjusts a state.
        data["auditor_adjusted"] = None if adjusted is None else {
            "level": adjusted.level.value, "readiness": adjusted.readiness, "completeness": adjusted.completeness,
            "gates_failed": [it.key for it in adjusted.gates_failed],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(result_to_text(catalog, doc.assessment, result))
        sys.stdout.write(adjusted_text(catalog, doc))
        sys.stdout.write(status_notes_text(day, stale, changes, doc.assessment.catalog_version))
    return EXIT_OK


def adjusted_text(catalog: Catalog, doc: Document) -> str:
    """The auditor-adjusted line ``score`` prints after the operator's result ("" when none)."""
    from veu_assess.review.adjusted import adjusted_result

    adjusted = adjusted_result(catalog, doc)
    if adjusted is None:
        return ""
    n = sum(1 for v in doc.review.verdicts.values() if v.adjusted_state is not None)
    readiness = "n/a" if adjusted.readiness is None else f"{adjusted.readiness:.1f}%"
    return (f"Auditor-adjusted ({n} adjusted state(s), beside the operator's result above): "
            f"{adjusted.level.value}, readiness {readiness}, gates failed: {len(adjusted.gates_failed)}\n")


def status_notes_text(day: dt.date, stale: list[StaleNote], changes: list[RevisionChange], file_version: str) -> str:
    """The plain notes ``score`` prints before its result: what may be out of date on ``day`` and
    which requirements changed since the questionnaire version the file was saved with."""
    from veu_assess.text.terminal import wrapped  # lines fit 80 columns, as the summary's do

    lines = [line for n in stale for line in wrapped("", f"STATUS NOTE ({day.isoformat()}): {n.text('en')}", 2)]
    if changes:
        lines += wrapped("", f"CHANGED since questionnaire {file_version} (the file's version):", 2)
        lines += [line for c in changes for line in wrapped("  ", f"{c.id} [{c.kind}]: {c.what.en}", 4)]
    return ("\n" if lines else "") + "\n".join(lines) + ("\n" if lines else "")


def cmd_tpp(args: argparse.Namespace) -> int:
    from veu_assess.catalog.loader import default_catalog
    from veu_assess.engine.calculators import classify

    th = default_catalog().header.thresholds
    c = classify(args.tops, args.bits, th, args.die_area, not args.not_datacenter)
    print(f"TPP: {_exact_text(c.tpp, 1)}")
    print(
        "Performance density: "
        + ("— (no die area given)" if c.density is None else _exact_text(c.density, 2, grouped=False))
    )
    print(f"Classification: {c.eccn} ({c.reason})")
    if c.controlled:
        print("Computers and assemblies containing it: 4A090")
    print(f"Source: {th.citation}")
    return EXIT_OK


def _exact_text(value: Fraction, places: int, grouped: bool = True) -> str:
    """A Fraction as decimal text without going through float (which overflows past 1.8e308)."""
    from decimal import Decimal, localcontext

    with localcontext() as ctx:
        ctx.prec = max(28, len(str(abs(value.numerator) // value.denominator)) + places + 2)
        number = Decimal(value.numerator) / Decimal(value.denominator)
        return format(number, f"{',' if grouped else ''}.{places}f")


def cmd_demo(args: argparse.Namespace) -> int:
    if not args.headless:
        from veu_assess.cli.display import display_problem

        problem = display_problem()
        if problem is None:
            from veu_assess.cli.gui_command import launch_gui

            return launch_gui([str(demo_copy())])
        print(f"veu-assess: {problem}; writing the sample's outputs instead", file=sys.stderr)
    return _demo_headless(args.output_dir)


def demo_copy() -> Path:
    """A fresh copy of the bundled sample in a new temporary folder: the demo edits and saves
    that copy, never the file inside the installed app (which later `sample -o` hands out)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="veu-demo-"))
    copy = folder / "sample.veua"
    write_atomic(copy, sample_path().read_bytes())
    return copy


def _demo_headless(out: Path) -> int:
    from veu_assess.catalog.loader import default_catalog
    from veu_assess.engine.scoring import evaluate
    from veu_assess.report.api import render_report
    from veu_assess.storage.files import write_all_atomic
    from veu_assess.storage.veua import open_document
    from veu_assess.text.summary import result_to_text

    names = [DEMO_SUMMARY, *DEMO_REPORTS.values()]
    # Every target checked before anything is written: a refusal leaves no partial set behind.
    check_output_folder(out, names)
    doc = open_document(sample_path())
    catalog = default_catalog()
    result = evaluate(catalog, doc.assessment)
    outputs = {out / DEMO_SUMMARY: result_to_text(catalog, doc.assessment, result).encode("utf-8")}
    for lang, name in DEMO_REPORTS.items():
        outputs[out / name] = render_report(doc, lang, catalog)
    made = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    try:
        write_all_atomic(outputs)  # all three or none: a full disk leaves no summary alone
    except BaseException:
        if made:
            _remove_if_empty(out)
        raise
    lines = [f"no display: wrote the sample's readiness summary to {out / DEMO_SUMMARY}"]
    lines += [f"wrote the sample's {lang} PDF report to {out / name}" for lang, name in DEMO_REPORTS.items()]
    print("\n".join(lines))  # after the writes: a closed pipe must not stop them half-way
    return EXIT_OK


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass  # not empty (someone else's files) or already gone: left as it is


DEMO_SUMMARY = "sample-summary.txt"
DEMO_REPORTS = {"en": "sample-report-en.pdf", "ja": "sample-report-ja.pdf"}
