"""One sanitizer for user text leaving the app as data: CSV cells, OSCAL JSON, PDF XMP metadata.

What no reader of those formats has any use for, and what breaks some of them, is removed: C0
and C1 control characters (tab, line feed and carriage return are kept: CSV quotes them, XML
allows them), DEL, the line and paragraph separators, the bidirectional embeddings, overrides
and isolates (U+202A-U+202E, U+2066-U+2069) that can make a name display reversed, lone
surrogates and the non-characters U+FFFE/U+FFFF. What remains is valid XML 1.0 character data,
so an OSCAL JSON export converts to OSCAL XML. Arabic or Hebrew text itself needs none of these.
(The PDF body uses ``report.text.clean`` instead, which shows controls as visible code points.)
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                     "\ud800-\udfff\ufffe\uffff]")
# XML 1.0's Char production, for tests and assertions.
XML_CHAR = re.compile("^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*$")


def plain_text(text: str) -> str:
    """``text`` without control characters, bidi overrides, surrogates and non-characters."""
    return _UNSAFE.sub("", text)


def is_xml_text(text: str) -> bool:
    """True when every character of ``text`` is allowed in an XML 1.0 document."""
    return XML_CHAR.match(text) is not None
