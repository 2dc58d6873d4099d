"""The open document as the GUI sees it: the data, its undo stack and the live engine result.

Every edit (answer, profile, inventory) goes through an undo command pushed here, so Undo/Redo,
the unsaved-changes mark and the live score all follow from one place. The score always comes
from ``engine.evaluate`` (there is no second scoring path); it is recomputed after each change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from veu_assess.catalog.loader import Catalog
from veu_assess.catalog.schema import Scope
from veu_assess.engine.scoring import Result, evaluate
from veu_assess.model.assessment import Accelerator, Answer, BomLine, Profile, answer_key, split_key
from veu_assess.model.review import Verdict
from veu_assess.review import apply_verdict, reviewer_text, verdict_for, verdict_is_stale
from veu_assess.storage.document import Document, FileSource
from veu_assess.storage.integrity import EvidenceProblem, IntegrityState, integrity_state
from veu_assess.ui.i18n import current_language

# Ids that let consecutive keystrokes in one text field merge into one undo step.
_ANSWER_MERGE_ID = 1001
_PROFILE_MERGE_ID = 1002
_VERDICT_MERGE_ID = 1003
_DETAILS_MERGE_ID = 1004


def _tr(text: str) -> str:
    return QCoreApplication.translate("Session", text)


def snapshot(doc: Document) -> Document:
    """A private copy for a worker thread, so the operator can keep editing meanwhile.

    The source (what the file was like when opened) comes along: the report and the evidence
    check need it to say whether the file was modified by another program.
    """
    return Document(
        assessment=doc.assessment.model_copy(deep=True),
        review=doc.review.model_copy(deep=True),
        evidence=dict(doc.evidence),
        path=doc.path,
        source=doc.source,
    )


class Session(QObject):
    """One open document. Views listen to ``answerChanged`` / ``profileChanged`` / ``resultChanged``.

    In review mode (an auditor opened the file for review) the operator's answers, profile,
    inventory and evidence are read-only: every such edit is refused here, whatever widget asks,
    and ``editRefused`` says why. Only the review part (verdicts, sign-offs) can change.
    """

    answerChanged = Signal(str)  # answer key
    profileChanged = Signal()
    inventoryChanged = Signal(str)  # site id
    bomChanged = Signal()  # the AI Exports Program bill of materials
    resultChanged = Signal(object)  # engine Result
    modifiedChanged = Signal(bool)
    pathChanged = Signal()
    reviewChanged = Signal(str)  # answer key whose verdict changed ("" for sign-offs)
    editRefused = Signal(str)  # review mode refused an edit of the answers; the message says why
    integrityChanged = Signal()  # the evidence check finished (see ``integrity``)
    reviewerChanged = Signal()  # the auditor set who they are (recorded with every verdict)

    def __init__(
        self, catalog: Catalog, document: Document, parent: QObject | None = None, review_mode: bool = False
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.document = document
        self.review_mode = review_mode
        self._dirty = False  # changed outside the undo stack (a sign-off)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._result = evaluate(catalog, document.assessment)
        self.recovered = False  # restored from a crash: modified although the stack is clean
        # Blobs that do not match their SHA-256, from the evidence check run after opening;
        # None until it has run. Evidence is content-addressed, so saving never clears a problem.
        self.evidence_problems: list[EvidenceProblem] | None = None
        self.evidence_check_pending = False  # the check runs; until it ends, nothing is known
        self.evidence_check_failed = ""  # why the check could not run to its end, if it could not
        self.reviewer_name, self.reviewer_organisation = "", ""  # review mode: who records verdicts
        # Asked before the first edit (of a signed file: ui/signed_edit.py); False refuses the edit.
        self.edit_guard: Callable[[], bool] | None = None
        self._edit_allowed, self._asking = False, False

    # --- reading -------------------------------------------------------------------------
    @property
    def result(self) -> Result:
        return self._result

    @property
    def path(self) -> Path | None:
        return self.document.path

    @property
    def modified(self) -> bool:
        return self.recovered or self._dirty or not self.undo_stack.isClean()

    def integrity(self) -> IntegrityState:
        """Modified by another program / changed after the latest sign-off / intact, as known now."""
        return integrity_state(self.document, self.evidence_problems or [])

    def set_evidence_problems(self, problems: list[EvidenceProblem]) -> None:
        self.evidence_problems = list(problems)
        self.evidence_check_pending = False
        self.integrityChanged.emit()

    def set_evidence_check_failed(self, error: str) -> None:
        self.evidence_check_failed = error
        self.evidence_check_pending = False
        self.integrityChanged.emit()

    def answer(self, key: str) -> Answer:
        return self.document.assessment.answers.get(key, Answer())

    def verdict(self, key: str) -> Verdict | None:
        return verdict_for(self.document, key)

    def verdict_stale(self, key: str) -> bool:
        """The item changed after its verdict was recorded (``review.verdict_is_stale``)."""
        return verdict_is_stale(self.document, key)

    # --- editing (undoable) --------------------------------------------------------------
    def _refuse_in_review(self) -> bool:
        if self.review_mode:
            self.editRefused.emit(_tr("This file is open for review: the operator's answers cannot be changed here."))
        return self.review_mode

    def _may_edit(self, refused: Callable[[], None]) -> bool:
        """The first edit asks ``edit_guard``; a refused edit makes the views re-read the model
        (``refused`` emits the signal they listen to), so no control shows what was not recorded."""
        if self._edit_allowed or self.edit_guard is None:
            return True
        if not self._asking:  # an edit that arrives while the question is open is refused
            self._asking = True
            try:
                self._edit_allowed = self.edit_guard()
            finally:
                self._asking = False
        if not self._edit_allowed:
            refused()
        return self._edit_allowed

    def set_answer(self, key: str, answer: Answer, merge_tag: str | None = None) -> None:
        """Record a new answer; ``merge_tag`` (e.g. "notes") merges typing into one undo step."""
        if self._refuse_in_review():
            return
        old = self.answer(key)
        if old == answer or not self._may_edit(lambda: self.answerChanged.emit(key)):
            return
        self.undo_stack.push(_AnswerCommand(self, key, old, answer, merge_tag))

    def set_profile(self, profile: Profile, merge_tag: str | None = None) -> None:
        if self._refuse_in_review():
            return
        old = self.document.assessment.profile
        if old == profile or not self._may_edit(self.profileChanged.emit):
            return
        self.undo_stack.push(_ProfileCommand(self, old, profile, merge_tag))

    def _moved_site_data(self, old: Profile, new: Profile) -> tuple[dict[str, Answer], dict[str, list[Accelerator]]]:
        """Answers and inventory after a profile change, following the sites they belong to.

        - the first site added: per-site answers given before any site existed (keyed ``REQ``)
          become that site's (``REQ@site``), instead of being left behind unseen;
        - a site whose id was renamed (same place in the list): ``REQ@old`` and its inventory
          move to the new id.
        """
        a = self.document.assessment
        answers, inventory = dict(a.answers), dict(a.inventory)
        old_ids, new_ids = [x.id for x in old.sites], [x.id for x in new.sites]
        site_level = {r.id for _, r in self.catalog.iter_requirements() if r.scope is Scope.SITE}
        renames: dict[str, str] = {}
        if len(old_ids) == len(new_ids):
            renames = {o: n for o, n in zip(old_ids, new_ids, strict=True) if o != n and n not in old_ids}
        for key in list(answers):
            rid, site = split_key(key)
            if rid not in site_level:
                continue
            if site is None and not old_ids and new_ids:
                target = answer_key(rid, new_ids[0])
            elif site in renames:
                target = answer_key(rid, renames[site])
            else:
                continue
            if target not in answers:
                answers[target] = answers.pop(key)
        for o, n in renames.items():
            if o in inventory and n not in inventory:
                inventory[n] = inventory.pop(o)
        return answers, inventory

    def set_details(self, title: str, assessment_date: dt.date, merge_tag: str | None = None) -> None:
        """The assessment's title and date (the report's cover); undoable, typing merges."""
        if self._refuse_in_review():
            return
        a = self.document.assessment
        old, new = (a.title, a.assessment_date), (title, assessment_date)
        if old != new and self._may_edit(self.profileChanged.emit):
            self.undo_stack.push(_DetailsCommand(self, old, new, merge_tag))

    def _apply_details(self, details: tuple[str, dt.date]) -> None:
        a = self.document.assessment
        a.title, a.assessment_date = details
        self.profileChanged.emit()  # the profile page shows them; autosave and the title bar follow

    def set_inventory(self, site_id: str, accelerators: list[Accelerator]) -> None:
        if self._refuse_in_review():
            return
        old = list(self.document.assessment.inventory.get(site_id, []))
        if old == accelerators or not self._may_edit(lambda: self.inventoryChanged.emit(site_id)):
            return
        self.undo_stack.push(_InventoryCommand(self, site_id, old, list(accelerators)))

    def set_bom(self, lines: list[BomLine]) -> None:
        """Replace the bill of materials (one undo step)."""
        if self._refuse_in_review():
            return
        old = list(self.document.assessment.bom)
        if old == lines or not self._may_edit(self.bomChanged.emit):
            return
        self.undo_stack.push(_BomCommand(self, old, list(lines)))

    def register_evidence(self, path: Path, sha256: str) -> None:
        """Remember where an attached file's bytes are (the answer edit itself is undoable)."""
        if self._refuse_in_review():
            return
        self.document.evidence.setdefault(sha256, FileSource(path))

    def set_verdict(self, key: str, verdict: Verdict | None, merge: bool = True) -> None:
        """Record (or clear, with None) the auditor's verdict on ``key``; undoable.

        Consecutive edits of the same key's verdict (typing a comment) merge into one undo step.
        """
        old = self.verdict(key)
        if old == verdict:
            return
        self.undo_stack.push(_VerdictCommand(self, key, old, verdict, merge))

    def set_reviewer(self, name: str, organisation: str) -> None:
        """Who the auditor is; every verdict recorded from now on names them."""
        if (name, organisation) != (self.reviewer_name, self.reviewer_organisation):
            self.reviewer_name, self.reviewer_organisation = name.strip(), organisation.strip()
            self.reviewerChanged.emit()

    def reviewer(self) -> str:
        """"Name (Organisation)" as a verdict records it; "" until the auditor has said who they are."""
        return reviewer_text(self.reviewer_name, self.reviewer_organisation)

    def note_signed_off(self) -> None:
        """A sign-off was appended to the review (not undoable): the document is now modified."""
        self._dirty = True
        self.modifiedChanged.emit(True)
        self.reviewChanged.emit("")

    # --- state ---------------------------------------------------------------------------
    def mark_saved(self) -> None:
        self.recovered = False
        self._dirty = False
        self.undo_stack.setClean()
        self.modifiedChanged.emit(False)
        self.pathChanged.emit()

    def mark_saved_with_changes(self) -> None:
        """Saved, but the document changed while the file was written: still modified."""
        self.recovered = False
        self._dirty = True
        self.modifiedChanged.emit(True)
        self.pathChanged.emit()

    def _clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(self.recovered or self._dirty or not clean)

    def refresh(self) -> None:
        self._result = evaluate(self.catalog, self.document.assessment)
        self.resultChanged.emit(self._result)

    # --- used by the commands --------------------------------------------------------------
    def _apply_answer(self, key: str, answer: Answer) -> None:
        rid, site = split_key(key)
        self.document.assessment.set_answer(rid, answer, site)
        self.answerChanged.emit(key)
        self.refresh()

    def _apply_verdict(self, key: str, verdict: Verdict | None) -> None:
        apply_verdict(self.document, key, verdict, self.catalog)
        self.reviewChanged.emit(key)

    def _apply_profile(
        self, profile: Profile, answers: dict[str, Answer], inventory: dict[str, list[Accelerator]]
    ) -> None:
        a = self.document.assessment
        moved = {k for k in set(a.answers) | set(answers) if a.answers.get(k) != answers.get(k)}
        a.profile = profile
        a.answers = dict(answers)
        a.inventory = dict(inventory)
        self.profileChanged.emit()
        for key in sorted(moved):
            self.answerChanged.emit(key)
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

    def _apply_bom(self, lines: list[BomLine]) -> None:
        self.document.assessment.bom = list(lines)
        self.bomChanged.emit()
        self.refresh()


class _AnswerCommand(QUndoCommand):
    def __init__(self, session: Session, key: str, old: Answer, new: Answer, merge_tag: str | None) -> None:
        rid, site = split_key(key)
        req = session.catalog.requirements.get(rid)
        # In the interface language, like the "Edit answer" around it (it was always English).
        name = req.title.get(current_language()) if req else rid
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
        a = session.document.assessment
        self.old_data = (dict(a.answers), dict(a.inventory))
        self.new_data = session._moved_site_data(old, new)

    def id(self) -> int:
        return _PROFILE_MERGE_ID if self.merge_tag else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _ProfileCommand) or other.merge_tag != self.merge_tag:
            return False
        self.new, self.new_data = other.new, other.new_data
        return True

    def redo(self) -> None:
        self.session._apply_profile(self.new, *self.new_data)

    def undo(self) -> None:
        self.session._apply_profile(self.old, *self.old_data)


class _DetailsCommand(QUndoCommand):
    def __init__(
        self, session: Session, old: tuple[str, dt.date], new: tuple[str, dt.date], merge_tag: str | None
    ) -> None:
        super().__init__(_tr("Edit assessment title and date"))
        self.session, self.old, self.new, self.merge_tag = session, old, new, merge_tag

    def id(self) -> int:
        return _DETAILS_MERGE_ID if self.merge_tag else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _DetailsCommand) or other.merge_tag != self.merge_tag:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.session._apply_details(self.new)

    def undo(self) -> None:
        self.session._apply_details(self.old)


class _InventoryCommand(QUndoCommand):
    def __init__(self, session: Session, site_id: str, old: list[Accelerator], new: list[Accelerator]) -> None:
        super().__init__(_tr("Edit accelerator inventory of {site}").format(site=site_id))
        self.session, self.site_id, self.old, self.new = session, site_id, old, new

    def redo(self) -> None:
        self.session._apply_inventory(self.site_id, self.new)

    def undo(self) -> None:
        self.session._apply_inventory(self.site_id, self.old)


class _BomCommand(QUndoCommand):
    def __init__(self, session: Session, old: list[BomLine], new: list[BomLine]) -> None:
        super().__init__(_tr("Edit bill of materials"))
        self.session, self.old, self.new = session, old, new

    def redo(self) -> None:
        self.session._apply_bom(self.new)

    def undo(self) -> None:
        self.session._apply_bom(self.old)


class _VerdictCommand(QUndoCommand):
    def __init__(self, session: Session, key: str, old: Verdict | None, new: Verdict | None, merge: bool) -> None:
        super().__init__(_tr("Edit review verdict: {key}").format(key=key))
        self.session, self.key, self.old, self.new, self.merge = session, key, old, new, merge

    def id(self) -> int:
        return _VERDICT_MERGE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _VerdictCommand) or other.key != self.key or not other.merge:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.session._apply_verdict(self.key, self.new)

    def undo(self) -> None:
        self.session._apply_verdict(self.key, self.old)


__all__ = ["Session", "answer_key"]
