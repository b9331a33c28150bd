"""`clausebook affected BASE [HEAD]`: the handbooks whose resolved text differs, so CI builds only those."""

from __future__ import annotations

import argparse
import sys

from clausebook.commands._common import Subcommands
from clausebook.diff.affected import affected
from clausebook.outputs.registry import AFFECTED, add_format_option, formatter


def register(sub: Subcommands) -> None:
    parser = sub.add_parser(
        "affected", help="the handbooks that differ between two git revisions",
        description="List the handbooks (one per jurisdiction, global included) whose resolved text differs "
                    "between BASE and HEAD, so CI rebuilds only those; handbooks that exist only at BASE are "
                    "listed as removed. JSON gives {\"handbooks\": [...]} for a CI job matrix.")
    parser.add_argument("base", metavar="BASE", help="the revision to compare from (a branch, tag or commit)")
    parser.add_argument("head", metavar="HEAD", nargs="?",
                        help="the revision to compare to (default: the working tree)")
    add_format_option(parser, AFFECTED)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(formatter(AFFECTED, args.format)(affected(args.root, args.base, args.head)))
    return 0
