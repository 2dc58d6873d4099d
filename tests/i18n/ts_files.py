"""Read Qt Linguist .ts files into plain records, and the placeholder/mnemonic rules they must keep."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

# Qt's %1..%99, %L1, %n, %Ln; QProgressBar's %p %v %m; Python's {name}, {0}, {}.
PLACEHOLDER = re.compile(r"%L?\d{1,2}|%L?n|%[pvm]|\{[A-Za-z_0-9]*(?:![rsa])?(?::[^{}]*)?\}")
# A mnemonic: '&' followed by a character other than '&' or a space ("&&" is a literal '&').
MNEMONIC = re.compile(r"(?<!&)&(?![& ])")


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    comment: str
    numerus: bool
    translations: tuple[str, ...]  # one per numerus form, else one
    kind: str  # the translation's type attribute: "", "unfinished", "obsolete", "vanished"

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)


def read_ts(path: Path) -> list[Entry]:
    entries = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            numerus = msg.get("numerus") == "yes"
            if tr is None:
                texts: tuple[str, ...] = ()
                kind = "unfinished"
            else:
                forms = tr.findall("numerusform")
                texts = tuple(f.text or "" for f in forms) if numerus else (tr.text or "",)
                kind = tr.get("type", "")
            entries.append(
                Entry(name, msg.findtext("source") or "", msg.findtext("comment") or "", numerus, texts, kind)
            )
    return entries


def placeholders(text: str) -> Counter[str]:
    # %Ln and %n are the same count; the L only asks for locale digits.
    return Counter(p.replace("%L", "%") for p in PLACEHOLDER.findall(text))


def problems(entry: Entry) -> list[str]:
    """What is wrong with one entry: unfinished, empty, or placeholders/mnemonic not kept."""
    where = f"[{entry.context}] {entry.source!r}"
    if entry.kind in ("unfinished", "obsolete", "vanished"):
        return [f"{where}: translation is {entry.kind}"]
    if not entry.translations or any(not t.strip() for t in entry.translations):
        return [f"{where}: empty translation"]
    found = []
    want = placeholders(entry.source)
    for text in entry.translations:
        got = placeholders(text)
        # A numerus form may leave %n out ("one file") but never invent or drop other placeholders.
        if entry.numerus:
            want_n, got_n = want - Counter({"%n": 99}), got - Counter({"%n": 99})
        else:
            want_n, got_n = want, got
        if got_n != want_n:
            found.append(f"{where}: placeholders {dict(want)} became {dict(got)} in {text!r}")
        if bool(MNEMONIC.search(entry.source)) != bool(MNEMONIC.search(text)):
            found.append(f"{where}: keyboard mnemonic (&) lost or added in {text!r}")
    return found
