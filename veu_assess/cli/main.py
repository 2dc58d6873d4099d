"""`veu-assess`: the command line over the same core as the GUI.

Each command lives in its own module and registers itself in COMMAND_MODULES. Bad input of any
kind ends with exit code 2 and one line on stderr that says what is wrong; never a traceback.
Anything else that reaches the top is a bug of the app, and says so (``veu_assess.bugs``): one line
with the version and the log file that holds the trace, exit code 1.
"""

from __future__ import annotations

import argparse
import importlib
import io
import os
import re
import signal
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from veu_assess import __version__
from veu_assess.text.terminal import printable

# Each command and the module that defines it with ``register(subparsers)`` (which adds its
# commands with a ``func`` default), in the order of `--help`. A command such as `score FILE`
# imports and registers its own module only: the other modules and their subparsers cost ~16 M
# instructions (1.5 % of `score`). tests/core/test_readme_commands.py checks the table against
# what each module registers.
COMMANDS = {
    "sample": "veu_assess.cli.core_commands",
    "catalog": "veu_assess.cli.core_commands",
    "score": "veu_assess.cli.core_commands",
    "tpp": "veu_assess.cli.core_commands",
    "demo": "veu_assess.cli.core_commands",
    "gui": "veu_assess.cli.gui_command",
    "validate": "veu_assess.cli.storage_commands",
    "diff": "veu_assess.cli.review_commands",
    "report": "veu_assess.cli.report_commands",
    "export": "veu_assess.cli.report_commands",
    "keys": "veu_assess.cli.signing_commands",
    "signoff": "veu_assess.cli.signing_commands",
    "verify": "veu_assess.cli.signing_commands",
}
COMMAND_MODULES = tuple(dict.fromkeys(COMMANDS.values()))

EXIT_OK, EXIT_PROBLEM, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(Exception):
    """Bad command-line input: reported on one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # "veu-assess: error: " comes in front: name the command only ("tpp: argument --tops: …").
        command = self.prog.removeprefix("veu-assess").strip()
        raise UsageError(f"{command}: {message}" if command else message)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or (``command``) the top level with that command's module only."""
    parser = _Parser(
        prog="veu-assess",
        description="Data Center VEU readiness assessment. Without a command: open the app.",
    )
    parser.add_argument("--version", action="version", version=f"veu-assess {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES if command is None else (COMMANDS[command],):
        importlib.import_module(name).register(sub)
    return parser


def _known_errors() -> tuple[type[BaseException], ...]:
    from veu_assess.bugs import input_errors

    return (UsageError, *input_errors())


def run(argv: Sequence[str]) -> int:
    argv = list(argv)
    commands = set(COMMANDS)
    if not argv or (argv[0] not in commands and not argv[0].startswith("-")):
        if argv and _looks_like_a_command(argv[0]):
            print(f"veu-assess: error: {_unknown_command(argv[0], commands)}", file=sys.stderr)
            return EXIT_BAD_INPUT
        argv = ["gui", *argv]  # `veu-assess` and `veu-assess FILE` open the app
    # A command first: its own module is enough (its usage, errors and help are its subparser's).
    # An option first (--help, --version) gets the whole command line.
    parser = build_parser(argv[0] if argv[0] in commands else None)
    try:
        args = parser.parse_args(argv)
        func: Callable[[argparse.Namespace], int] = args.func
        return func(args)
    except (BrokenPipeError, SystemExit):
        # A closed pipe is an OSError but not bad input: main() ends quietly. SystemExit (--help,
        # --version) passes before the next clause, which would import pydantic to name its class.
        raise
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED  # main() makes sure a second Ctrl-C stays quiet too
    except _known_errors() as exc:
        print(f"veu-assess: error: {one_line(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # not the input's fault: a bug, said as one (and logged in full)
        from veu_assess.bugs import record_bug

        print(f"veu-assess: {record_bug(exc).line}", file=sys.stderr)
        return EXIT_PROBLEM


def _looks_like_a_command(word: str) -> bool:
    """A bare word that names no file ("scroe"): a mistyped command, not a file to open."""
    return (bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", word)) and not os.path.exists(word))


def _unknown_command(word: str, commands: set[str]) -> str:
    import difflib  # only for a mistyped command

    close = difflib.get_close_matches(word, sorted(commands), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else f"; commands: {', '.join(sorted(commands))}"
    return printable(f"unknown command '{word}'{hint}")


def one_line(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return printable(f"{exc.filename or ''}: {exc.strerror}".lstrip(": "))
    text = str(exc).replace("\n", " ").strip()
    return printable(text) or type(exc).__name__


def _tolerant_stdout() -> None:
    """Print what the console cannot encode as escapes instead of failing after the work is done
    (a file name that is not valid UTF-8, an em dash on a cp932 console redirected to a file)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def main() -> None:
    from veu_assess.cli.streams import guard_standard_streams, stdout_was_lost

    try:
        # From here on Ctrl-C is a KeyboardInterrupt, ended below (cli/entry.py covered the imports).
        sys.unraisablehook = _interrupt_again
        signal.signal(signal.SIGINT, signal.default_int_handler)
        guard_standard_streams()  # before anything can print: a closed stderr must not mean stdout
        _tolerant_stdout()
        try:
            try:
                code = run(sys.argv[1:])
            except SystemExit as done:  # --help and --version end inside argparse
                code = done.code if isinstance(done.code, int) else EXIT_PROBLEM
            sys.stdout.flush()  # a closed pipe shows here at the latest, not at interpreter exit
        except BrokenPipeError:
            code = _reader_went_away()
        if code == EXIT_OK and stdout_was_lost():
            print("veu-assess: error: standard output is closed; the output was lost", file=sys.stderr)
            code = EXIT_PROBLEM
    except KeyboardInterrupt:
        code = EXIT_INTERRUPTED
    if code == EXIT_INTERRUPTED:
        quiet_from_now_on()
    sys.exit(code)


EXIT_INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for a command ended by Ctrl-C
_default_unraisablehook = sys.unraisablehook


def _interrupt_again(unraisable: object) -> None:
    """Ctrl-C that lands in a callback Python cannot raise from (an import lock's clean-up) is
    printed as "Exception ignored in ..." with a traceback and then lost: send it again, so it
    ends the command where Python can raise it."""
    if isinstance(getattr(unraisable, "exc_value", None), KeyboardInterrupt):
        signal.raise_signal(signal.SIGINT)
        return
    _default_unraisablehook(unraisable)  # type: ignore[arg-type]


def quiet_from_now_on() -> None:
    """After Ctrl-C the process ends with 130 and nothing more (the shell shows ^C; files are
    written atomically, so none is left half-written). A second Ctrl-C while Python shuts down
    must not print a traceback either, so SIGINT is ignored from here on."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _reader_went_away() -> int:
    """``veu-assess score F | head -1``: the reader closed the pipe. Nothing is wrong with the
    input, so no error message; exit 141 as a shell reports a SIGPIPE death (Python's advice:
    point stdout at devnull so the final flush does not fail again)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 141


def gui_main() -> None:
    """Entry point of the windowed launcher (no console on Windows)."""
    from veu_assess.cli.streams import guard_standard_streams

    def start(argv: Sequence[str]) -> int:
        guard_standard_streams()  # a windowed launcher may have no standard streams at all
        _tolerant_stdout()
        return run(argv)

    argv = ["gui", *sys.argv[1:]]
    try:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        if sys.stderr is None:  # windowed: an error printed there would reach no one
            from veu_assess.cli.windowed import run_showing_errors

            code = run_showing_errors(start, argv)  # stderr is kept (not the null device) meanwhile
        else:
            code = start(argv)
    except KeyboardInterrupt:
        code = EXIT_INTERRUPTED
    if code == EXIT_INTERRUPTED:
        quiet_from_now_on()
    sys.exit(code)


if __name__ == "__main__":
    main()
