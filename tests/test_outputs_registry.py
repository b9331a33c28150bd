"""outputs/registry.py: one table of formats, and every command's --format comes from it."""

from __future__ import annotations

import argparse

import pytest

from clausebook.cli import build_parser
from clausebook.outputs import registry
from clausebook.outputs.registry import FORMATS, PROBLEMS, add_format_option, formats, formatter

# Which kind of data each `--format` prints: (command path) -> kind.
COMMAND_KINDS = {
    ("validate",): registry.PROBLEMS,
    ("lint",): registry.PROBLEMS,
    ("diff",): registry.DIFF,
    ("affected",): registry.AFFECTED,
    ("resolve",): registry.HANDBOOK,
    ("review", "status"): registry.REVIEW_STATUS,
    ("review", "report"): registry.REVIEW_REPORT,
    ("review", "remind"): registry.REVIEW_REMINDERS,
    ("rules",): registry.RULES,
    ("translate", "status"): registry.TRANSLATION_STATUS,
    ("release",): registry.RELEASE,
    ("ack", "manifest"): registry.ACK_MANIFEST,
    ("ack", "check"): registry.ACK_CHECK,
    ("matrix",): registry.MATRIX,
}


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    for name, sub in _subparsers(parser).items():
        yield path + (name,), sub
        yield from _commands(sub, path + (name,))


def _format_action(parser: argparse.ArgumentParser) -> argparse.Action | None:
    return next((a for a in parser._actions if "--format" in a.option_strings), None)


def test_every_format_option_of_every_command_comes_from_the_registry():
    with_format = {path: _format_action(sub) for path, sub in _commands(build_parser())
                   if _format_action(sub) is not None}
    assert set(with_format) == set(COMMAND_KINDS), "a command has --format the registry does not know of"
    for path, action in with_format.items():
        offered = formats(COMMAND_KINDS[path])
        assert action.choices == [f.name for f in offered], path
        assert action.default == offered[0].name, path
        for entry in offered:
            assert entry.description in action.help, path


def test_the_problem_formats_and_their_help():
    action = _format_action(_subparsers(build_parser())["lint"])
    assert action.choices == ["text", "json", "github", "sarif"]
    assert action.help == "text (one problem a line), json, github (workflow annotations) or sarif 2.1.0"


def test_formats_only_a_dedicated_option_writes_are_no_choice():
    assert formatter(PROBLEMS, "codequality") is not None
    assert "codequality" not in [f.name for f in formats(PROBLEMS)]


def test_rules_kinds_offer_the_same_formats():
    # `rules [CODE] --format F` prints a listing, a rule or a legal rule with the same choices.
    names = [f.name for f in formats(registry.RULES)]
    assert [f.name for f in formats(registry.RULE)] == names
    assert [f.name for f in formats(registry.LEGAL_RULE)] == names


def test_each_kind_and_name_is_registered_once():
    keys = [(f.kind, f.name) for f in FORMATS]
    assert len(keys) == len(set(keys))


def test_an_unknown_format_names_the_known_ones():
    with pytest.raises(LookupError, match="known: yaml, json"):
        formatter(registry.HANDBOOK, "toml")


def test_add_format_option_takes_a_default_and_refuses_an_unknown_kind():
    parser = argparse.ArgumentParser()
    add_format_option(parser, registry.DIFF, default="json")
    assert parser.parse_args([]).format == "json"
    with pytest.raises(LookupError):
        add_format_option(argparse.ArgumentParser(), "no-such-kind")
