"""`clausebook validate`: schema and structure checks only."""

from __future__ import annotations

import argparse

from clausebook.commands._common import Subcommands, emit
from clausebook.outputs.registry import PROBLEMS, add_format_option
from clausebook.workspace import open_worktree


def register(sub: Subcommands) -> None:
    parser = sub.add_parser(
        "validate", help="schema and structure checks",
        description="Check every document against its JSON Schema and the structure rules (S codes).")
    add_format_option(parser, PROBLEMS)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    workspace = open_worktree(args.root)
    return emit(workspace.problems, args.format, workspace.files)
