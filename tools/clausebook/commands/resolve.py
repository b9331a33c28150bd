"""`clausebook resolve --jurisdiction J`: print J's merged policies with provenance."""

from __future__ import annotations

import argparse
import sys

from clausebook.commands._common import Subcommands, refuse_on_errors
from clausebook.core.errors import UsageError
from clausebook.outputs.registry import HANDBOOK, add_format_option, formatter
from clausebook.workspace import Workspace, open_worktree


def register(sub: Subcommands) -> None:
    parser = sub.add_parser("resolve", help="print a jurisdiction's merged policies",
                            description="Apply the overlays of a jurisdiction and its ancestors to the base policy.")
    parser.add_argument("--jurisdiction", "-j", required=True, help="jurisdiction id, or 'global' for the base")
    add_format_option(parser, HANDBOOK)
    parser.set_defaults(func=run)


def open_checked(root: str, jurisdiction: str) -> Workspace:
    """The work tree's repository; an unknown J is a usage error (checked before the repository's errors)."""
    workspace = open_worktree(root)
    if jurisdiction not in workspace.handbooks:
        known = ", ".join(workspace.repo.jurisdiction_ids())
        raise UsageError(f"unknown jurisdiction '{jurisdiction}'; known: {known}")
    return workspace


def run(args: argparse.Namespace) -> int:
    workspace = open_checked(args.root, args.jurisdiction)
    if refused := refuse_on_errors(workspace.problems):
        return refused
    data = workspace.handbooks[args.jurisdiction].to_dict()
    sys.stdout.write(formatter(HANDBOOK, args.format)(data))
    return 0
