"""`clausebook diff BASE [HEAD]`: what the policies say differently, clause by clause."""

from __future__ import annotations

import os
import sys

from clausebook.diff.revisions import compute
from clausebook.outputs.diff import format_json, format_markdown, format_text

FORMATS = ("text", "markdown", "json")


def register(sub) -> None:
    parser = sub.add_parser(
        "diff", help="semantic diff between two git revisions",
        description="Compare the resolved clauses of every jurisdiction at two revisions: which clauses were "
                    "added, removed or modified, which fields, where, and whether the change is material "
                    "(an obligation added, dropped, strengthened or weakened) or editorial. Formatting-only "
                    "edits and moved files are no change.")
    parser.add_argument("base", metavar="BASE", help="the revision to compare from (a branch, tag or commit)")
    parser.add_argument("head", metavar="HEAD", nargs="?",
                        help="the revision to compare to (default: the working tree)")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text (a terminal), markdown (a pull-request comment) or json")
    parser.add_argument("--exit-code", action="store_true",
                        help="exit 1 when there are changes, as `git diff --exit-code` does")
    parser.set_defaults(func=run)


def use_color(stream=sys.stdout) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR")


def run(args) -> int:
    diff, notes = compute(args.root, args.base, args.head)
    for note in notes:
        print(f"clausebook: note: {note}", file=sys.stderr)
    if args.format == "json":
        sys.stdout.write(format_json(diff))
    elif args.format == "markdown":
        sys.stdout.write(format_markdown(diff))
    else:
        sys.stdout.write(format_text(diff, color=use_color(sys.stdout)))
    return 1 if args.exit_code and diff.changes else 0
