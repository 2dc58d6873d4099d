"""Switching the interface to Japanese: the real main window, Qt's own texts, the Language menu."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QDialogButtonBox

from veu_assess.catalog.loader import Catalog
from veu_assess.model.assessment import Answer, AnswerState, answer_key
from veu_assess.storage.document import new_document
from veu_assess.ui import i18n
from veu_assess.ui.main_window import MainWindow
from veu_assess.ui.session import Session
from veu_assess.ui.settings import UiSettings

pytestmark = pytest.mark.gui


def _has_japanese(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)


def _window(qtbot: Any, catalog: Catalog, lang: str) -> MainWindow:
    window = MainWindow(catalog, UiSettings(), None, lang=lang)
    qtbot.addWidget(window)
    window.set_session(Session(catalog, new_document(catalog, title="Test")))
    return window


def test_main_window_speaks_japanese(qtbot: Any, catalog: Catalog, english_after: Any) -> None:
    assert i18n.install_language("ja") == "ja"
    window = _window(qtbot, catalog, "ja")
    menus = [a.text() for a in window.menuBar().actions()]
    assert "ファイル(&F)" in menus and "ヘルプ(&H)" in menus
    assert window.navigator.back_button.text() == "< 戻る(&B)"
    # Written in the FileActions mixin, looked up under MainWindow: the context fallback at work.
    assert "無題" in window.windowTitle()
    assert all(_has_japanese(window.navigator.nav.item(i).text()) for i in (0, window.navigator.nav.count() - 1))


def test_qt_base_translation_follows(qtbot: Any, english_after: Any) -> None:
    i18n.install_language("ja")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and "キャンセル" in cancel.text()


def test_english_is_the_source_text(qtbot: Any, catalog: Catalog, english_after: Any) -> None:
    i18n.install_language("ja")
    assert i18n.install_language("en") == "en"  # switching back removes the Japanese translators
    window = _window(qtbot, catalog, "en")
    assert window.navigator.back_button.text() == "< &Back"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_language_menu_switches_remembers_and_retranslates(qtbot: Any, catalog: Catalog, english_after: Any) -> None:
    window = _window(qtbot, catalog, "en")
    changed: list[str] = []
    menu = i18n.build_language_menu(window, on_changed=changed.append)
    assert [a.text() for a in menu.group.actions()][:2] == ["English", "日本語"]
    assert menu.actions_by_choice[i18n.SYSTEM].isChecked()  # nothing stored yet: follow the system

    menu.actions_by_choice["ja"].trigger()
    assert changed == ["ja"]
    assert QSettings().value(i18n.SETTINGS_KEY) == "ja"
    assert i18n.current_language() == "ja"
    assert menu.actions_by_choice["ja"].isChecked()
    qtbot.waitUntil(lambda: menu.title() == "言語(&L)")  # LanguageChange is delivered by the event loop
    assert "再起動" in window.statusBar().currentMessage()  # says plainly what waits for a restart

    menu.actions_by_choice["en"].trigger()
    assert changed == ["ja", "en"]
    qtbot.waitUntil(lambda: menu.title() == "&Language")
    assert i18n.current_language() == "en"


def test_system_choice_follows_the_locale(monkeypatch: pytest.MonkeyPatch, english_after: Any) -> None:
    monkeypatch.setattr(i18n, "system_language", lambda: "ja")
    QSettings().setValue(i18n.SETTINGS_KEY, "system")
    assert i18n.install_startup_language(english_after) == "ja"
    QSettings().setValue(i18n.SETTINGS_KEY, "klingon")  # an unknown stored value falls back too
    assert i18n.stored_choice() == i18n.SYSTEM
    monkeypatch.setattr(i18n, "system_language", lambda: "en")
    assert i18n.install_startup_language(english_after) == "en"
    with pytest.raises(ValueError):
        i18n.choose_language("fr")


def test_main_window_language_menu_switches_live(qtbot: Any, catalog: Catalog, english_after: Any) -> None:
    """The window's own View > Language menu: menus, buttons and pages change at once, no restart."""
    window = _window(qtbot, catalog, "en")
    assert window.navigator.back_button.text() == "< &Back"
    window.menus.language_menu.actions_by_choice["ja"].trigger()
    assert QSettings().value("language") == "ja"
    assert window.lang == "ja"
    menus = [a.text() for a in window.menuBar().actions()]
    assert "ファイル(&F)" in menus and "ヘルプ(&H)" in menus
    assert window.navigator.back_button.text() == "< 戻る(&B)"
    assert _has_japanese(window.menus.undo_action.text())
    assert _has_japanese(window.navigator.nav.item(window.navigator.nav.count() - 1).text())
    assert window.statusBar().currentMessage() == ""  # nothing waits for a restart
    window.statusBar().showMessage("ファイルを開きました", 5000)
    window.menus.language_menu.actions_by_choice["en"].trigger()
    assert window.statusBar().currentMessage() == ""  # a passing message in the other language goes
    window.menus.language_menu.actions_by_choice["ja"].trigger()
    window.menus.language_menu.actions_by_choice["en"].trigger()
    assert window.navigator.back_button.text() == "< &Back"
    assert "&File" in [a.text() for a in window.menuBar().actions()]


def test_every_page_speaks_japanese_after_a_live_switch(qtbot: Any, catalog: Catalog, english_after: Any) -> None:
    """Switch through the window's menu, then visit every page: each shows Japanese text of its own
    (title, labels, buttons), and Japanese typed into an answer (setText, not key clicks) stays."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    from veu_assess.resources import sample_path
    from veu_assess.storage.veua import open_document
    from veu_assess.ui.section_page import SectionPage

    window = _window(qtbot, catalog, "en")
    window.set_session(Session(catalog, open_document(sample_path())))
    window.menus.language_menu.actions_by_choice["ja"].trigger()
    missing = []
    for index, page in enumerate(window.navigator.pages):
        window.navigator.go_to(index)
        texts = [page.page_title()]
        for w in page.findChildren(QLabel):
            texts.append(w.text())
        for w in page.findChildren(QAbstractButton):
            texts.append(w.text())
        for w in page.findChildren(QGroupBox):
            texts.append(w.title())
        if sum(_has_japanese(t) for t in texts) < 2:  # a title alone is not a translated page
            missing.append(f"{index} {page.page_title()}")
        if isinstance(page, SectionPage) and page.panels and page.panels[0].editors:
            editor = page.panels[0].editors[0]
            editor.notes.setPlainText("入退室記録を九十日間保管しています。")
            assert window.session is not None
            assert window.session.answer(editor.key).notes == "入退室記録を九十日間保管しています。"
    assert missing == []
    assert window.session is not None
    window.session.undo_stack.setClean()  # closing must not ask about the notes typed above
    from veu_assess.ui import workers

    assert workers.wait_for_all()  # the evidence check started on opening ends with the test


def test_a_live_switch_keeps_the_place_and_the_focus(qtbot: Any, catalog: Catalog, english_after: Any) -> None:
    from veu_assess.resources import sample_path
    from veu_assess.storage.veua import open_document
    from veu_assess.ui.section_page import SectionPage

    window = _window(qtbot, catalog, "en")
    window.set_session(Session(catalog, open_document(sample_path())))
    window.resize(1000, 600)
    window.show()
    qtbot.waitExposed(window)
    sections = [(i, p) for i, p in enumerate(window.navigator.pages) if isinstance(p, SectionPage)]
    for _i, p in sections:
        p.ensure_built()
    index = next(i for i, p in sections if sum(len(x.editors) for x in p.panels) > 3)
    window.navigator.go_to(index)
    page = window.navigator.current_page()
    assert isinstance(page, SectionPage)
    editor = [e for x in page.panels for e in x.editors][3]
    page.ensureWidgetVisible(editor.notes)
    editor.notes.setFocus()
    qtbot.waitUntil(editor.notes.hasFocus)
    bar = page.verticalScrollBar()
    assert bar.value() > 0
    fraction = bar.value() / bar.maximum()
    window.menus.language_menu.actions_by_choice["ja"].trigger()
    new_page = window.navigator.current_page()
    assert new_page is not page and isinstance(new_page, SectionPage)
    new_editor = next(e for x in new_page.panels for e in x.editors if e.key == editor.key)
    assert new_editor.notes.hasFocus()  # the same field of the same requirement
    new_bar = new_page.verticalScrollBar()
    assert new_bar.value() > 0 and abs(new_bar.value() / new_bar.maximum() - fraction) < 0.25
    # Focus inside a composite control (the evidence list), after a pop-up (the due date's
    # calendar) added widgets to the editor: the same control has the focus after switching back.
    new_editor.due.calendarWidget()
    new_editor.evidence.list.setFocus()
    qtbot.waitUntil(new_editor.evidence.list.hasFocus)
    window.menus.language_menu.actions_by_choice["en"].trigger()
    page3 = window.navigator.current_page()
    assert isinstance(page3, SectionPage)
    third = next(e for x in page3.panels for e in x.editors if e.key == editor.key)
    assert third.evidence.list.hasFocus()


def test_the_undo_menu_names_the_requirement_in_japanese(qtbot: Any, catalog: Catalog, english_after: Any) -> None:
    i18n.install_language("ja")
    window = _window(qtbot, catalog, "ja")
    rid, req = next((r.id, r) for _, r in catalog.iter_requirements())
    key = answer_key(rid, None)
    window.session.set_answer(key, Answer(state=AnswerState.MET))
    text = window.menus.undo_action.text()
    assert "回答の編集" in text and req.title.ja in text and req.title.en not in text
    window.menus.undo_action.trigger()  # back to the saved state: closing asks nothing
    assert window.session.undo_stack.isClean()
