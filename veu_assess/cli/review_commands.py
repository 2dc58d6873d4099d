"""`veu-assess diff OLD [NEW] [--json]`: which answers changed between two saved assessments and how
the scores moved (``engine.compare``; both files are scored with the bundled questionnaire), and
which items changed since the last sign-off of OLD (``review.changes``, the app's and the report's
rule). With one file: the items changed since that file's own last sign-off. Both forms list the
verdicts gone stale (the item changed after the verdict) in the later file.

Exit 0 with the comparison on stdout, whether or not anything changed; bad input (a missing or
broken file) ends with exit 2 and one line on stderr, printed by cli/main.py.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from veu_assess.text.terminal import printable

if TYPE_CHECKING:  # the core is imported by the command itself: `--help` needs none of it
    from veu_assess.catalog.loader import Catalog
    from veu_assess.catalog.schema import LevelId
    from veu_assess.engine.compare import Comparison, ScoreMove
    from veu_assess.review.changes import SignOffChanges
    from veu_assess.storage.document import Document

EXIT_OK = 0


def register(sub: Any) -> None:
    p = sub.add_parser("diff", help="what changed between two saved assessments, and how the scores moved; "
                       "the items changed since the last sign-off of OLD, and stale verdicts")
    p.add_argument("old", type=Path, help="the earlier .veua file (alone: the items changed since its own last "
                   "sign-off)")
    p.add_argument("new", type=Path, nargs="?", help="the later .veua file")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_diff)


def cmd_diff(args: argparse.Namespace) -> int:
    from veu_assess.catalog.loader import default_catalog
    from veu_assess.cli.notices import print_notices
    from veu_assess.engine.compare import compare
    from veu_assess.review.changes import changes_against, latest_signoff_index, stale_keys

    old = _open(args.old)
    new = _open(args.new) if args.new is not None else old
    catalog = default_catalog()
    print_notices(args.old, old, catalog)
    if args.new is not None:
        print_notices(args.new, new, catalog)
    index = latest_signoff_index(old)
    since = None if index is None else changes_against(old.review.signoffs[index], new, index)
    stale = stale_keys(new)
    old_name, new_name = args.old.name, (args.new or args.old).name
    if args.json:
        data = {"file": old_name} if args.new is None else comparison_to_json(
            catalog, compare(catalog, old.assessment, new.assessment), old_name, new_name)
        data |= {"since_signoff": None if since is None else since_signoff_json(since),
                 "stale_verdicts": stale}
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        lines = [] if args.new is None else comparison_to_text(
            catalog, compare(catalog, old.assessment, new.assessment), old_name, new_name)
        lines += since_signoff_text(since, old_name) + stale_text(stale, new_name)
        print("\n".join(lines))
    return EXIT_OK


def since_signoff_text(since: SignOffChanges | None, old_name: str) -> list[str]:
    """The items changed since the last sign-off of the file ``old_name``, one line each."""
    from veu_assess.review.texts import change_kind_text, text

    if since is None:
        return [f"{old_name} has no sign-off: nothing to compare with."]
    so = since.signoff
    which = f"the last sign-off of {old_name} ({so.date.isoformat()}, {printable(so.name)})"
    if not since.content_changed:
        return [f"Nothing changed since {which}."]
    if not since.items_known:
        return [f"Changed since {which}. {text('changes_unknown')}"]
    lines = [f"Items changed since {which}: {len(since.items)}"]
    width = max((len(change_kind_text(c.kind)) for c in since.items), default=0)
    lines += [f"  {change_kind_text(c.kind):<{width}}  {printable(c.key)}" for c in since.items]
    if since.other_changed:
        lines.append(f"  {text('changes_other_too') if since.items else text('changes_other_only')}")
    elif not since.items:
        lines.append(f"  {text('changes_none_found')}")
    return lines


def stale_text(stale: list[str], name: str) -> list[str]:
    if not stale:
        return []
    return [f"Verdicts in {name} on items changed after the verdict (stale): {len(stale)}",
            *(f"  {printable(k)}" for k in stale)]


def since_signoff_json(since: SignOffChanges) -> dict[str, Any]:
    so = since.signoff
    return {
        "signoff": {"index": since.index, "name": so.name, "date": so.date.isoformat(), "kind": so.kind.value},
        "content_changed": since.content_changed,
        "items_known": since.items_known,  # false: an earlier app made the sign-off; which items is unknown
        "items": [{"key": c.key, "change": c.kind.value} for c in since.items] if since.items_known else None,
        "other_changed": since.other_changed if since.items_known else None,
    }


def _open(path: Path) -> Document:
    """Open one of the two files; a refusal names the file, or it could be either."""
    from veu_assess.cli.paths import check_input_file
    from veu_assess.storage.errors import VeuaError
    from veu_assess.storage.veua import open_document

    check_input_file(path)  # its message names the path already
    try:
        return open_document(path)
    except VeuaError as exc:
        if str(exc).startswith(tuple(f"{name}{sep}" for name in (str(path), path.name) for sep in ": ")):
            raise  # the message names the file already: once is enough
        raise type(exc)(str(exc), str(path)) from None


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


def _move(m: ScoreMove) -> str:
    from veu_assess.i18n_format import format_delta, format_percent

    delta = "" if m.delta is None else f" ({format_delta(m.old, m.new)})"
    return f"{format_percent(m.old)} -> {format_percent(m.new)}{delta}"


def _level(catalog: Catalog, level: LevelId) -> str:
    return next(lv.label.en for lv in catalog.header.scoring.levels if lv.id is level)


def _state(value: str) -> str:
    return value.replace("_", " ")


def comparison_to_text(catalog: Catalog, cmp: Comparison, old_name: str, new_name: str) -> list[str]:
    """The human-readable comparison, one list item per line."""
    from veu_assess.engine.compare import ChangeKind

    lines = [f"Comparing {old_name} -> {new_name}"]
    if not cmp.same_assessment:
        lines.append("Note: the two files hold different assessments (their ids differ).")
    lines.append(f"Readiness (unanswered = not met): {_move(cmp.overall)}")
    old_level, new_level = _level(catalog, cmp.old_level), _level(catalog, cmp.new_level)
    lines.append(f"Readiness level: {old_level} (unchanged)" if cmp.old_level is cmp.new_level
                 else f"Readiness level: {old_level} -> {new_level}")
    moved = [m for m in cmp.sections if m.moved]
    if moved:
        lines.append("Section scores that moved:")
        lines += [f"  {m.id} {m.title}: {_move(m)}" for m in moved]
    else:
        lines.append("No section score moved.")
    if cmp.other:
        lines.append(f"Other changes: {printable(', '.join(cmp.other))}")
    if not cmp.changes:
        lines.append("No requirement changed.")
        return lines
    counts = ", ".join(f"{cmp.count(k)} {k.value}" for k in ChangeKind)
    lines.append(f"Requirements that changed: {len(cmp.changes)} ({counts})")
    width = max(len(k.value) for k in ChangeKind)
    for c in cmp.changes:
        lines.append(f"  {c.kind.value:<{width}}  {printable(c.key)}: {_state(c.old_state.value)} -> "
                     f"{_state(c.new_state.value)} [{', '.join(c.fields)}]")
    return lines


def comparison_to_json(catalog: Catalog, cmp: Comparison, old_name: str, new_name: str) -> dict[str, Any]:
    def move(m: ScoreMove) -> dict[str, Any]:
        return {"old": _r(m.old), "new": _r(m.new), "delta": _r(m.delta)}

    return {
        "old": old_name,
        "new": new_name,
        "same_assessment": cmp.same_assessment,
        "catalog_version": catalog.version,
        "overall": {**move(cmp.overall), "old_level": cmp.old_level.value, "new_level": cmp.new_level.value},
        "sections": [{"id": m.id, "title": m.title, **move(m), "moved": m.moved} for m in cmp.sections],
        "changes": [
            {"key": c.key, "requirement": c.requirement_id, "site": c.site_id, "change": c.kind.value,
             "old_state": c.old_state.value, "new_state": c.new_state.value, "fields": list(c.fields)}
            for c in cmp.changes
        ],
        "other_changes": list(cmp.other),
    }
