"""Hostile user text renders literally: no markup is interpreted, no file is read, no template runs."""

from __future__ import annotations

import builtins
import io
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.report.helpers import evidence, items, profile_doc
from veu_assess.catalog.loader import Catalog
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.model.review import Verdict, VerdictState
from veu_assess.report.api import render_report
from veu_assess.report.fonts import register_fonts
from veu_assess.storage.document import Document


def _hostile(secret: Path) -> list[str]:
    return [
        f'<img src="{secret}"/> <img src="/etc/passwd"/>',
        '<a href="javascript:alert(1)">click</a> <a href="file:///etc/passwd">f</a>',
        '<font name="Helvetica" size="40">big</font> <b>not bold</b> </para> <br/',
        "&amp; &lt; &#x41; &#65; &nbsp; & < >",
        "{{ 7*7 }} {% for x in range(3) %}loop{% endfor %} {# c #}",
        "ctrl:\x00\x01\x07\x1b\x7f\x85 end",
        "RTL: \u202eevil\u202c שלום עליכם مرحبا",
        "emoji: 😀🚀👍🏽",
    ]


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)


def _active_content(pdf: bytes) -> list[str]:
    """Images, link or script actions in the parsed PDF (not a byte search: compressed font
    streams can contain any four bytes, which once made a raw search for b"/URI" fail)."""
    reader = PdfReader(io.BytesIO(pdf))
    found = []
    root = reader.trailer["/Root"]
    if "/OpenAction" in root or "/JavaScript" in root.get("/Names", {}):
        found.append("document action or script")
    for n, page in enumerate(reader.pages, 1):
        for annot in page.get("/Annots", []) or []:
            action = annot.get_object().get("/A")
            kind = action.get_object().get("/S") if action is not None else None
            # Internal links (the table of contents: /Dest or /GoTo) are fine; nothing may leave the file.
            if kind not in (None, "/GoTo"):
                found.append(f"page {n}: {kind} action")
        xobjects = page.get("/Resources", {}).get("/XObject", {}) or {}
        for name, xo in xobjects.items():
            if xo.get_object().get("/Subtype") == "/Image":
                found.append(f"page {n}: image {name}")
    return found


def test_active_content_check_can_fail() -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4)
    canvas.linkURL("javascript:alert(1)", (10, 10, 100, 100))
    canvas.showPage()
    canvas.save()
    assert _active_content(buf.getvalue()) == ["page 1: /URI action"]


def test_hostile_text_renders_literally(catalog: Catalog, document: Document, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not an image")
    hostile = _hostile(secret)
    doc = profile_doc(document, applicant=hostile[0])
    its = items(catalog, doc)
    for i, it in enumerate(its[: len(hostile)]):
        text = hostile[i]
        doc.assessment.set_answer(it.requirement.id, Answer(
            state=AnswerState.NOT_APPLICABLE, justification=text, notes=text, owner=text[:200],
            evidence=[evidence(i, name=text[:200])]), it.site_id)
    big = its[len(hostile)]
    doc.assessment.set_answer(big.requirement.id, Answer(
        state=AnswerState.NOT_MET, notes="<b>" * 33_333, owner="=HYPERLINK(\"http://x\")"), big.site_id)
    doc.review.verdicts[its[0].key] = Verdict(state=VerdictState.REJECTED, comment=hostile[1] + "x" * 99_000)

    register_fonts()  # the only files a report may open are its fonts: load them first
    opened: list[str] = []
    real_open = builtins.open

    def spy(file: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    pdf = render_report(doc, "en", catalog)
    monkeypatch.undo()

    assert not [p for p in opened if "secret" in p or "passwd" in p]
    assert _active_content(pdf) == []
    text = re.sub(r"\s+", "", _text(pdf))
    for literal in ["<imgsrc=", 'href="javascript:alert(1)"', '<fontname="Helvetica"', "&amp;&lt;&#x41;",
                    "{{7*7}}", "{%forxinrange(3)%}", "</para>", "<b><b><b>", "emoji:😀\ufffd"]:
        assert literal in text, literal
    assert "שלום" in text or "םולש" in text  # pypdf may return right-to-left text in visual order
    assert "ctrl:[U+0000][U+0001][U+0007][U+001B][U+007F]\ufffdend" in text  # controls shown, not executed


def test_hostile_text_in_japanese_report(catalog: Catalog, document: Document, tmp_path: Path) -> None:
    doc = profile_doc(document, applicant="<img src='/etc/passwd'/> 株式会社")
    it = items(catalog, doc)[0]
    doc.assessment.set_answer(it.requirement.id, Answer(state=AnswerState.UNCERTAIN, notes="{{ 7*7 }} 😀 & <a>"),
                              it.site_id)
    text = re.sub(r"\s+", "", _text(render_report(doc, "ja", catalog)))
    assert "<imgsrc='/etc/passwd'/>株式会社" in text and "{{7*7}}" in text
