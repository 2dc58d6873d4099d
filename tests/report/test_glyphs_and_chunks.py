"""No empty boxes (tofu): every character is drawn in a font that has it, or shown as U+FFFD.
Long texts are cut at paragraph, sentence or word boundaries and lose nothing."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from tests.report.helpers import items, profile_doc
from veu_assess.catalog.loader import Catalog
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.report.api import render_report
from veu_assess.report.fonts import CJK, CJK_BOLD, LATIN, LATIN_BOLD
from veu_assess.report.glyphs import REPLACEMENT, coverage, covers, fallback_markup, font_runs
from veu_assess.report.text import CHUNK, chunks, paragraphs
from veu_assess.storage.document import Document

HEBREW, HANGUL = "שלום עליכם", "안녕하세요"
NOTES = f"Hebrew: {HEBREW}. Korean: {HANGUL}. Broken: \ufffd. Emoji: 🦀 (no bundled font has it). 日本語のメモ。"
FACES = {"DejaVuSans": LATIN, "DejaVuSans-Bold": LATIN_BOLD, "IPAexGothic": CJK, "BIZUDPGothic-Bold": CJK_BOLD}


def _drawn(pdf: bytes) -> list[tuple[str, str]]:
    """(font face, text) of every piece of text the PDF draws."""
    out: list[tuple[str, str]] = []

    def visit(text: str, _cm: object, _tm: object, font: object, _size: object) -> None:
        if text.strip() and font is not None:
            out.append((str(font["/BaseFont"]).split("+")[-1], text))  # type: ignore[index]

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return out


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_scripts_no_font_has_are_never_empty_boxes(catalog: Catalog, document: Document, lang: str,
                                                   tmp_path: Path) -> None:
    doc = profile_doc(document, applicant=f"{HEBREW} {HANGUL} \ufffd 🦀 K.K.")
    it = items(catalog, doc)[0]
    doc.assessment.set_answer(it.requirement.id, Answer(state=AnswerState.UNCERTAIN, notes=NOTES,
                                                        owner=HEBREW), it.site_id)
    pdf = render_report(doc, lang, catalog)
    drawn = _drawn(pdf)
    # A glyph the font lacks is extracted as NUL (reportlab writes code 0); none may be drawn.
    assert not [t for _, t in drawn if "\x00" in t]
    for face, text in drawn:
        missing = {c for c in text if ord(c) not in coverage(FACES[face]) and not c.isspace()}
        assert not missing, (face, text)
    text = "".join(t for _, t in drawn)
    assert "שלום" in text or "םולש" in text  # pypdf may give right-to-left text in visual order
    assert REPLACEMENT in text and not set(HANGUL) & set(text) and "🦀" not in text
    assert re.search(r"Korean:\s*\ufffd{5}", text)  # each syllable shown as a replacement mark
    faces = {face for face, _ in drawn}
    assert "DejaVuSans" in faces and "IPAexGothic" in faces  # Hebrew in DejaVu, kana in IPAexGothic
    if shutil.which("pdffonts"):
        target = tmp_path / "r.pdf"
        target.write_bytes(pdf)
        rows = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True,
                              check=True).stdout.splitlines()[2:]
        assert rows and all(re.search(r"\byes\s+yes\s+yes\b", r) for r in rows), rows


def test_fallback_markup_wraps_only_text_between_tags() -> None:
    markup = f'<b>{HEBREW}</b> &amp; <font color="#123456">ok {HANGUL}</font>'
    out = fallback_markup(markup, CJK, (CJK, LATIN))
    assert out == (f'<b><font name="{LATIN}">שלום</font> <font name="{LATIN}">עליכם</font></b> &amp; '
                   f'<font color="#123456">ok <font name="{LATIN}">{REPLACEMENT * 5}</font></font>')
    assert fallback_markup("plain ASCII &lt;b&gt;", LATIN, (LATIN, CJK)) == "plain ASCII &lt;b&gt;"
    assert fallback_markup("メモ: ok", LATIN, (LATIN, CJK)) == f'<font name="{CJK}">メモ</font>: ok'


SCRIPTS = st.sampled_from("aZ 09.é—“”ßΩЖשלוםمرحبا日本語カナ。、ー안녕\ufffd\u0301\u200b\uf000😀\U0002000b")


@settings(max_examples=200, deadline=None)
@given(st.text(SCRIPTS, max_size=40), st.sampled_from([LATIN, LATIN_BOLD, CJK]))
def test_font_runs_put_every_character_in_a_font_that_has_it(text: str, primary: str) -> None:
    runs = font_runs(text, primary, (LATIN, CJK))
    assert all(run and covers(font, run) for font, run in runs)
    shown = "".join(run for _, run in runs)
    assert len(shown) == len(text)
    for original, drawn in zip(text, shown, strict=True):
        known = any(ord(original) in coverage(f) for f in (LATIN, CJK))
        assert drawn == (original if known else REPLACEMENT)


CHUNK_TEXT = st.text(st.sampled_from("ab xy.!?。！」\n\u3000日本\u0301"), max_size=300)


@settings(max_examples=300, deadline=None)
@given(CHUNK_TEXT, st.integers(min_value=1, max_value=40))
def test_chunks_join_back_and_fit(text: str, limit: int) -> None:
    pieces = chunks(text, limit)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= limit for p in pieces)
    for piece in pieces[:-1]:
        # A boundary was in reach: a space or full stop after some text (not just leading spaces).
        if any((c.isspace() or c in "。！？") and piece[:i].strip() for i, c in enumerate(piece)):
            assert piece[-1].isspace() or piece[-1] in "。！？」", (piece, pieces)


def test_chunks_prefer_paragraph_then_sentence_then_space() -> None:
    assert chunks("One two. Three\nfour five", 20) == ["One two. Three\n", "four five"]
    assert chunks("One two. Three four five", 20) == ["One two. ", "Three four five"]
    assert chunks("日本語の文です。次の文です。さらに", 12) == ["日本語の文です。", "次の文です。さらに"]
    assert chunks("「引用です。」次の文", 8) == ["「引用です。」", "次の文"]
    assert chunks("alpha beta gamma delta", 13) == ["alpha beta ", "gamma delta"]
    assert chunks("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]  # no boundary: a hard cut
    assert chunks("ab" + "e\u0301" * 5, 5) == ["abe\u0301", "e\u0301e\u0301", "e\u0301e\u0301"]
    with pytest.raises(ValueError):
        chunks("abc", 0)


def test_long_notes_are_cut_at_sentences() -> None:
    sentence = "The control is documented in the security manual and reviewed every year. "
    note = sentence * 60 + "申請者は方針を文書化している。" * 150
    pieces = paragraphs(note)
    assert len(pieces) > 2 and all(len(p) <= CHUNK for p in pieces)
    assert all(p.endswith((".", "。")) for p in pieces)
    assert "".join(pieces).replace(".T", ". T") == note.strip()
