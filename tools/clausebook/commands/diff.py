"""`clausebook diff BASE [HEAD]`: what the policies say differently, clause by clause."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, TextIO

from clausebook.commands._common import Subcommands
from clausebook.core.errors import UsageError
from clausebook.diff.revisions import compute, compute_at
from clausebook.outputs.registry import DIFF, add_format_option, formatter


def register(sub: Subcommands) -> None:
    parser = sub.add_parser(
        "diff", help="semantic diff between two git revisions",
        description="Compare the resolved clauses of every jurisdiction at two revisions: which clauses were "
                    "added, removed or modified, which fields, where, and whether the change is material "
                    "(an obligation added, dropped, strengthened or weakened) or editorial. Formatting-only "
                    "edits and moved files are no change.")
    parser.add_argument("base", metavar="BASE", nargs="?",
                        help="the revision to compare from (a branch, tag or commit); not with --at")
    parser.add_argument("head", metavar="HEAD", nargs="?",
                        help="the revision to compare to (default: the working tree)")
    parser.add_argument("--at", nargs="+", metavar="DATE",
                        help="compare the texts in force on two dates or revisions, D1 [D2] (D2 omitted: today), "
                             "effective dates honoured")
    add_format_option(parser, DIFF)
    parser.add_argument("--exit-code", action="store_true",
                        help="exit 1 when there are changes (or clauses that no longer load, so cannot be compared), "
                             "as `git diff --exit-code` does")
    parser.set_defaults(func=run)


def use_color(stream: TextIO = sys.stdout) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR")


def run(args: argparse.Namespace) -> int:
    if args.at is not None:
        if args.base is not None:
            raise UsageError("give revisions (BASE [HEAD]) or --at D1 [D2], not both")
        if len(args.at) > 2:
            raise UsageError("--at takes one or two dates: D1 [D2]")
        diff, notes = compute_at(args.root, args.at[0], args.at[1] if len(args.at) > 1 else None)
    elif args.base is None:
        raise UsageError("give the revision to compare from (BASE), or --at D1 [D2]")
    else:
        diff, notes = compute(args.root, args.base, args.head)
    for note in notes:
        print(f"clausebook: note: {note}", file=sys.stderr)
    # Colour is a terminal's business: only text takes it.
    options: dict[str, Any] = {"color": use_color(sys.stdout)} if args.format == "text" else {}
    sys.stdout.write(formatter(DIFF, args.format)(diff, **options))
    # What fails to load cannot be shown to be unchanged: --exit-code must not pass it as "no changes".
    return 1 if args.exit_code and (diff.changes or diff.skipped) else 0
