"""`clausebook affected BASE [HEAD]` (or `--all`): the handbooks whose resolved text differs, for CI to build."""

from __future__ import annotations

import argparse
import sys

from clausebook.commands._common import Subcommands
from clausebook.core.errors import UsageError
from clausebook.diff.affected import affected, every_handbook
from clausebook.outputs.registry import AFFECTED, add_format_option, formatter


def register(sub: Subcommands) -> None:
    parser = sub.add_parser(
        "affected", help="the handbooks that differ between two git revisions",
        description="List the handbooks (one per jurisdiction, global included) whose resolved text differs "
                    "between BASE and HEAD, so CI rebuilds only those; handbooks that exist only at BASE are "
                    "listed as removed. JSON gives {\"handbooks\": [...]} for a CI job matrix.")
    parser.add_argument("base", metavar="BASE", nargs="?",
                        help="the revision to compare from (a branch, tag or commit)")
    parser.add_argument("head", metavar="HEAD", nargs="?",
                        help="the revision to compare to (default: the working tree)")
    parser.add_argument("--all", action="store_true",
                        help="list every handbook at HEAD instead (a first deployment); then the one revision "
                             "given, if any, is HEAD")
    add_format_option(parser, AFFECTED)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.all:
        if args.head is not None:
            raise UsageError("with --all, give at most one revision (HEAD)")
        found = every_handbook(args.root, args.base)
    elif args.base is None:
        raise UsageError("give BASE, the revision to compare from, or --all")
    else:
        found = affected(args.root, args.base, args.head)
    sys.stdout.write(formatter(AFFECTED, args.format)(found))
    return 0
