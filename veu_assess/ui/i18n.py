"""Interface language: choose it, install Qt's and the app's translators, switch at run time.

The choice is ``"en"``, ``"ja"`` or ``"system"`` (the default: follow the system locale) and is
kept in QSettings under ``language``. ``install_language`` loads Qt's own base translation
(``qtbase_ja.qm`` from PySide6's translations folder, so standard dialogs and buttons follow) and
the app's ``veu_assess_<lang>.qm`` (compiled from the .ts on first use when missing or stale, see
``veu_assess.i18n_build``). Installing translators makes Qt send ``QEvent.LanguageChange`` to every
widget; widgets that rebuild their texts on it switch at once, the rest on the next start.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from veu_assess.i18n_build import TranslationBuildError, ensure_qm, ts_path
from veu_assess.languages import LANGUAGES

log = logging.getLogger("veu_assess.i18n")

SETTINGS_KEY = "language"
SYSTEM = "system"
CHOICES = (*LANGUAGES, SYSTEM)

_installed: list[QTranslator] = []
_current: str | None = None


def system_language() -> str:
    """'ja' when the system's UI languages put Japanese before English, else 'en'."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def stored_choice() -> str:
    """The user's choice from QSettings: 'en', 'ja' or 'system' (also for missing or bad values)."""
    value = str(QSettings().value(SETTINGS_KEY, SYSTEM))
    return value if value in CHOICES else SYSTEM


def resolve(choice: str) -> str:
    return system_language() if choice not in LANGUAGES else choice


def current_language() -> str:
    """The interface language now in use, 'en' or 'ja' (the report language defaults to it)."""
    return _current if _current is not None else resolve(stored_choice())


class _ContextFallbackTranslator(QTranslator):
    """Looks a text up under the base classes' contexts when the runtime class has none.

    PySide6's ``self.tr`` uses the runtime class name as context, whereas lupdate files a string
    under the class whose source contains it (or no context for a plain mixin). A string written
    in ``AnswerEditor`` but shown by its subclass would otherwise stay English.
    """

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        found = super().translate(context, source, disambiguation, n)
        if found:
            return found
        for alt in _fallback_contexts(context) if context else ():
            found = super().translate(alt, source, disambiguation, n)
            if found:
                return found
        # None reaches Qt as a null string, meaning "not found here": Qt then asks the next
        # translator (qtbase). An empty string would count as a translation and blank the text.
        return None


def _subclasses(cls: type) -> list[type]:
    out: list[type] = []
    sub: type
    for sub in cls.__subclasses__():
        out += [sub, *_subclasses(sub)]
    return out


@lru_cache(maxsize=256)
def _fallback_contexts(context: str) -> tuple[str, ...]:
    # Only the app's own classes are walked: Qt's contexts never need this.
    for cls in _subclasses(QObject):
        if cls.__name__ == context and cls.__module__.startswith("veu_assess."):
            bases = [k.__name__ for k in cls.__mro__[1:] if k.__module__.startswith("veu_assess.")]
            return (*bases, "")
    return ("",)


def app_qm(lang: str) -> Path | None:
    """The compiled app translation for ``lang``, built from the .ts if needed; None if impossible."""
    from veu_assess.resources import translations_dir

    try:
        ts = ts_path(translations_dir(), lang)
        if not ts.is_file():
            return None
        return ensure_qm(ts)
    except (TranslationBuildError, FileNotFoundError, OSError) as exc:
        log.warning("interface translation %s unavailable: %s", lang, exc)
        return None


def install_language(lang: str, app: QCoreApplication | None = None) -> str:
    """Replace the installed translators with those of ``lang`` ('en'/'ja'/'system'); return en/ja."""
    global _current
    app = app or QCoreApplication.instance()
    lang = resolve(lang)
    if app is None:
        raise RuntimeError("install_language needs a QApplication")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _fallback_contexts.cache_clear()
    if lang != "en":  # English needs no Qt base translation: Qt's own texts are English
        base = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if base.load(QLocale(lang), "qtbase", "_", folder):
            _installed.append(base)
        else:
            log.warning("Qt's base translation for %s not found in %s", lang, folder)
    qm = app_qm(lang)
    if qm is not None:
        own = _ContextFallbackTranslator(app)
        if own.load(str(qm)):
            _installed.append(own)
        else:
            log.warning("cannot load %s", qm)
    for translator in _installed:
        app.installTranslator(translator)  # each install sends QEvent.LanguageChange to the widgets
    if isinstance(app, QGuiApplication):
        # The window system adds " — <display name>" to every title that does not already end in
        # it: an English display name under Japanese titles made them read in both languages.
        app.setApplicationDisplayName(QCoreApplication.translate("app", "VEU Readiness Assessor"))
    # Widgets that format numbers and dates (QDateEdit, QSpinBox) follow the interface language.
    QLocale.setDefault(QLocale(QLocale.Language.Japanese if lang == "ja" else QLocale.Language.English))
    _current = lang
    return lang


def reset_language(app: QCoreApplication | None = None) -> None:
    """Remove the translators installed here and restore the system locale (tests, shutdown)."""
    global _current
    app = app or QCoreApplication.instance()
    if app is not None:
        for old in _installed:
            app.removeTranslator(old)
    _installed.clear()
    if isinstance(app, QGuiApplication) and app.applicationDisplayName():
        app.setApplicationDisplayName(QCoreApplication.translate("app", "VEU Readiness Assessor"))
    QLocale.setDefault(QLocale.system())
    _current = None


def install_startup_language(app: QCoreApplication) -> str:
    """At start-up: install the stored choice (system locale by default); return 'en' or 'ja'."""
    return install_language(stored_choice(), app)


def choose_language(choice: str) -> str:
    """The user picked ``choice`` in the menu: remember it and switch now; return 'en' or 'ja'."""
    if choice not in CHOICES:
        raise ValueError(f"unknown language choice {choice!r}")
    QSettings().setValue(SETTINGS_KEY, choice)
    return install_language(choice)


class LanguageMenu(QMenu):
    """View > Language: English / 日本語 / System, exclusive, checked as stored.

    Language names are shown in their own language (a user who cannot read the current one must
    still find theirs); only "System" and the menu title are translated, and retranslated live.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        on_changed: Callable[[str], None] | None = None,
        restart_note: bool = True,
    ) -> None:
        super().__init__(parent)
        self._on_changed = on_changed
        self._restart_note = restart_note
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions_by_choice: dict[str, QAction] = {}
        for choice, name in (("en", "English"), ("ja", "日本語"), (SYSTEM, "")):
            action = QAction(name, self)
            action.setCheckable(True)
            action.setData(choice)
            action.setChecked(choice == stored_choice())
            self.group.addAction(action)
            self.addAction(action)
            self.actions_by_choice[choice] = action
        self.group.triggered.connect(self._triggered)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Language"))
        self.actions_by_choice[SYSTEM].setText(self.tr("&System default"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _triggered(self, action: QAction) -> None:
        lang = choose_language(str(action.data()))
        if self._on_changed is not None:
            self._on_changed(lang)
        window = self.parent()
        while window is not None and not isinstance(window, QMainWindow):
            window = window.parent()
        if self._restart_note and isinstance(window, QMainWindow):
            # Menus and buttons made once at start-up keep their texts until the app restarts.
            window.statusBar().showMessage(self.restart_message(), 15_000)

    def restart_message(self) -> str:
        return self.tr("Language changed. Menus and buttons change after you restart the app.")


def build_language_menu(
    parent: QWidget, on_changed: Callable[[str], None] | None = None, restart_note: bool = True
) -> LanguageMenu:
    """A Language menu for ``parent`` (the main window); add it with ``menu.addMenu(...)``.

    ``on_changed('en'|'ja')`` runs after the translators were switched, e.g. the main window's
    ``lambda lang: self.set_language(lang, remember=False)`` to rebuild its pages.
    """
    return LanguageMenu(parent, on_changed, restart_note)
