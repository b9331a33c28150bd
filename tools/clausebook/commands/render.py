"""`clausebook render --out DIR`: the handbook pages as Markdown, for any Material-compatible generator."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from clausebook.commands._common import Subcommands, refuse_on_errors
from clausebook.site.export import export
from clausebook.workspace import open_worktree


def register(sub: Subcommands) -> None:
    parser = sub.add_parser(
        "render", help="write the handbook pages as Markdown with a mkdocs.yml",
        description="Write the handbook pages (the ones the MkDocs plugin serves) as Markdown files, "
                    "with the hand-written docs pages, the stylesheet and a mkdocs.yml that lists the "
                    "navigation and runs no clausebook plugin, so `zensical build -f DIR/mkdocs.yml` "
                    "or `mkdocs build -f DIR/mkdocs.yml` can build the site.")
    parser.add_argument("--out", required=True, metavar="DIR",
                        help="the folder to write (new, empty, or an earlier render, which is replaced)")
    parser.add_argument("--no-history", action="store_true",
                        help="do not read git history (no dates, changes or review status)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    workspace = open_worktree(args.root)
    if refused := refuse_on_errors(workspace.problems, "the handbook is not rendered until they are fixed"):
        return refused
    written = export(workspace, Path(args.out), with_history=not args.no_history)
    pages = sum(1 for p in written if p.suffix == ".md")
    print(f"clausebook: wrote {pages} pages and mkdocs.yml to {args.out}", file=sys.stderr)
    return 0
