"""Terminal-safe text: one printable line, and widths of text in a monospace font.

Used by the CLI for everything it prints that came from a file or an argument, by the summary
(names come from the file) and by the app where it shows the same text.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that would break the one-line contract or fool a terminal: C0/C1 controls (ESC
# sequences, carriage return), line/paragraph separators and bidirectional overrides.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069]")
MAX_MESSAGE = 1000


def printable(text: str) -> str:
    """One safe line: unsafe characters shown as escapes, very long texts shortened in the middle."""
    text = _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    if len(text) > MAX_MESSAGE:
        half = MAX_MESSAGE // 2
        text = f"{text[:half]}…{text[-half:]}"
    return text


def width(text: str) -> int:
    """Columns ``text`` takes in a monospace font (wide and full-width characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    return text + " " * max(0, columns - width(text))
