"""`clausebook lint`: every rule (structure checks included), configured in pyproject.toml."""

from __future__ import annotations

import argparse

from clausebook.commands._common import Subcommands, emit
from clausebook.history.scan import begin_scan
from clausebook.lint.engine import lint
from clausebook.outputs.registry import PROBLEMS, add_format_option
from clausebook.workspace import open_worktree

FAIL_ON = ("overdue",)


def register(sub: Subcommands) -> None:
    parser = sub.add_parser(
        "lint", help="structure checks and every lint rule",
        description="Run the structure checks (S) and the content (C), legal (L), review (R) and security (X) "
                    "rules. Configure them under [tool.clausebook.lint] in pyproject.toml; list them with "
                    "`clausebook rules`.")
    parser.add_argument("--changed-since", metavar="REF",
                        help="lint only clauses and overlays whose content changed since this git revision "
                             "(and the jurisdictions they touch); structure problems are always all reported")
    parser.add_argument("--fail-on", action="append", choices=FAIL_ON, default=[],
                        help="make these findings errors: 'overdue' reviews")
    add_format_option(parser, PROBLEMS)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # The review rule reads the git history: git writes its log while the work tree loads.
    history = begin_scan(args.root) if args.changed_since is None else None
    workspace = open_worktree(args.root)
    problems = lint(workspace, changed_since=args.changed_since, fail_on=frozenset(args.fail_on), history=history)
    return emit(problems, args.format, workspace.files)
