"""A country choice that can be typed into in any interface language.

A plain combo box finds an entry by typing its first letters: a Japanese list ("日本 (JP)") could
only be typed into with Japanese input. Here the field is editable, and a completer lists every
country whose name in the interface language, English name or ISO code contains what was typed
("jap", "日本", "JP" all find 日本 (JP)). The field never holds a value that is not a country: a
text that names none is refused with a message (``refused``) and the field shows the country it
had; an empty field means "not chosen". A choice, from the list or typed in full, is
``activated`` as with a plain combo box.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from veu_assess.ui.widgets import show_start

# The text a completer matches: name in the interface language, English name and code.
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


class _Completer(QCompleter):
    """Matches the search text but puts the entry's shown text in the field."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class CountryCombo(QComboBox):
    """Countries by name (interface language), English name or code; ``currentData()`` is the code."""

    refused = Signal(str)  # what was typed names no country: the message to show

    def __init__(self, countries: Sequence[Any], lang: str, none_text: str, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # typing never adds a country
        self.addItem(none_text, "")
        for c in countries:
            local, english = c.name.get(lang), c.name.get("en")
            self.addItem(f"{local} ({c.code})", c.code)
            self.setItemData(self.count() - 1, f"{local} {english} {c.code}", SEARCH_ROLE)
        completer = _Completer(self.model(), self)
        completer.setCompletionRole(SEARCH_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self._completer = completer
        line = self.lineEdit()
        assert line is not None  # editable
        self._line = line
        line.editingFinished.connect(self._typed)  # after QComboBox's own exact-text match
        show_start(line)
        self.setAccessibleName(name)
        line.setAccessibleName(name)

    def find_country(self, text: str) -> int | None:
        """The entry ``text`` names: "" is "not chosen"; a shown text, a name in either language or
        a code (any case); else the one entry whose names contain it. None when it names none, or
        several ("ind": India and Indonesia)."""
        wanted = text.strip().casefold()
        if not wanted:
            return 0
        contains = []
        for row in range(1, self.count()):
            search = str(self.itemData(row, SEARCH_ROLE) or "")
            shown = self.itemText(row)
            local = shown.rsplit(" (", 1)[0]
            code = str(self.itemData(row))
            english = search[len(local) + 1 : len(search) - len(code) - 1]
            if wanted in {shown.casefold(), local.casefold(), english.casefold(), code.casefold()}:
                return row
            if wanted in search.casefold():
                contains.append(row)
        return contains[0] if len(contains) == 1 else None

    def _typed(self) -> None:
        line = self._line
        popup = self._completer.popup()
        if popup is not None and popup.isVisible():
            return  # the list is open: the choice made there decides (Enter or a click)
        text = line.text()
        if text == self.currentText() and text == self.itemText(self.currentIndex()):
            return
        row = self.find_country(text)
        if row is None:
            kept = self.itemText(self.currentIndex())
            line.setText(kept)
            self.refused.emit(self.tr("“{text}” is not a country in the list: the country stays “{country}”. Type "
                                      "part of a name or a two-letter code and choose from the list.").format(
                text=text.strip(), country=kept))
            return
        changed = row != self.currentIndex()
        self.setCurrentIndex(row)
        line.setText(self.itemText(row))
        if changed:
            self.activated.emit(row)
