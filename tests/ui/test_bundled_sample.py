"""The bundled sample opened by its path (inside the installed app) is never saved over: Save
asks where to save a copy, and choosing the bundled file itself is refused with an error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.ui.conftest import DialogLog
from tests.ui.helpers import choose, first_editor
from veu_assess.model.assessment import AnswerState
from veu_assess.resources import sample_path
from veu_assess.ui.main_window import MainWindow


def test_save_of_the_bundled_sample_asks_for_another_file(qtbot: Any, window: MainWindow, dialog_log: DialogLog,
                                                          tmp_path: Path) -> None:
    before = sample_path().read_bytes()
    with qtbot.waitSignal(window.files.documentOpened, timeout=10_000):
        window.files.open_path(sample_path())
    choose(first_editor(window), AnswerState.NOT_MET)
    copy = tmp_path / "my-copy.veua"
    dialog_log.answers["save_path"] = [sample_path(), copy]  # first the sample itself, then a copy
    # Saves run on a worker: each ends with saveFinished(ok).
    with qtbot.waitSignal(window.files.saveFinished, timeout=10_000) as refused:
        window.menus.save_action.trigger()  # Save: asks for a path, the sample is refused
    assert refused.args == [False]
    assert dialog_log.errors and "comes with the app" in dialog_log.errors[-1][1]
    with qtbot.waitSignal(window.files.saveFinished, timeout=10_000) as saved:
        window.menus.save_action.trigger()
    assert saved.args == [True]
    assert copy.is_file() and window.session is not None and window.session.path == copy
    assert sample_path().read_bytes() == before
