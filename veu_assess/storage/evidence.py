"""Extract an evidence blob for viewing, never writing outside the folder the app chose.

The original filename comes from an untrusted file, so it is reduced to a safe single name:
no folders, no drive letters, no control or reserved characters, no Windows device names, bounded
length. Non-ASCII names (Japanese included) are kept.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from veu_assess.storage.archive import ZIP_ERRORS
from veu_assess.storage.digest import CHUNK
from veu_assess.storage.document import Document
from veu_assess.storage.errors import VeuaError, VeuaIntegrityError
from veu_assess.storage.files import atomic_file

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_DEVICE = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)
MAX_NAME_BYTES = 200  # most file systems allow 255 bytes; leave room for a suffix


def safe_filename(name: str, fallback: str, replacement: str = "_") -> str:
    """A single safe file name derived from ``name`` (``fallback`` when nothing usable remains);
    each reserved or control character becomes ``replacement``."""
    name = unicodedata.normalize("NFC", name)
    name = re.split(r"[/\\]", name)[-1]  # keep only the last path component of either kind
    name = _UNSAFE.sub(replacement, name)
    name = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn"))
    name = name.strip(" .")
    if _DEVICE.match(name):
        name = "_" + name
    stem, dot, ext = name.rpartition(".")
    if not dot or len(ext) > 16:
        stem, ext = name, ""
    ext = ("." + ext) if ext else ""
    while len((stem + ext).encode("utf-8")) > MAX_NAME_BYTES:
        stem = stem[:-1]
    name = (stem + ext).strip(" .")
    return name if name and stem.strip(" .") else fallback


# Names the system would run rather than show: programs, scripts, installers, shortcuts. Evidence
# comes from another organisation's file; opening it must never start a program.
RUNNABLE_SUFFIXES = frozenset(
    ".exe .com .bat .cmd .msi .msp .scr .pif .cpl .lnk .url .hta .ps1 .psm1 .vbs .vbe .js .jse .wsf .wsh "
    ".reg .jar .app .command .sh .bash .zsh .csh .run .bin .appimage .desktop .deb .rpm .pkg .dmg .py "
    ".pyw .pl .rb .php .apk .dll .so .dylib .workflow .scpt .action .terminal .gadget .application "
    ".xbap .msc .inf .ins .sct .vb .iso .img".split()
)


def is_runnable_name(name: str) -> bool:
    """True when opening a file of this name would run something (by any of its suffixes:
    "report.pdf.exe" counts, as does "setup.EXE")."""
    lowered = name.lower().rstrip(" .")
    return any(lowered.endswith(suffix) for suffix in RUNNABLE_SUFFIXES)


def evidence_filename(doc: Document, sha256: str) -> str:
    """The (unsafe) original name under which the evidence was attached, if any answer cites it."""
    for answer in doc.assessment.answers.values():
        for ev in answer.evidence:
            if ev.sha256 == sha256:
                return ev.filename
    return ""


def extract_evidence(doc: Document, sha256: str, target_dir: Path) -> Path:
    """Write the blob ``sha256`` into ``target_dir`` under its sanitised name; return the path.

    The bytes are verified against the hash while they are written; a mismatch leaves nothing.
    """
    target_dir = Path(target_dir)
    root = target_dir.resolve()
    name = safe_filename(evidence_filename(doc, sha256), f"evidence-{sha256[:12]}")
    target = root / name
    if target.exists() and not _same_content(target, sha256):
        stem, dot, ext = name.rpartition(".")
        target = root / (f"{stem}-{sha256[:8]}.{ext}" if dot else f"{name}-{sha256[:8]}")
    if target.parent != root:  # cannot happen after safe_filename; refuse rather than trust it
        raise VeuaError(f"refusing to write {name!r} outside {root}")
    if target.is_file() and not target.is_symlink() and _same_content(target, sha256):
        return target
    h = hashlib.sha256()
    try:
        # Unchecked: the replace swaps a planted symlink itself, never what it points to.
        with doc.open_evidence(sha256) as src, atomic_file(target, 0o600, checked=False) as out:
            while chunk := src.read(CHUNK):
                h.update(chunk)
                out.write(chunk)
            if h.hexdigest() != sha256:
                raise VeuaIntegrityError(f"evidence {sha256[:12]}… does not match its SHA-256; not extracted",
                                         "evidence")
    except OSError as exc:
        raise VeuaError(f"cannot extract evidence to {root}: {exc.strerror or exc}") from None
    except ZIP_ERRORS as exc:
        raise VeuaError(f"evidence {sha256[:12]}… cannot be read: {str(exc)[:120]}", "evidence") from None
    return target


def _same_content(path: Path, sha256: str) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest() == sha256
