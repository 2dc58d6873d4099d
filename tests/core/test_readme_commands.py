"""The README's command table says what `--help` says: every command, and every option of each
command, appears in it; it names no command or option the parser does not have."""

from __future__ import annotations

import argparse
import importlib
import re

import pytest

from tests.conftest import REPO
from veu_assess.cli.main import COMMAND_MODULES, COMMANDS, build_parser


def _table_rows() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Command line"):]
    section = section[: section.index("\n## ", 3)]
    return [m.group(1) for m in re.finditer(r"^\| `(veu-assess[^`]*)` ", section, re.M)]


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no subcommands")


def _options(parser: argparse.ArgumentParser) -> set[str]:
    """The long form of every option `--help` shows (suppressed ones are not shown), with those of
    its own subcommands (`keys new`, `signoff add`)."""
    found = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found |= _options(sub)
            continue
        if action.help == argparse.SUPPRESS or isinstance(action, argparse._HelpAction):
            continue
        longs = [o for o in action.option_strings if o.startswith("--")]
        if longs:
            found.add(longs[0])
    return found


def _actions(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    """The parser's actions and its subcommands' (recursively)."""
    found = list(parser._actions)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += _actions(sub)
    return found


def _rows_of(command: str) -> str:
    rows = [r for r in _table_rows() if re.match(rf"veu-assess {re.escape(command)}( |$)", r)]
    return " ".join(rows)


def test_every_command_is_in_the_table() -> None:
    listed = {r.split()[1] for r in _table_rows() if len(r.split()) > 1 and not r.split()[1].startswith(("-", "["))}
    listed.discard("FILE")
    assert listed == set(_subcommands())


@pytest.mark.parametrize("command", sorted(_subcommands()))
def test_every_option_of_a_command_is_in_its_rows(command: str) -> None:
    rows = _rows_of(command)
    parser = _subcommands()[command]
    for option in _options(parser):
        short = next((o for a in _actions(parser) if option in a.option_strings
                      for o in a.option_strings if not o.startswith("--")), None)
        assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", rows) or (
            short and re.search(rf"(?<![\w-]){re.escape(short)}(?![\w-])", rows)), f"{command} {option}"
    named = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", rows))
    assert named <= _options(parser), f"{command}: the table names {named - _options(parser)}"


def test_top_level_options_are_in_the_table() -> None:
    top = " ".join(r for r in _table_rows() if r.startswith("veu-assess [") or r == "veu-assess")
    assert {"--version", "--help"} <= set(re.findall(r"--[a-z-]+", top))


def _nested(parser: argparse.ArgumentParser) -> set[str]:
    """The names of a command's own subcommands (`keys new`, `signoff add`, `signoff export`)."""
    return {name for a in parser._actions if isinstance(a, argparse._SubParsersAction) for name in a.choices}


@pytest.mark.parametrize("command", sorted(c for c, p in _subcommands().items() if _nested(p)))
def test_every_subcommand_of_a_command_has_its_row(command: str) -> None:
    listed = {r.split()[2] for r in _table_rows() if len(r.split()) > 2 and r.split()[1] == command}
    assert listed == _nested(_subcommands()[command])


@pytest.mark.parametrize("command", sorted(_subcommands()))
def test_every_choice_of_an_option_is_in_its_rows(command: str) -> None:
    """`export --format`'s formats (csv-inventory among them), `--lang`'s and `--role`'s values:
    the table lists each value the parser accepts, and no other, in the option's `a\\|b` list."""
    rows = _rows_of(command)
    for action in _actions(_subcommands()[command]):
        if isinstance(action, argparse._SubParsersAction) or not action.choices or not action.option_strings:
            continue
        option = action.option_strings[-1]
        shown = re.findall(rf"{re.escape(option)} ([\w-]+(?:\\\|[\w-]+)+)", rows)
        assert shown, f"{command} {option}: no list of its values in the table"
        for values in shown:
            assert set(values.split("\\|")) == {str(c) for c in action.choices}, f"{command} {option}: {values}"



def test_the_command_table_names_each_command_with_its_module() -> None:
    # `veu-assess score F` registers only the module COMMANDS names for score: the table must say
    # which module defines each command, in the order `--help` lists them.
    assert list(COMMANDS) == list(_subcommands())
    for module in COMMAND_MODULES:
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        importlib.import_module(module).register(sub)
        assert {c for c, m in COMMANDS.items() if m == module} == set(sub.choices), module


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_command_alone_parses_and_helps_as_in_the_whole_command_line(command: str) -> None:
    alone = build_parser(command)
    assert _subcommands()[command].format_help() == _nested_parser(alone, command).format_help()


def _nested_parser(parser: argparse.ArgumentParser, command: str) -> argparse.ArgumentParser:
    return next(a.choices[command] for a in parser._actions if isinstance(a, argparse._SubParsersAction))
