"""Register the bundled Japanese font (IPAexGothic, ``fonts/ipaexg.ttf``) with Qt at start-up.

Machines without a Japanese font (minimal Linux installs, some Windows images set to English)
would otherwise show Japanese as empty boxes. The font is added to Qt's font database and appended
to the application font's family list, so Qt uses it for any character the system's default font
lacks, while Latin text keeps the platform look.

The platform's font is first resolved to a real family: on Linux the application font is the
fontconfig alias "Sans Serif", which Qt resolves on its own but not inside a family list, so a list
["Sans Serif", "IPAexGothic"] drew all English text, "…" and curly quotes in IPAexGothic.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication

log = logging.getLogger("veu_assess.ui")

JAPANESE_FONT_FILE = "ipaexg.ttf"
_registered: list[str] = []


def register_japanese_font() -> list[str]:
    """Add the bundled font to Qt (once) and as fallback of the app font; return its families.

    Needs a QGuiApplication. Returns [] and logs a warning when the file is missing or unreadable:
    the app then relies on the system's fonts rather than failing to start.
    """
    if _registered:
        return list(_registered)
    if QGuiApplication.instance() is None:
        raise RuntimeError("register_japanese_font needs a QApplication")
    from veu_assess.resources import fonts_dir

    try:
        path = fonts_dir() / JAPANESE_FONT_FILE
    except FileNotFoundError as exc:
        log.warning("Japanese font not registered: %s", exc)
        return []
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.warning("Japanese font not registered: Qt cannot load %s", path)
        return []
    families = QFontDatabase.applicationFontFamilies(font_id)
    _registered.extend(families)
    _add_fallback(families)
    return list(families)


def _add_fallback(families: list[str]) -> None:
    app_font = QGuiApplication.font()
    current = [_real_family(f, app_font) for f in (app_font.families() or [app_font.family()])]
    current = [f for i, f in enumerate(current) if f not in current[:i]]
    wanted = current + [f for f in families if f not in current]
    app_font.setFamilies(wanted)
    QGuiApplication.setFont(app_font)
    # Widgets given an explicit family (e.g. a monospace hash column) fall back to it as well.
    for family in {app_font.family(), "Monospace", "Sans Serif"}:
        QFont.insertSubstitutions(family, families)


def _real_family(family: str, base: QFont) -> str:
    """The installed family Qt draws for ``family`` ("Sans Serif" -> "DejaVu Sans" on Linux,
    "Segoe UI" stays itself); the name unchanged when Qt finds nothing better. The alias is
    listed among the database's families too, so being listed proves nothing."""
    probe = QFont(base)
    probe.setFamilies([family])
    resolved = QFontInfo(probe).family()
    return resolved or family


def fixed_font() -> QFont:
    """The system's monospace font, with the bundled Japanese font as fallback.

    The families are set in full: a font giving only a family would take the application font's
    family list (set by ``register_japanese_font``) and stop being monospace.
    """
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    mono = _monospace_family(font.family())
    font.setFamilies([mono, *[f for f in _registered if f != mono]])
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


_MONOSPACE = ("Consolas", "Menlo", "SF Mono", "DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono",
              "Courier New")


def _monospace_family(system: str) -> str:
    """A real installed fixed-pitch family. The system may answer with an alias ("monospace")
    that Qt resolves only on its own, not inside a family list."""
    installed = set(QFontDatabase.families())
    for name in (system, *_MONOSPACE):
        if name in installed and QFontDatabase.isFixedPitch(name):
            return name
    return next((f for f in sorted(installed) if QFontDatabase.isFixedPitch(f)), system)
