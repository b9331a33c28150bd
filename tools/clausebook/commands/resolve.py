"""`clausebook resolve --jurisdiction J`: print J's merged policies with provenance."""

from __future__ import annotations

import argparse
import sys

from clausebook.commands._common import Subcommands, refuse_on_errors
from clausebook.core.errors import UsageError
from clausebook.outputs.registry import HANDBOOK, add_format_option, formatter
from clausebook.timeline import text_in_force
from clausebook.workspace import Workspace, open_worktree


def register(sub: Subcommands) -> None:
    parser = sub.add_parser("resolve", help="print a jurisdiction's merged policies",
                            description="Apply the overlays of a jurisdiction and its ancestors to the base policy.")
    parser.add_argument("--jurisdiction", "-j", required=True, help="jurisdiction id, or 'global' for the base")
    add_at_option(parser)
    add_format_option(parser, HANDBOOK)
    parser.set_defaults(func=run)


def add_at_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--at", metavar="DATE|REV",
                        help="the text in force on a date (YYYY-MM-DD, UTC) or at a git revision, with "
                             "changes whose `effective` date is later not yet applied (default: the working tree)")


def open_checked(root: str, jurisdiction: str, at: str | None = None) -> Workspace:
    """The work tree's repository (with `at`, the text in force then); an unknown J is a usage error."""
    if at is None:
        workspace = open_worktree(root)
    else:
        found = text_in_force(root, at)
        workspace = found.workspace
        print(f"clausebook: note: the text in force on {found.date.isoformat()} at commit {found.label.split(',')[0]}"
              + (f"; {len(found.upcoming)} file(s) with a later effective date read as their earlier version"
                 if found.upcoming else ""), file=sys.stderr)
    if jurisdiction not in workspace.handbooks:
        known = ", ".join(workspace.repo.jurisdiction_ids())
        raise UsageError(f"unknown jurisdiction '{jurisdiction}'; known: {known}")
    return workspace


def run(args: argparse.Namespace) -> int:
    workspace = open_checked(args.root, args.jurisdiction, args.at)
    if refused := refuse_on_errors(workspace.problems):
        return refused
    data = workspace.handbooks[args.jurisdiction].to_dict()
    sys.stdout.write(formatter(HANDBOOK, args.format)(data))
    return 0
