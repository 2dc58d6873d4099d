"""Terminal-safe text: one printable line, and widths of text in a monospace font.

Used by the CLI for everything it prints that came from a file or an argument, by the summary
(names come from the file) and by the app where it shows the same text.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that would break the one-line contract or fool a terminal: C0/C1 controls (ESC
# sequences, carriage return), line/paragraph separators and bidirectional overrides.
_UNSAFE = "[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069]"  # compiled on first use (re caches it)
MAX_MESSAGE = 1000


def printable(text: str) -> str:
    """One safe line: unsafe characters shown as escapes, very long texts shortened in the middle."""
    text = re.sub(_UNSAFE, lambda m: f"\\u{ord(m.group()):04x}", text)
    if len(text) > MAX_MESSAGE:
        half = MAX_MESSAGE // 2
        text = f"{text[:half]}…{text[-half:]}"
    return text


def width(text: str) -> int:
    """Columns ``text`` takes in a monospace font (wide and full-width characters take two)."""
    if text.isascii():  # every ASCII character is one column; `score` asks thousands of times
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    return text + " " * max(0, columns - width(text))


COLUMNS = 80  # a terminal's width: every line fits, long texts wrap under their own column


def wrap(text: str, columns: int) -> list[str]:
    """``text`` in lines of at most ``columns`` display columns, broken at spaces. Japanese text
    (no spaces) goes on filling the line and breaks between characters, as Japanese does; so does
    a word wider than a whole line (a URL). Widths are counted once per character."""
    lines: list[str] = []
    line, used = "", 0  # the line being filled and its width
    for word in text.split(" "):
        w = width(word)
        gap = 1 if line else 0
        if used + gap + w <= columns:
            line, used = line + " " * gap + word, used + gap + w
            continue
        if w == len(word) and w <= columns:  # a Latin word that fits a line of its own
            lines.append(line)
            line, used = word, w
            continue
        if line and used < columns:
            line, used = line + " ", used + 1
        for ch in word:
            cw = width(ch)
            if used + cw > columns:
                lines.append(line.rstrip())
                line, used = "", 0
            line, used = line + ch, used + cw
    lines.append(line)
    return lines


def wrapped(first: str, text: str, indent: int) -> list[str]:
    """``first`` followed by ``text``, the continuation lines indented by ``indent`` columns."""
    head = wrap(text, COLUMNS - width(first))[0]
    rest = text[len(head):].lstrip(" ") if text.startswith(head) else ""
    if not text.startswith(head):  # runs of spaces: wrap() joined words with one
        head, *more = wrap(text, COLUMNS - max(width(first), indent))
        rest = " ".join(more)
    out = [first + head]
    if rest:
        out += [" " * indent + line for line in wrap(rest, COLUMNS - indent)]
    return out
