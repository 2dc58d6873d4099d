"""Find user-visible string literals in the GUI sources that bypass translation.

An AST scan of veu_assess/ui/**/*.py for literals (plain, f-strings, ``"..." + x``,
``"...".format(...)``, lists of them) passed straight to Qt setters and constructors that put text
on screen (setText, setWindowTitle, QLabel(...), QMessageBox texts, addRow labels, ...). A literal
wrapped in ``tr()``, ``translate()`` or a module's one-line translate helper (``_tr``) is fine.
Non-linguistic literals pass: those without a letter (``"—"``, ``"%"``) and the short ALLOWED list.
``python tools/tr_scan.py`` prints the findings; tests/i18n fails on any.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
UI_DIR = REPO / "veu_assess" / "ui"

# Methods whose text arguments reach the screen; value: indexes of the text arguments.
TEXT_SETTERS: dict[str, tuple[int, ...]] = {
    **{
        name: (0,)
        for name in (
            "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setAccessibleName",
            "setAccessibleDescription", "setStatusTip", "setWhatsThis", "setTitle", "setHeaderLabels",
            "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "addMenu", "setInformativeText",
            "setDetailedText", "showMessage", "setLabelText", "setSpecialValueText", "addItems",
            "setCancelButtonText", "setWindowIconText", "setPrefix", "setSuffix", "setFormat",
            "setIconText", "addSection", "addRow", "setHtml", "setPlainText", "setMarkdown",
        )
    },
    "addAction": (0, 1),  # addAction(text) or addAction(icon, text)
    "addItem": (0,),  # QComboBox.addItem(text, data): the data is not shown
    "addTab": (1, 2),
    "insertTab": (2, 3),
    "setTabText": (1,),
    "setTabToolTip": (1,),
    "setItemText": (1,),
    "insertRow": (1,),
    "setButtonText": (1,),
    "setHeaderData": (2,),
    "addButton": (0,),
}  # fmt: skip

# Constructors whose first arguments are display text (positions of the text arguments).
TEXT_CONSTRUCTORS: dict[str, tuple[int, ...]] = {
    **{
        name: (0,)
        for name in (
            "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QMenu", "QAction",
            "QCommandLinkButton", "QListWidgetItem", "QTableWidgetItem", "QTreeWidgetItem",
            "QStandardItem", "QUndoCommand", "QToolButton",
        )
    },
    "QMessageBox": (1, 2),
}  # fmt: skip

# Static dialogs: positions of title/text/label arguments.
STATIC_DIALOGS: dict[str, tuple[int, ...]] = {
    "information": (1, 2),
    "warning": (1, 2),
    "critical": (1, 2),
    "question": (1, 2),
    "about": (1, 2),
    "getOpenFileName": (1, 3),
    "getOpenFileNames": (1, 3),
    "getSaveFileName": (1, 3),
    "getExistingDirectory": (1,),
    "getText": (1, 2),
    "getInt": (1, 2),
    "getItem": (1, 2),
}
_DIALOG_CLASSES = {"QMessageBox", "QFileDialog", "QInputDialog"}

TRANSLATE_FUNCS = {"tr", "translate", "qsTr", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"}

# Literals that are deliberately not translated, with the reason.
ALLOWED = {
    "English",  # language names are shown in their own language in the language choice
    "日本語",
    "TOPS",  # unit/technical names identical in Japanese documents
    "TPP",
    "ECCN",
    "CSV",
    "PDF",
    "OSCAL",
    "mm²",  # SI unit, written the same in Japanese
}


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    call: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.call}(...) shows untranslated {self.text!r}"


def _literal_texts(node: ast.AST) -> list[str]:
    """The literal text parts of an argument that would be shown as-is (empty if translated)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return ["".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return _literal_texts(node.left) + _literal_texts(node.right)
    if isinstance(node, ast.List | ast.Tuple):
        return [t for elt in node.elts for t in _literal_texts(elt)]
    if isinstance(node, ast.IfExp):
        return _literal_texts(node.body) + _literal_texts(node.orelse)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        # "Total {n}".format(...) is untranslated; tr("Total {n}").format(...) is fine.
        return _literal_texts(node.func.value)
    return []


def _is_linguistic(text: str) -> bool:
    return any(ch.isalpha() for ch in text) and text.strip() not in ALLOWED


def _translate_helpers(tree: ast.Module) -> set[str]:
    names = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and len(node.body) == 1 and isinstance(node.body[0], ast.Return):
            value = node.body[0].value
            if isinstance(value, ast.Call) and _callee_name(value) in TRANSLATE_FUNCS:
                names.add(node.name)
    return names


def _callee_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _text_positions(call: ast.Call) -> tuple[int, ...]:
    name = _callee_name(call)
    if name in STATIC_DIALOGS and isinstance(call.func, ast.Attribute):
        owner = call.func.value
        if isinstance(owner, ast.Name) and owner.id in _DIALOG_CLASSES:
            return STATIC_DIALOGS[name]
    if name in TEXT_CONSTRUCTORS and (isinstance(call.func, ast.Name) or name.startswith("Q")):
        return TEXT_CONSTRUCTORS[name]
    return TEXT_SETTERS.get(name, ())


_TEXT_KEYWORDS = {"text", "title", "caption", "label", "toolTip", "statusTip", "windowTitle"}


def scan_source(source: str, path: Path) -> list[Finding]:
    tree = ast.parse(source, str(path))
    helpers = _translate_helpers(tree)
    findings: list[Finding] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            findings += _tr_in_fstring(node, path)
            continue
        if not isinstance(node, ast.Call):
            continue
        name = _callee_name(node)
        if name in TRANSLATE_FUNCS or name in helpers:
            continue
        args = [node.args[i] for i in _text_positions(node) if i < len(node.args)]
        if _text_positions(node):
            args += [kw.value for kw in node.keywords if kw.arg in _TEXT_KEYWORDS]
        for arg in args:
            for text in _literal_texts(arg):
                if _is_linguistic(text):
                    findings.append(Finding(path, node.lineno, name, text))
    return findings


def _tr_in_fstring(node: ast.JoinedStr, path: Path) -> list[Finding]:
    """tr() inside an f-string runs, but lupdate never sees it: the text stays untranslated."""
    out = []
    for value in node.values:
        for inner in ast.walk(value):
            if isinstance(inner, ast.Call) and _callee_name(inner) in TRANSLATE_FUNCS:
                texts = [a.value for a in inner.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                out.append(Finding(path, inner.lineno, "tr-in-f-string", texts[0] if texts else "?"))
    return out


def scan_paths(paths: list[Path]) -> list[Finding]:
    findings: list[Finding] = []
    for path in paths:
        findings += scan_source(path.read_text(encoding="utf-8"), path)
    return findings


def ui_sources(ui_dir: Path = UI_DIR) -> list[Path]:
    return sorted(p for p in ui_dir.rglob("*.py") if "__pycache__" not in p.parts)


def main() -> int:
    findings = scan_paths(ui_sources())
    for finding in findings:
        print(finding)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
