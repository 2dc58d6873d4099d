"""What a screen reader gets from the real Linux accessibility stack (issue 25).

The app runs under Xvfb with Qt's AT-SPI bridge on (``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1``), a D-Bus
session bus and the AT-SPI bus and registry (at-spi2-core); a pyatspi client, run by the system's
Python, walks the accessibility tree as Orca would. Checked, on the bundled sample:

- Eligibility: the question of ELIG-01 is in the tree as text, the page has a heading, every
  answer radio button and field of ELIG-01 is named with the requirement id and the site, and the
  answer row is a group (panel) named with it; the same in Japanese after a language switch;
- Review: the readiness level and the score are in the tree as text, the page has headings;
- Tab (a real key press through the X server) leaves the section-score table for the gap table,
  and the gap table for the controls after it, within ``MAX_TABS`` presses, reaching Sign off;
- no "Could not find accessible" warning from Qt's bridge after a language switch.

Skipped, with what is missing, where the stack is not installed (``.ci/run`` installs it as root).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.atspi.stack import Stack, missing
from veu_assess.catalog.loader import Catalog
from veu_assess.engine.scoring import evaluate
from veu_assess.resources import sample_path
from veu_assess.storage.veua import open_document
from veu_assess.ui.labels import level_label

MAX_TABS = 6  # presses from the section table to Sign off (gap table, then the review's buttons)

_missing = missing()
pytestmark = pytest.mark.skipif(bool(_missing), reason="AT-SPI stack not installed: " + ", ".join(_missing))


@pytest.fixture(scope="module")
def stack() -> Iterator[Stack]:
    running = Stack()
    try:
        yield running
    finally:
        running.close()


def _names(tree: list[dict[str, Any]], role: str | None = None) -> list[str]:
    return [" ".join(e["name"].split()) for e in tree if role is None or e["role"] == role]


def _eligibility(stack: Stack, catalog: Catalog, lang: str) -> None:
    stack.app(f"lang {lang}")
    stack.app("page ELIG-01@ad1")
    tree = stack.tree()
    names = _names(tree)
    section, requirement = next((s, r) for s, r in catalog.iter_requirements() if r.id == "ELIG-01")
    question = " ".join(requirement.title.get(lang).split())
    assert question in names, f"the question {question!r} is not in the tree"
    assert section.title.get(lang) in _names(tree, "heading"), _names(tree, "heading")
    radios = [n for n in _names(tree, "radio button") if "ELIG-01" in n]
    assert len(radios) == 12, radios  # six states, two sites
    assert all("Abu Dhabi Campus" in n for n in radios)
    groups = [n for n in _names(tree, "panel") if n.startswith("ELIG-01")]
    assert len(groups) == 2, groups  # the answer row of each site is a named group
    fields = [e for e in tree if e["role"] in ("text", "check box", "push button", "list")
              and "ELIG-01" in e["name"]]
    assert len(fields) >= 2 * 7, [e["name"] for e in fields]


def test_eligibility_reads_question_heading_and_named_answers(stack: Stack, catalog: Catalog) -> None:
    stack.app("open operator")
    _eligibility(stack, catalog, "en")


def test_review_reads_the_readiness_and_tab_leaves_the_tables(stack: Stack, catalog: Catalog) -> None:
    stack.app("open review")
    stack.app("lang en")
    stack.app("page review")
    tree = stack.tree()
    result = evaluate(catalog, open_document(sample_path()).assessment)
    level = level_label(catalog, result.level, "en")
    labels = _names(tree, "label") + _names(tree, "heading")
    assert any(n.startswith(level) for n in labels), f"the readiness {level!r} is not in the tree"
    assert any(n.startswith("Readiness ") and "completeness" in n for n in labels)
    assert {"Review", "Section scores", "Gaps, most important first"} <= set(_names(tree, "heading"))
    stack.app("focus sections")
    focused = stack.focused()
    assert focused is not None and focused["name"] == "Section scores", focused
    path = []
    for _ in range(MAX_TABS):
        stack.key("Tab")
        focused = stack.focused()
        assert focused is not None, "Tab left the window or nothing has the focus"
        path.append((focused["role"], focused["name"]))
        if focused["role"] == "push button" and focused["name"] == "Sign off this assessment":
            break
    assert path[0] == ("table", "Ranked gap list"), path
    assert path[-1] == ("push button", "Sign off this assessment"), path
    assert all(role != "table" for role, _ in path[1:]), path
    stack.key("shift+Tab")
    back = stack.focused()
    assert back is not None and back["role"] != "table cell", back


def test_japanese_after_a_switch_without_bridge_warnings(stack: Stack, catalog: Catalog) -> None:
    stack.app("open operator")
    before = stack.app_stderr().count("Could not find accessible")
    _eligibility(stack, catalog, "ja")
    stack.app("page review")
    stack.tree()
    stack.app("lang en")
    stack.tree()
    warnings = [line for line in stack.app_stderr().splitlines() if "Could not find accessible" in line]
    assert len(warnings) == before == 0, warnings[:5]
