"""Refresh veu_assess/translations/*.ts from the GUI sources, keeping the existing translations.

Run ``python tools/update_translations.py`` after changing user-visible strings in veu_assess/ui/,
then translate the new (``type="unfinished"``) entries in Qt Linguist (``pyside6-linguist``) or an
editor. tests/i18n fails while an entry is unfinished or the .ts files are stale.

pyside6-lupdate finds ``self.tr(...)`` and ``QCoreApplication.translate("ctx", ...)``. Some modules
wrap the latter in a one-line helper (``def _tr(text): return QCoreApplication.translate("labels",
text)``), which lupdate cannot see through; ``wrapper_calls`` finds such helpers and their calls
with the ``ast`` module and hands them to lupdate as an extra generated source, so those strings
are extracted under the helper's context just like the rest.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
UI_DIR = REPO / "veu_assess" / "ui"
TS_DIR = REPO / "veu_assess" / "translations"
SHIM_NAME = "_tr_wrapper_calls.py"

sys.path.insert(0, str(REPO))
from veu_assess.i18n_build import find_tool, ts_path  # noqa: E402


@dataclass(frozen=True)
class WrappedCall:
    """A literal passed to a module's translate helper: ``_tr("Met")`` -> context, text, origin."""

    context: str
    text: str
    path: Path
    line: int


def _translate_helpers(tree: ast.Module) -> dict[str, str]:
    """Module-level ``def f(x): return QCoreApplication.translate("ctx", x)`` -> {f: ctx}."""
    helpers: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1 or len(node.body) != 1:
            continue
        ret = node.body[0]
        call = ret.value if isinstance(ret, ast.Return) else None
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)):
            continue
        if call.func.attr != "translate" or len(call.args) != 2:
            continue
        ctx, arg = call.args
        if (
            isinstance(ctx, ast.Constant)
            and isinstance(ctx.value, str)
            and isinstance(arg, ast.Name)
            and arg.id == node.args.args[0].arg
        ):
            helpers[node.name] = ctx.value
    return helpers


def wrapper_calls(paths: list[Path]) -> list[WrappedCall]:
    found: list[WrappedCall] = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        helpers = _translate_helpers(tree)
        if not helpers:
            continue
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in helpers
                and len(node.args) == 1
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append(WrappedCall(helpers[node.func.id], node.args[0].value, path, node.lineno))
    return found


def ui_sources(ui_dir: Path = UI_DIR) -> list[Path]:
    return sorted(p for p in ui_dir.rglob("*.py") if "__pycache__" not in p.parts)


def _write_shim(calls: list[WrappedCall], folder: Path) -> Path:
    lines = ["from PySide6.QtCore import QCoreApplication", ""]
    for call in calls:
        lines.append(f"QCoreApplication.translate({call.context!r}, {call.text!r})")
    shim = folder / SHIM_NAME
    shim.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return shim


def _relocate_shim(ts: Path, calls: list[WrappedCall]) -> None:
    """Point the shim's <location> lines at the real helper calls, so translators see the source."""
    text = ts.read_text(encoding="utf-8")
    first_line = 3  # the shim's first call is on line 3 (after the import and a blank line)

    def real(match: re.Match[str]) -> str:
        index = int(match.group(1)) - first_line
        if not 0 <= index < len(calls):
            return match.group(0)
        call = calls[index]
        rel = Path(os.path.relpath(call.path, ts.parent)).as_posix()
        return f'<location filename="{rel}" line="{call.line}"/>'

    text = re.sub(rf'<location filename="[^"]*{re.escape(SHIM_NAME)}" line="(\d+)"/>', real, text)
    ts.write_text(text, encoding="utf-8")


def run_lupdate(ts_files: dict[Path, list[str]], ui_dir: Path = UI_DIR) -> None:
    """Update (or create) each .ts with lupdate; values are extra lupdate options per file."""
    sources = ui_sources(ui_dir)
    calls = wrapper_calls(sources)
    lupdate = find_tool("lupdate")
    with tempfile.TemporaryDirectory(prefix="veu-lupdate-") as tmp:
        shim = _write_shim(calls, Path(tmp))
        for ts, options in ts_files.items():
            cmd = [str(lupdate), "-silent", "-no-obsolete", "-locations", "absolute", *options]
            cmd += [str(p) for p in [*sources, shim]] + ["-ts", str(ts)]
            result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
            if result.returncode != 0:
                raise RuntimeError(f"lupdate failed for {ts.name}: {(result.stderr or result.stdout).strip()}")
            _relocate_shim(ts, calls)


def lupdate_options(lang: str) -> list[str]:
    # English is the source language: its file only carries the plural (numerus) forms.
    if lang == "en":
        return ["-source-language", "en", "-target-language", "en", "-pluralonly"]
    return ["-source-language", "en", "-target-language", lang]


def update(ts_dir: Path = TS_DIR, langs: tuple[str, ...] = ("en", "ja")) -> list[Path]:
    ts_dir.mkdir(parents=True, exist_ok=True)
    targets = {ts_path(ts_dir, lang): lupdate_options(lang) for lang in langs}
    run_lupdate(targets)
    return list(targets)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", action="append", choices=("en", "ja"), help="only this language")
    args = parser.parse_args(argv)
    for ts in update(langs=tuple(args.lang or ("en", "ja"))):
        print(ts.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
