"""`clausebook release [VERSION] [--dry-run]`: tag HEAD as the next policy release, or say why not.

Exit 0 when tagged (or, with --dry-run, when it would be); 1 when refused
(nothing written); 2 when the command cannot run.
"""

from __future__ import annotations

import argparse
import sys

from clausebook import release
from clausebook.commands._common import Subcommands
from clausebook.outputs.registry import RELEASE, add_format_option, formatter


def register(sub: Subcommands) -> None:
    parser = sub.add_parser(
        "release", help="tag a policy release (annotated tag v<VERSION>)",
        description="Tag HEAD v<VERSION> with the material changes since the last release. Without VERSION "
                    "the next version is proposed from the changes: material -> minor (or major, with "
                    "[tool.clausebook.release] material = \"major\"), editorial only -> patch. Refuses, writing "
                    "nothing, on validation or lint errors, uncommitted policy changes, no change, or a "
                    "version not above the last release or smaller than the changes need.")
    parser.add_argument("version", metavar="VERSION", nargs="?", help="MAJOR.MINOR.PATCH (default: proposed)")
    parser.add_argument("--dry-run", action="store_true", help="show what would be tagged; write nothing")
    add_format_option(parser, RELEASE)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    planned = release.plan(args.root, args.version)
    if planned.refusals:
        sys.stdout.write(formatter(RELEASE, args.format)(planned, dry_run=args.dry_run))
        return 1
    if not args.dry_run:
        release.make(args.root, planned)
    sys.stdout.write(formatter(RELEASE, args.format)(planned, dry_run=args.dry_run, tagged=not args.dry_run))
    return 0
