"""`clausebook diff BASE [HEAD]`: what the policies say differently, clause by clause.

`--out FILE` writes the output to a file (whole, or not at all) instead of
standard output; a binary format (`docx`) needs it. `--jurisdiction J`
keeps the changes that reach J's handbook.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from clausebook.commands._common import Subcommands
from clausebook.core.errors import UsageError
from clausebook.diff.revisions import compute, compute_at, signature
from clausebook.diff.scope import only
from clausebook.files import write_atomically
from clausebook.outputs.registry import DIFF, add_format_option, formatter, is_binary


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
    parser.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output (docx needs it)")
    parser.add_argument("--jurisdiction", "-j", metavar="J", help="only the changes that reach J's handbook")
    parser.add_argument("--exit-code", action="store_true",
                        help="exit 1 when there are changes (or clauses that no longer load, so cannot be compared), "
                             "as `git diff --exit-code` does")
    parser.set_defaults(func=run)


def use_color(stream: TextIO = sys.stdout) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR")


def run(args: argparse.Namespace) -> int:
    binary = is_binary(DIFF, args.format)
    if binary and not args.out:
        raise UsageError(f"--format {args.format} writes a file: give --out FILE")
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
    if args.jurisdiction:
        diff = only(diff, args.jurisdiction)
    options: dict[str, Any] = {}
    if args.format == "text" and not args.out:  # colour is a terminal's business: only text takes it
        options["color"] = use_color(sys.stdout)
    if binary:
        options["author"], options["when"] = signature(args.root, args.head if args.at is None else None)
    output = formatter(DIFF, args.format)(diff, **options)
    if args.out:
        write_atomically(Path(args.out), output)
        print(f"clausebook: wrote {args.out} ({len(diff.changes)} changed clauses)", file=sys.stderr)
    else:
        sys.stdout.write(output)
    # What fails to load cannot be shown to be unchanged: --exit-code must not pass it as "no changes".
    return 1 if args.exit_code and (diff.changes or diff.skipped) else 0
