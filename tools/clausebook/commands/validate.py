"""`clausebook validate`: schema and structure checks only."""

from __future__ import annotations

from clausebook.outputs.problems import add_format_option, emit
from clausebook.workspace import open_worktree


def register(sub) -> None:
    parser = sub.add_parser("validate", help="schema and structure checks",
                            description="Check every document against its JSON Schema and the structure rules (S codes).")
    add_format_option(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    workspace = open_worktree(args.root)
    return emit(workspace.problems, args.format, workspace.files)
