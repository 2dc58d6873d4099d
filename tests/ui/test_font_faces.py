"""The app font: the platform's UI family first, the bundled IPAexGothic only as fallback.

On Linux the application font was the fontconfig alias "Sans Serif"; in a family list Qt did not
resolve it and drew every English label, "…" and curly quotes in IPAexGothic (a centred "···").
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontInfo, QGuiApplication, QTextLayout
from pytestqt.qtbot import QtBot

from veu_assess.ui.fonts import JAPANESE_FONT_FILE, register_japanese_font

SAMPLE = "Ready … “quoted” ‘x’ 所在国"


def _faces(font: QFont, start: int, length: int) -> set[str]:
    """The families Qt actually draws SAMPLE[start:start+length] with."""
    layout = QTextLayout(SAMPLE, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return {run.rawFont().familyName() for run in layout.glyphRuns(start, length)}


def test_family_list_puts_the_platform_family_first(qtbot: QtBot) -> None:
    japanese = register_japanese_font()
    assert japanese == ["IPAexGothic"], JAPANESE_FONT_FILE
    families = QGuiApplication.font().families()
    assert families[-1] == "IPAexGothic"
    assert families[0] != "IPAexGothic"
    # The first entry is a family Qt really draws (not an alias it resolves only on its own).
    probe = QFont()
    probe.setFamilies([families[0]])
    assert QFontInfo(probe).family() == families[0]
    assert QFontInfo(QGuiApplication.font()).family() == families[0]


def test_latin_punctuation_from_a_latin_face_japanese_from_ipaex(qtbot: QtBot) -> None:
    register_japanese_font()
    font = QGuiApplication.font()
    latin = _faces(font, 0, len("Ready"))
    assert "IPAexGothic" not in latin
    for char in "…“”‘’":
        assert _faces(font, SAMPLE.index(char), 1) == latin, char
    assert _faces(font, SAMPLE.index("所"), 3) == {"IPAexGothic"}
