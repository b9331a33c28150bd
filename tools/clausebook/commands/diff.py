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
from clausebook.diff.revisions import compute, signature
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
    parser.add_argument("base", metavar="BASE", help="the revision to compare from (a branch, tag or commit)")
    parser.add_argument("head", metavar="HEAD", nargs="?",
                        help="the revision to compare to (default: the working tree)")
    add_format_option(parser, DIFF)
    parser.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output (docx needs it)")
    parser.add_argument("--jurisdiction", "-j", metavar="J", help="only the changes that reach J's handbook")
    parser.add_argument("--exit-code", action="store_true",
                        help="exit 1 when there are changes, as `git diff --exit-code` does")
    parser.set_defaults(func=run)


def use_color(stream: TextIO = sys.stdout) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR")


def run(args: argparse.Namespace) -> int:
    binary = is_binary(DIFF, args.format)
    if binary and not args.out:
        raise UsageError(f"--format {args.format} writes a file: give --out FILE")
    diff, notes = compute(args.root, args.base, args.head)
    for note in notes:
        print(f"clausebook: note: {note}", file=sys.stderr)
    if args.jurisdiction:
        diff = only(diff, args.jurisdiction)
    options: dict[str, Any] = {}
    if args.format == "text" and not args.out:  # colour is a terminal's business: only text takes it
        options["color"] = use_color(sys.stdout)
    if binary:
        options["author"], options["when"] = signature(args.root, args.head)
    output = formatter(DIFF, args.format)(diff, **options)
    if args.out:
        write_atomically(Path(args.out), output)
        print(f"clausebook: wrote {args.out} ({len(diff.changes)} changed clauses)", file=sys.stderr)
    else:
        sys.stdout.write(output)
    return 1 if args.exit_code and diff.changes else 0
