"""QSettings holds UI state only: window geometry, recent files, the language, the reviewer's name,
which requirement cards are unfolded, the last export and evidence folders and whether the welcome
was shown.

Answers never go here; they live in .veua files. Organisation and application names are set
once in ``app.configure_application``; tests point QSettings at a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings

from veu_assess.languages import LANGUAGES

MAX_RECENT = 8


class UiSettings:
    """Typed access to the few keys the app stores."""

    def __init__(self) -> None:
        self._s = QSettings()

    # --- recent files --------------------------------------------------------------------
    def recent_files(self) -> list[Path]:
        raw = self._s.value("recent_files", [])
        if isinstance(raw, str):  # QSettings returns a lone string for a one-item list
            raw = [raw]
        if not isinstance(raw, list):
            return []
        return [Path(str(p)) for p in raw if str(p)][:MAX_RECENT]

    def add_recent_file(self, path: Path, review: bool = False) -> None:
        """Put ``path`` first; ``review``: it was opened for review, and Open Recent does so again."""
        path = path.resolve()
        files = [p for p in self.recent_files() if p != path]
        kept = [path, *files][:MAX_RECENT]
        self._s.setValue("recent_files", [str(p) for p in kept])
        reviewed = {p for p in self._review_paths() if p in {str(k) for k in kept} and p != str(path)}
        if review:
            reviewed.add(str(path))
        self._s.setValue("recent_review_files", sorted(reviewed))

    def _review_paths(self) -> list[str]:
        raw = self._s.value("recent_review_files", [])
        if isinstance(raw, str):
            raw = [raw]
        return [str(p) for p in raw] if isinstance(raw, list) else []

    def opened_for_review(self, path: Path) -> bool:
        return str(path) in self._review_paths()

    def clear_recent_files(self) -> None:
        self._s.setValue("recent_files", [])
        self._s.setValue("recent_review_files", [])

    # --- geometry ------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def save_geometry(self, geometry: QByteArray) -> None:
        # Only the geometry: the window has no tool bars or docks whose state would need keeping.
        self._s.setValue("window/geometry", geometry)

    # --- language ------------------------------------------------------------------------
    def language(self) -> str:
        """ "en" or "ja"; "system" (or nothing stored) follows the system locale."""
        value = str(self._s.value("language", "system"))
        if value in LANGUAGES:
            return value
        return "ja" if QLocale.system().name().startswith("ja") else "en"

    def set_language(self, lang: str) -> None:
        self._s.setValue("language", lang if lang in LANGUAGES else "en")

    # --- reviewer identity -----------------------------------------------------------------
    def reviewer(self) -> tuple[str, str]:
        """The auditor's name and organisation, set once and recorded with every verdict."""
        return str(self._s.value("reviewer/name", "") or ""), str(self._s.value("reviewer/organisation", "") or "")

    def set_reviewer(self, name: str, organisation: str) -> None:
        self._s.setValue("reviewer/name", name)
        self._s.setValue("reviewer/organisation", organisation)

    # --- requirement cards -----------------------------------------------------------------
    def open_details(self) -> set[str]:
        """The requirement ids whose guidance the user left unfolded (folded is the default)."""
        raw = self._s.value("cards/open_details", [])
        if isinstance(raw, str):
            raw = [raw]
        return {str(r) for r in raw if str(r)} if isinstance(raw, list) else set()

    def set_details_open(self, requirement_id: str, is_open: bool) -> None:
        ids = self.open_details()
        ids = ids | {requirement_id} if is_open else ids - {requirement_id}
        self._s.setValue("cards/open_details", sorted(ids))

    # --- exports -----------------------------------------------------------------------------
    def export_folder(self) -> Path | None:
        """The folder the last export went to, if it still exists."""
        value = str(self._s.value("exports/folder", "") or "")
        return Path(value) if value and Path(value).is_dir() else None

    def set_export_folder(self, folder: Path) -> None:
        self._s.setValue("exports/folder", str(folder))

    def evidence_folder(self) -> Path | None:
        """The folder evidence was last attached from, if it still exists."""
        value = str(self._s.value("evidence/folder", "") or "")
        return Path(value) if value and Path(value).is_dir() else None

    def set_evidence_folder(self, folder: Path) -> None:
        self._s.setValue("evidence/folder", str(folder))

    # --- first run ---------------------------------------------------------------------------
    def welcome_seen(self) -> bool:
        return str(self._s.value("welcome/seen", "false")).lower() == "true"

    def set_welcome_seen(self) -> None:
        self._s.setValue("welcome/seen", True)

    def sync(self) -> None:
        self._s.sync()
