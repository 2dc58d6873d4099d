"""Paragraph markup parsed without ``html.parser``: the same fragments, a fraction of the time.

reportlab parses every Paragraph's markup with its ``ParaParser``, an ``html.parser.HTMLParser``:
a new parser per paragraph, regular expressions per tag, entity and run of text. The report
makes thousands of paragraphs (3,400 for a fully answered assessment), and parsing was a seventh
of its time. The markup the report makes is small: escaped text (``&amp; &lt; &gt; &#34;
&#39;``), ``<b>``, ``<br/>`` and ``<font>`` with ``color``, ``name`` and ``size``.

``parse()`` tokenises exactly that subset with one regular expression and hands each token to
the handler ``HTMLParser`` would call for it (``handle_starttag``, ``handle_data``, ...) on a
reportlab ``ParaParser``: the fragments are made by reportlab's own code, in the same order,
from the same calls. Markup with anything else (another tag, an attribute in other quotes, a
``&`` that is not one of those entities) returns None and goes through reportlab's parser as
before. The tests compare both parsers' fragments on every paragraph of the reports.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from reportlab.platypus.paraparser import ParaParser

# One token: a tag of the subset, an entity of the five markupsafe writes, or a run of text
# (HTMLParser hands text to handle_data in runs that end at the next "<" or "&").
_TOKEN = re.compile(
    r"<(?P<tag>b|br/|/b|/font)>"
    r'|<font(?P<attrs>(?: (?:color|name|size)="[^"<>&]*")+)>'
    r"|&(?P<entity>amp|lt|gt);"
    r"|&#(?P<charref>34|39);"
    r"|(?P<text>[^<&]+)"
)
_ATTR = re.compile(r' (color|name|size)="([^"<>&]*)"')
_local = threading.local()


def _parser() -> ParaParser:
    # One parser per thread, reset for each paragraph as reportlab resets its own.
    p = getattr(_local, "parser", None)
    if p is None:
        p = _local.parser = ParaParser()
    return p


def _tokens(text: str) -> list[re.Match[str]] | None:
    """The tokens of ``text`` if it is all of the subset, else None."""
    out = []
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() != pos:
            return None
        out.append(m)
        pos = m.end()
    return out if pos == len(text) else None


def parse(text: str, style: Any, case_sensitive: int = 1) -> tuple[Any, Any, Any] | None:
    """``ParaParser().parse(text, style)`` for markup of the report's subset: (style, frags,
    bullet frags) as reportlab returns them; None for markup outside the subset (or empty)."""
    if not text or text.startswith("<para"):
        return None
    tokens = _tokens(text)
    if tokens is None:
        return None
    p = _parser()
    p.caseSensitive = case_sensitive
    try:
        p._setup_for_parse(style)
        p.handle_starttag("para", [])  # parse() wraps the text in <para>...</para>
        for m in tokens:
            kind = m.lastgroup
            if kind == "text":
                p.handle_data(m.group())
            elif kind == "tag":
                tag = m.group("tag")
                if tag == "br/":
                    p.handle_startendtag("br", [])
                elif tag[0] == "/":
                    p.handle_endtag(tag[1:])
                else:
                    p.handle_starttag(tag, [])
            elif kind == "attrs":
                p.handle_starttag("font", _ATTR.findall(m.group("attrs")))
            elif kind == "entity":
                p.handle_entityref(m.group("entity"))
            else:
                p.handle_charref(m.group("charref"))
        p.handle_endtag("para")
        return p._complete_parse()
    except Exception:  # reportlab's own parser will say what is wrong, in its words
        _local.parser = None
        return None
