"""User text in OSCAL Markdown fields (markup-line / markup-multiline) is escaped: every Markdown
metacharacter the user typed stays literal, plain letters, digits and Japanese stay as they are."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tests.fixtures.oscal.support import answer_all, errors, open_profile, sign_off
from veu_assess.catalog.loader import Catalog
from veu_assess.export.oscal import build_assessment_results, build_poam
from veu_assess.export.oscal.markdown import ALWAYS, LINE_START, md_escape, md_line, md_unescape
from veu_assess.model.assessment import EvidenceRef
from veu_assess.storage.document import Document

MARKDOWN_KEYS = {"title", "description", "remarks", "prose", "statement", "text"}
"""The keys that hold markup-line / markup-multiline text in what the exports write."""

_ORDERED_MARKER = re.compile(r"^\d{1,9}[.)](\s|$)")
_ENTITY = re.compile(r"^&#?[0-9A-Za-z]+;")
_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def unescaped_markdown(text: str) -> list[str]:
    """Every place where ``text`` would be read as Markdown markup (empty when it is all literal)."""
    found = []
    for n, ln in enumerate(text.split("\n")):
        if ln[:1] in (" ", "\t") or ln[-1:] in (" ", "\t"):
            found.append(f"line {n}: blanks at an edge")
        if ln[:1] in LINE_START or _ORDERED_MARKER.match(ln):
            found.append(f"line {n}: block marker {ln[:3]!r}")
        i = 0
        while i < len(ln):
            ch = ln[i]
            if ch == "\\":
                if i + 1 >= len(ln) or ln[i + 1] not in _PUNCT:
                    found.append(f"line {n}: lone backslash at {i}")
                i += 2
                continue
            if ch in ALWAYS or (ch == "&" and _ENTITY.match(ln[i:])):
                found.append(f"line {n}: {ch!r} at {i}")
            i += 1
    return found


def _normalised(text: str) -> str:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(ln.strip(" \t") for ln in lines).strip("\n")


MARKDOWNISH = st.text(alphabet=st.sampled_from([*"\\`*_{}[]<>|~&#+-=.)!(;: \t\r\n", "1", "a", "Z", "あ", "　"]))
ANY_TEXT = MARKDOWNISH | st.text()
PLAIN = st.lists(st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1), max_size=8).map(" ".join)


def test_the_checker_sees_raw_markdown() -> None:
    for raw in ("*x*", "a_b", "[l](u)", "<b>", "`c`", "# h", "1. x", "- x", "&amp;", "a \\", "  code"):
        assert unescaped_markdown(raw), raw
    assert unescaped_markdown("R&D, 748.15 (a): 10% あ") == []


@given(ANY_TEXT)
def test_escaped_text_has_no_unescaped_markdown(text: str) -> None:
    escaped = md_escape(text)
    assert unescaped_markdown(escaped) == []
    assert md_unescape(escaped) == _normalised(text)  # nothing lost but blanks at line edges


@given(ANY_TEXT)
def test_escaped_line_is_one_literal_line(text: str) -> None:
    escaped = md_line(text)
    assert "\n" not in escaped and "\r" not in escaped
    assert unescaped_markdown(escaped) == []
    assert md_unescape(escaped) == " ".join(text.split())


@given(PLAIN)
def test_plain_letters_digits_and_japanese_are_unchanged(text: str) -> None:
    assert md_escape(text) == text
    assert md_line(text) == text


def test_examples() -> None:
    assert md_line("*bold* _it_ [link](http://x) <b>`code`</b>") == (
        "\\*bold\\* \\_it\\_ \\[link\\](http://x) \\<b\\>\\`code\\`\\</b\\>"
    )
    assert md_escape("# Title\n  1. first\n- item\n---\n> quote\n{{ insert: param, p1 }}") == (
        "\\# Title\n1\\. first\n\\- item\n\\---\n\\> quote\n\\{\\{ insert: param, p1 \\}\\}"
    )
    assert md_escape("R&D and &amp; and 10.5% of 748.15") == "R&D and \\&amp; and 10.5% of 748.15"
    assert md_escape("さくら計算株式会社　第二データセンター") == "さくら計算株式会社　第二データセンター"
    assert md_escape("trailing backslash \\") == "trailing backslash \\\\"


# --- the exports escape every user text they place in a Markdown field ------------------------

HOSTILE = "# *Big* _news_ [click](http://x) <script>x</script> `rm` | ~~gone~~ &amp; {{ insert: param, p }}"


def _markdown_fields(node: Any, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _markdown_fields(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from _markdown_fields(v, key)
    elif isinstance(node, str) and key in MARKDOWN_KEYS:
        yield key, node


def _hostile(doc: Document, catalog: Catalog) -> None:
    open_profile(doc, catalog)
    doc.assessment.title = HOSTILE
    doc.assessment.profile.sites[0].name = "<b>DC</b> *one*"
    answer_all(doc, catalog, na_every=4, evidence=True)
    for ans in doc.assessment.answers.values():
        ans.notes = f"{HOSTILE}\n  - a list item\n1. ordered\n    indented code"
        ans.owner = "_Security_ [team]"
        if ans.justification:
            ans.justification = HOSTILE
        ans.evidence = [EvidenceRef(sha256=e.sha256, filename="my_file[1]*.pdf", size=e.size) for e in ans.evidence]
    sign_off(doc, catalog)
    for v in doc.review.verdicts.values():
        v.comment, v.reviewer = HOSTILE, "*Aiko*"
    so = doc.review.signoffs[0]
    so.name, so.role, so.statement = "**Boss**", "`lead`", HOSTILE


def test_exports_escape_user_text_in_markdown_fields(catalog: Catalog, document: Document) -> None:
    _hostile(document, catalog)
    for kind, data in (("ar", build_assessment_results(document, catalog)), ("poam", build_poam(document, catalog))):
        assert errors(kind, data) == []
        fields = list(_markdown_fields(data))
        bad = [(k, v[:80], unescaped_markdown(v)) for k, v in fields if unescaped_markdown(v)]
        assert bad == []
        texts = [md_unescape(v) for _, v in fields]
        assert any(HOSTILE in t for t in texts)  # the words are all still there, literally
        assert any("<b>DC</b> *one*" in t for t in texts)
    ar = build_assessment_results(document, catalog)["assessment-results"]
    assert ar["metadata"]["title"] == f"Assessment results: {md_line(HOSTILE)}"
    observation = next(o for o in ar["results"][0]["observations"] if "remarks" in o)
    assert observation["remarks"].endswith("\\- a list item\n1\\. ordered\nindented code")
    titles = {r["title"] for r in ar["back-matter"]["resources"]}
    assert "my\\_file\\[1\\]\\*.pdf" in titles
    part = ar["results"][0]["attestations"][0]["parts"][0]
    assert part["title"] == "Sign-off by \\*\\*Boss\\*\\*, \\`lead\\`"
    # Plain-string fields (party names, props) are not Markdown and are not escaped.
    assert "**Boss**" in {p["name"] for p in ar["metadata"]["parties"]}
