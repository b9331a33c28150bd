"""`clausebook ack manifest|check`: acknowledgement manifests per release and handbook, and checks against them.

`ack manifest --jurisdiction J [--lang L] [--release V]` prints the
manifest (DESIGN.md "Time"); `ack check MANIFEST [--audience ID]` exits 0
when an acknowledgement of that release still covers today's text, 1 when
it does not (listing the clauses), 2 when it cannot tell.
"""

from __future__ import annotations

import argparse
import sys

from clausebook import acknowledgements
from clausebook.commands._common import Subcommands
from clausebook.outputs.registry import ACK_CHECK, ACK_MANIFEST, add_format_option, formatter


def register(sub: Subcommands) -> None:
    parser = sub.add_parser("ack", help="acknowledgement manifests per release and handbook",
                            description="What employees acknowledge, per release and handbook, for an HR "
                                        "system or LMS to import, and whether an acknowledgement still holds.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", parser_class=type(parser))
    actions.required = True
    manifest = actions.add_parser("manifest", help="print the manifest of a release of one handbook")
    manifest.add_argument("--jurisdiction", "-j", required=True, help="jurisdiction id, or 'global'")
    manifest.add_argument("--lang", help="the handbook's language (default: the source language)")
    manifest.add_argument("--release", metavar="VERSION", help="the release (default: the latest)")
    add_format_option(manifest, ACK_MANIFEST)
    manifest.set_defaults(func=run_manifest)
    check = actions.add_parser("check", help="does an acknowledgement of a release still cover today's text?",
                               description="Exit 0 when only editorial changes (or none) reached the handbook "
                                           "since the manifest's release, 1 when a material one did.")
    check.add_argument("manifest", metavar="MANIFEST", help="a manifest file (from `ack manifest` or the site)")
    check.add_argument("--audience", metavar="ID", help="only the clauses this audience reads")
    add_format_option(check, ACK_CHECK)
    check.set_defaults(func=run_check)


def run_manifest(args: argparse.Namespace) -> int:
    data = acknowledgements.manifest(args.root, args.jurisdiction, args.release, args.lang)
    sys.stdout.write(formatter(ACK_MANIFEST, args.format)(data))
    return 0


def run_check(args: argparse.Namespace) -> int:
    verdict = acknowledgements.check(args.root, acknowledgements.read_manifest(args.manifest), args.audience)
    sys.stdout.write(formatter(ACK_CHECK, args.format)(verdict))
    return 0 if verdict.covered else 1
