"""No user-visible literal in veu_assess/ui bypasses tr(); the scanner itself catches bad code."""

from __future__ import annotations

from pathlib import Path

from tools.tr_scan import scan_paths, scan_source, ui_sources

BAD = """
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton
class Page:
    def build(self, name):
        QLabel("Applicant name")
        self.button = QPushButton(f"Save {name}")
        self.button.setToolTip("Saves " + name)
        self.setWindowTitle("Report for {n}".format(n=name))
        self.table.setHeaderLabels(["Section", self.tr("Score")])
        QMessageBox.warning(self, "Problem", "The file cannot be read.")
        menu.addMenu("&File")
        form.addRow("&Name:", self.edit)
"""

GOOD = """
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPushButton
def _tr(text):
    return QCoreApplication.translate("labels", text)
class Page:
    def build(self, name):
        QLabel(self.tr("Applicant name"))
        self.button = QPushButton(self.tr("Save {name}").format(name=name))
        self.setWindowTitle(QCoreApplication.translate("Page", "Report"))
        self.label.setText("—")
        self.label.setText(f"{name}")
        self.label.setText("85%")
        self.combo.addItem("English", "en")
        self.status.setText(_tr("Met"))
        self.value.setText(str(name))
"""


def test_ui_sources_have_no_untranslated_texts() -> None:
    findings = scan_paths(ui_sources())
    assert not findings, "wrap these in self.tr():\n" + "\n".join(map(str, findings))


def test_scanner_flags_every_bad_literal() -> None:
    found = {f.text for f in scan_source(BAD, Path("bad.py"))}
    assert found == {
        "Applicant name",
        "Save ",
        "Saves ",
        "Report for {n}",
        "Section",
        "Problem",
        "The file cannot be read.",
        "&File",
        "&Name:",
    }


def test_scanner_accepts_translated_and_non_linguistic_texts() -> None:
    assert scan_source(GOOD, Path("good.py")) == []


def test_scanner_sees_the_real_sources() -> None:
    # Guards against a scan that silently looks at nothing (wrong folder, empty glob).
    assert any(p.name == "main_window.py" for p in ui_sources())


def test_scanner_flags_tr_inside_an_f_string() -> None:
    # lupdate does not look inside f-strings, so such a text never reaches the .ts file.
    source = 'label = f"<b>{self.tr(\'If this is a gap\')}</b>"\nok = self.tr("Fine")\n'
    found = scan_source(source, Path("f.py"))
    assert [(f.call, f.text) for f in found] == [("tr-in-f-string", "If this is a gap")]
