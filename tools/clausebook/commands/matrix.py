"""`clausebook matrix`: every clause × every jurisdiction, with what each overlay does there."""

from __future__ import annotations

import argparse
import sys

from clausebook.commands._common import Subcommands, refuse_on_errors
from clausebook.core.matrix import build_matrix
from clausebook.outputs.registry import MATRIX, add_format_option, formatter
from clausebook.workspace import open_worktree


def register(sub: Subcommands) -> None:
    parser = sub.add_parser("matrix", help="clause × jurisdiction coverage",
                            description="Show, for every clause and every jurisdiction, whether the text is the "
                                        "base, amended, replaced, added or removed there, with the reason and law.")
    add_format_option(parser, MATRIX)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    workspace = open_worktree(args.root)
    if refused := refuse_on_errors(workspace.problems):
        return refused
    matrix = build_matrix(workspace.handbooks, workspace.repo.jurisdiction_ids())
    sys.stdout.write(formatter(MATRIX, args.format)(matrix))
    return 0
