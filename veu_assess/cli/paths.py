"""Paths given on the command line: checked before any work is done, refused with one line that
names the path (an ``InputError`` or ``argparse.ArgumentTypeError``, printed by cli/main.py).
"""

from __future__ import annotations

import argparse
import errno
import os
import stat
from pathlib import Path

from veu_assess.bugs import InputError
from veu_assess.storage.files import NAME_MAX, _kind, check_output_path


def output_file(text: str) -> Path:
    """argparse type of ``-o FILE``: a trailing slash names a folder, never a file to create.

    ``Path("new.pdf/")`` drops the slash, so it is checked on the text as typed.
    """
    if text.endswith(("/", os.sep)) and not Path(text).is_dir():
        raise argparse.ArgumentTypeError(f"{text}: ends in '/', which names a folder; give a file name")
    return Path(text)


def check_input_file(source: Path) -> None:
    """An existing regular file, or a refusal that says why (missing, a loop of links, a folder).

    Every command that reads a .veua says the same words as the storage reader for the same
    mistake: "X is a folder, not a .veua file".
    """
    try:
        st = os.stat(source)
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise InputError(f"{source}: {too_long(source)}") from None
        raise InputError(f"{source}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):  # "is a folder", "is a pipe", "is a device", "is a socket"
        raise InputError(f"{source} {_kind(st.st_mode)}, not a .veua file")


def too_long(path: Path) -> str:
    """Why the system said "File name too long": one part of the path, or the whole of it."""
    for part in Path(path).parts:
        if len(os.fsencode(part)) > NAME_MAX:
            return f"a name in this path is too long ({len(os.fsencode(part))} bytes; the limit is {NAME_MAX})"
    return f"the path is too long ({len(os.fsencode(str(path)))} bytes)"


def check_new_output(source: Path | None, target: Path) -> None:
    """``target`` can be written (its folder exists, it is not a device) and is not ``source``."""
    check_output_path(target)
    if source is not None and target.resolve() == source.resolve():
        raise InputError(f"{target}: would overwrite the assessment itself")


def check_not_overwriting(target: Path, force: bool) -> None:
    """An existing file (someone's assessment, say) is replaced only when asked for with --force."""
    if os.path.lexists(target) and not force:
        raise InputError(f"{target}: already exists; choose another name, or add --force to replace it")


def check_output_folder(folder: Path, names: list[str]) -> None:
    """``folder`` is a folder or can be made one, and each of ``names`` in it can be written."""
    if os.path.lexists(folder) and not folder.is_dir():
        try:
            regular = stat.S_ISREG(os.stat(folder).st_mode)
        except OSError:  # a dangling link
            regular = False
        what = "is a file, not a folder" if regular else "is not a folder (a device, pipe or broken link)"
        raise InputError(f"{folder}: {what}; give a folder for the outputs")
    if folder.is_dir():
        for name in names:
            check_output_path(folder / name)
