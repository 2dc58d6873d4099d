"""The open document as the GUI sees it: the data, its undo stack and the live engine result.

Every edit (answer, profile, inventory) goes through an undo command pushed here, so Undo/Redo,
the unsaved-changes mark and the live score all follow from one place. The score always comes
from ``engine.evaluate`` (there is no second scoring path); it is recomputed after each change.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from veu_assess.catalog.loader import Catalog
from veu_assess.engine.scoring import Result, evaluate
from veu_assess.model.assessment import Accelerator, Answer, Profile, answer_key, split_key
from veu_assess.storage.document import Document, FileSource

# Ids that let consecutive keystrokes in one text field merge into one undo step.
_ANSWER_MERGE_ID = 1001
_PROFILE_MERGE_ID = 1002


def _tr(text: str) -> str:
    return QCoreApplication.translate("Session", text)


class Session(QObject):
    """One open document. Views listen to ``answerChanged`` / ``profileChanged`` / ``resultChanged``."""

    answerChanged = Signal(str)  # answer key
    profileChanged = Signal()
    inventoryChanged = Signal(str)  # site id
    resultChanged = Signal(object)  # engine Result
    modifiedChanged = Signal(bool)
    pathChanged = Signal()

    def __init__(self, catalog: Catalog, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.document = document
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._result = evaluate(catalog, document.assessment)
        self.recovered = False  # restored from a crash: modified although the stack is clean

    # --- reading -------------------------------------------------------------------------
    @property
    def result(self) -> Result:
        return self._result

    @property
    def path(self) -> Path | None:
        return self.document.path

    @property
    def modified(self) -> bool:
        return self.recovered or not self.undo_stack.isClean()

    def answer(self, key: str) -> Answer:
        return self.document.assessment.answers.get(key, Answer())

    # --- editing (undoable) --------------------------------------------------------------
    def set_answer(self, key: str, answer: Answer, merge_tag: str | None = None) -> None:
        """Record a new answer; ``merge_tag`` (e.g. "notes") merges typing into one undo step."""
        old = self.answer(key)
        if old == answer:
            return
        self.undo_stack.push(_AnswerCommand(self, key, old, answer, merge_tag))

    def set_profile(self, profile: Profile, merge_tag: str | None = None) -> None:
        old = self.document.assessment.profile
        if old == profile:
            return
        self.undo_stack.push(_ProfileCommand(self, old, profile, merge_tag))

    def set_inventory(self, site_id: str, accelerators: list[Accelerator]) -> None:
        old = list(self.document.assessment.inventory.get(site_id, []))
        if old == accelerators:
            return
        self.undo_stack.push(_InventoryCommand(self, site_id, old, list(accelerators)))

    def register_evidence(self, path: Path, sha256: str) -> None:
        """Remember where an attached file's bytes are (the answer edit itself is undoable)."""
        self.document.evidence.setdefault(sha256, FileSource(path))

    # --- state ---------------------------------------------------------------------------
    def mark_saved(self, path: Path) -> None:
        self.recovered = False
        self.undo_stack.setClean()
        self.modifiedChanged.emit(False)
        self.pathChanged.emit()

    def _clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(self.recovered or not clean)

    def refresh(self) -> None:
        self._result = evaluate(self.catalog, self.document.assessment)
        self.resultChanged.emit(self._result)

    # --- used by the commands --------------------------------------------------------------
    def _apply_answer(self, key: str, answer: Answer) -> None:
        rid, site = split_key(key)
        self.document.assessment.set_answer(rid, answer, site)
        self.answerChanged.emit(key)
        self.refresh()

    def _apply_profile(self, profile: Profile) -> None:
        self.document.assessment.profile = profile
        self.profileChanged.emit()
        self.refresh()

    def _apply_inventory(self, site_id: str, accelerators: list[Accelerator]) -> None:
        inventory = dict(self.document.assessment.inventory)
        if accelerators:
            inventory[site_id] = list(accelerators)
        else:
            inventory.pop(site_id, None)
        self.document.assessment.inventory = inventory
        self.inventoryChanged.emit(site_id)
        self.refresh()


class _AnswerCommand(QUndoCommand):
    def __init__(self, session: Session, key: str, old: Answer, new: Answer, merge_tag: str | None) -> None:
        rid, site = split_key(key)
        req = session.catalog.requirements.get(rid)
        name = req.title.get("en") if req else rid
        super().__init__(_tr("Edit answer: {name}").format(name=name + (f" @ {site}" if site else "")))
        self.session, self.key, self.old, self.new, self.merge_tag = session, key, old, new, merge_tag

    def id(self) -> int:
        return _ANSWER_MERGE_ID if self.merge_tag else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _AnswerCommand) or (other.key, other.merge_tag) != (
            self.key,
            self.merge_tag,
        ):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.session._apply_answer(self.key, self.new)

    def undo(self) -> None:
        self.session._apply_answer(self.key, self.old)


class _ProfileCommand(QUndoCommand):
    def __init__(self, session: Session, old: Profile, new: Profile, merge_tag: str | None) -> None:
        super().__init__(_tr("Edit profile"))
        self.session, self.old, self.new, self.merge_tag = session, old, new, merge_tag

    def id(self) -> int:
        return _PROFILE_MERGE_ID if self.merge_tag else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _ProfileCommand) or other.merge_tag != self.merge_tag:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.session._apply_profile(self.new)

    def undo(self) -> None:
        self.session._apply_profile(self.old)


class _InventoryCommand(QUndoCommand):
    def __init__(self, session: Session, site_id: str, old: list[Accelerator], new: list[Accelerator]) -> None:
        super().__init__(_tr("Edit accelerator inventory of {site}").format(site=site_id))
        self.session, self.site_id, self.old, self.new = session, site_id, old, new

    def redo(self) -> None:
        self.session._apply_inventory(self.site_id, self.new)

    def undo(self) -> None:
        self.session._apply_inventory(self.site_id, self.old)


__all__ = ["Session", "answer_key"]
