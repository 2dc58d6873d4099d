"""SignOffDialog records the digest shown; SignOffStatusList shows intact / changed after sign-off."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from veu_assess.catalog.loader import Catalog
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.model.review import SignOffRole
from veu_assess.review.texts import protection_statement
from veu_assess.storage.document import Document
from veu_assess.ui.review import SignOffDialog, SignOffStatusList

DAY = dt.date(2026, 12, 2)


def ok(dialog: SignOffDialog):  # type: ignore[no-untyped-def]
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_signing_off_records_the_digest_and_status_follows_changes(
    qtbot: QtBot, document: Document, catalog: Catalog
) -> None:
    rid = next(r.id for _, r in catalog.iter_requirements())
    document.assessment.set_answer(rid, Answer(state=AnswerState.MET))
    dialog = SignOffDialog(document, lang="ja", today=DAY)
    qtbot.addWidget(dialog)
    assert dialog.protection.text() == protection_statement("ja")
    assert document.digest() in dialog.digest.text()
    assert not ok(dialog).isEnabled()

    dialog.name.setText("佐藤 花子")
    dialog.organisation.setText("株式会社テスト")
    dialog.kind.setCurrentIndex(dialog.kind.findData(SignOffRole.OPERATOR_OFFICER))
    dialog.statement.setPlainText("回答を確認しました。")
    assert ok(dialog).isEnabled()
    with qtbot.waitSignal(dialog.signedOff) as sig:
        ok(dialog).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    [so] = document.review.signoffs
    assert sig.args == [so] and so.digest == document.digest() and so.date == DAY
    assert (so.name, so.kind, so.statement) == ("佐藤 花子", SignOffRole.OPERATOR_OFFICER, "回答を確認しました。")

    status = SignOffStatusList(lang="en")
    qtbot.addWidget(status)
    status.show_document(document)
    assert status.status_texts() == ["intact"]
    document.assessment.set_answer(rid, Answer(state=AnswerState.NOT_MET))
    status.show_document(document)
    assert status.status_texts() == ["changed after sign-off on 2026-12-02"]


def test_a_refused_sign_off_keeps_the_dialog_open(qtbot: QtBot, document: Document) -> None:
    from veu_assess.review import sign_off

    for i in range(100):  # the model's bound on sign-offs
        sign_off(document, f"Signer {i}", date=DAY)
    dialog = SignOffDialog(document, today=DAY)
    qtbot.addWidget(dialog)
    dialog.name.setText("Ken Auditor")
    dialog.statement.setPlainText("x" * 100_001)  # over the model's bound: cut at the limit, not refused
    assert len(dialog.statement.toPlainText()) == 100_000
    with qtbot.assertNotEmitted(dialog.signedOff):
        ok(dialog).click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.error.isHidden() and "100 sign-offs" in dialog.error.text()
    assert len(document.review.signoffs) == 100


def test_the_coverage_warning_is_never_drawn_over_the_table_on_a_short_screen(
    qtbot: QtBot, document: Document, catalog: Catalog
) -> None:
    # Seen in the 1024x700 screenshots: the dialog was squeezed below its contents' height and
    # the wrapped coverage warning overlapped the section table. The body now scrolls instead.
    dialog = SignOffDialog(document, lang="ja", today=DAY, catalog=catalog)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(500, 420)  # far less than the contents need
    qtbot.waitExposed(dialog)
    table, warning = dialog.coverage_table, dialog.coverage_warning
    assert warning.isVisible()
    top_left = warning.mapTo(dialog, warning.rect().topLeft())
    table_bottom = table.mapTo(dialog, table.rect().bottomLeft()).y()
    assert top_left.y() > table_bottom
    assert warning.height() >= warning.heightForWidth(warning.width())  # every wrapped line shown
    assert dialog.body_scroll.verticalScrollBar().maximum() > 0  # the rest is reached by scrolling
    assert ok(dialog).isVisible()  # the buttons stay outside the scrolling part
