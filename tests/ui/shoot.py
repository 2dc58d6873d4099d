"""Render every page to PNG for a visual check (not a test): English and Japanese, optional scale.

    QT_QPA_PLATFORM=offscreen [QT_SCALE_FACTOR=2] [SHOOT_SIZES=1024x700,1200x800,1920x1080] \
        python -m tests.ui.shoot OUT_DIR [FILE.veua]

Every page at each size (default: 1024×700, 1200×800 and maximised on a 1920×1080 screen) into
OUT_DIR/<size>/, in English and Japanese, operator and review mode. Japanese text goes into
answers too, to see that long lines wrap instead of being clipped.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("VEU_ASSESS_DATA_DIR", tempfile.mkdtemp())

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import each_page, language, pages_shown
from veu_assess.catalog.loader import Catalog, default_catalog
from veu_assess.model.assessment import AnswerState
from veu_assess.resources import sample_path
from veu_assess.ui.app import configure_application
from veu_assess.ui.fonts import register_japanese_font
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.section_page import SectionPage
from veu_assess.ui.settings import UiSettings

NOTE_JA = ("入退室管理システムの記録を九十日間保管し、四半期ごとに監査部門が確認しています。"
           "監視カメラの映像は施設管理会社が管理し、要求に応じて提出できます。")


SIZES = "1024x700,1200x800,1920x1080"


def main(out: Path, source: Path) -> None:
    app = configure_application()
    register_japanese_font()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    catalog = default_catalog()
    count = 0
    for size in os.environ.get("SHOOT_SIZES", os.environ.get("SHOOT_SIZE", SIZES)).split(","):
        width, height = (int(n) for n in size.split("x"))
        count += shoot_size(app, catalog, source, out / size, width, height)
    print(f"wrote {count} screenshots to {out}")


def shoot_size(app: QApplication, catalog: Catalog, source: Path, out: Path, width: int, height: int) -> int:
    out.mkdir(parents=True, exist_ok=True)
    window = MainWindow(catalog, UiSettings(), None, lang="en")
    window.files.open_now(source)
    window.resize(width, height)
    window.show()
    first = next(p for p in window.navigator.pages if isinstance(p, SectionPage))
    window.navigator.show_page(first)  # section pages build their panels when first shown
    app.processEvents()
    editor = first.panels[0].editors[0]
    editor.notes.setPlainText(NOTE_JA)
    editor.state.setCurrentIndex(3)  # not met: shows the remediation owner and due date
    editor.owner.setText("情報セキュリティ部 部長")
    assert editor.session.answer(editor.key).state is AnswerState.NOT_MET
    shots = 0
    for lang, index, _page in each_page(window):  # the interface's own strings, as the language menu does
        window.grab().save(str(out / f"{lang}-{index:02d}.png"))
        shots += 1
    # Review mode (auditor): the operator's answers read-only, verdicts beside them.
    window.files.open_now(source, review=True)
    for lang in ("en", "ja"):
        with language(window, lang):
            shots += review_shots(app, window, out, lang)
    window.hide()  # hidden, not closed: no question about unsaved changes
    window.deleteLater()
    return shots


def review_shots(app: QApplication, window: MainWindow, out: Path, lang: str) -> int:
    """Every page in review mode, then the sign-off, reviewer and TPP dialogs, in the current language."""
    shots = 0
    pages = window.navigator.pages
    for index, _page in pages_shown(window):
        window.grab().save(str(out / f"review-{lang}-{index:02d}.png"))
        shots += 1
    dialog_ = window.show_sign_off()  # verdict coverage by section, and its warning
    if dialog_ is not None:
        app.processEvents()
        dialog_.grab().save(str(out / f"review-{lang}-signoff.png"))
        dialog_.reject()
        shots += 1
    section = pages.sections[0]
    reviewer = section.banner.ask() if section.banner is not None else None
    if reviewer is not None:
        app.processEvents()
        reviewer.grab().save(str(out / f"review-{lang}-reviewer.png"))
        reviewer.reject()
        shots += 1
    tpp = window.show_tpp_calculator()
    tpp.calculator.set_values(100, 8, 300, True)  # not 3A090: the result in the interface language
    app.processEvents()
    tpp.grab().save(str(out / f"tpp-{lang}.png"))
    tpp.close()
    shots += 1
    return shots


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else sample_path())
