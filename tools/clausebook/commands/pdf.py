"""`clausebook pdf --jurisdiction J --out FILE`: a handbook as a PDF for auditors and counsel.

`--out-dir DIR` writes every handbook (or the one `--jurisdiction` names) to
`DIR/<jurisdiction>/handbook.pdf`, which is where the published site links
them from. Each file is written whole or not at all; a repository with
errors writes nothing (exit 1).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from clausebook.commands._common import Subcommands, refuse_on_errors
from clausebook.core.errors import UsageError
from clausebook.core.model import GLOBAL
from clausebook.files import write_atomically
from clausebook.site.context import GLOBAL_TITLE, SiteContext
from clausebook.site.edition import edition, open_edition
from clausebook.site.export import read_config
from clausebook.site.facts import gather
from clausebook.site.languages import View
from clausebook.site.options import RenderOptions
from clausebook.site.pdf import DOCUMENT_TITLE, handbook_html, render_pdf

SITE_FILE = "handbook.pdf"


def register(sub: Subcommands) -> None:
    parser = sub.add_parser(
        "pdf", help="write a handbook as a PDF",
        description="Write a jurisdiction's handbook as a PDF: a cover with the version, commit, date and "
                    "handbook digest, contents, one bookmark per clause, jurisdiction notes with their reason "
                    "and law, and the edition in every page's footer. Paper: Letter in North America, else A4.")
    parser.add_argument("--jurisdiction", "-j", help="jurisdiction id, or 'global' for the base "
                        "(required with --out; with --out-dir, default: every handbook)")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", metavar="FILE", help="the PDF file to write")
    target.add_argument("--out-dir", metavar="DIR",
                        help=f"write DIR/<jurisdiction>/{SITE_FILE} (the built site's folder, e.g. site)")
    parser.add_argument("--at", metavar="DATE|REV",
                        help="print the text of a revision, or of the last commit on or before a date "
                             "(YYYY-MM-DD); default: the working tree")
    parser.add_argument("--lang", metavar="L",
                        help="the language to print: the handbook's locale or its language (default: its "
                             "locale), or the source language for the approved text")
    parser.add_argument("--releases", action="store_true",
                        help=f"with --out-dir: also every release, as DIR/versions/<tag>/<jurisdiction>/{SITE_FILE} "
                             "(linked from the site's /versions/ page)")
    parser.add_argument("--no-history", action="store_true", help="leave out review dates (no git history read)")
    parser.set_defaults(func=run)


def _settings(root: Path) -> tuple[str, list[Any] | None]:
    config = read_config(root / "mkdocs.yml") or {}
    name = config.get("site_name")
    extensions = config.get("markdown_extensions")
    return (name if isinstance(name, str) and name.strip() else DOCUMENT_TITLE,
            extensions if isinstance(extensions, list) else None)


def _view(published: list[View], lang: str | None, jurisdiction: str) -> View:
    """The view `--lang` names: a locale exactly (`fr-CA`), or a language (`fr`); default, the first."""
    if lang is None:
        return published[0]
    wanted = lang.casefold()
    for view in published:
        if view.lang.casefold() == wanted:
            return view
    for view in published:
        if view.lang.casefold().split("-")[0] == wanted.split("-")[0]:
            return view
    offered = ", ".join(v.lang for v in published)
    raise UsageError(f"--lang {lang}: the {jurisdiction} handbook is published in {offered}")


def run(args: argparse.Namespace) -> int:
    if args.out and not args.jurisdiction:
        raise UsageError("--out writes one handbook: name it with --jurisdiction J")
    if args.releases and not args.out_dir:
        raise UsageError("--releases writes into the site's folder: give --out-dir DIR")
    code = _print(args, args.at, Path(args.out_dir) if args.out_dir else None)
    if code or not args.releases:
        return code
    from clausebook.release import releases

    for release in releases(Path(args.root).resolve()):
        code = _print(args, release.tag, Path(args.out_dir) / "versions" / release.tag, make_folders=True) or code
    return code


def _print(args: argparse.Namespace, at: str | None, out_dir: Path | None, make_folders: bool = False) -> int:
    """Print the handbooks `args` asks for, from the text `at` names, into `--out` or `out_dir`."""
    started = time.perf_counter()
    printing = open_edition(args.root, at)
    workspace = printing.workspace
    known = [j for j in workspace.repo.jurisdiction_ids() if j in workspace.handbooks]
    if args.jurisdiction and args.jurisdiction not in workspace.handbooks:
        raise UsageError(f"unknown jurisdiction '{args.jurisdiction}'; known: {', '.join(known)}")
    if refused := refuse_on_errors(workspace.problems, "no PDF is written until they are fixed"):
        return refused
    if args.out:
        targets = {args.jurisdiction: Path(args.out)}
    else:
        chosen = [args.jurisdiction] if args.jurisdiction else known
        assert out_dir is not None
        targets = {j: out_dir / j / SITE_FILE for j in chosen}
    for path in targets.values():
        if make_folders:  # a release's folder under versions/: the site has none of its own
            path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            raise UsageError(f"{path}: is a folder; give the PDF file's name")
        if args.out_dir and not path.parent.is_dir():
            raise UsageError(f"{path.parent}: no such folder (build the site first, e.g. `make handbook`)")
    # Review dates come from the history of HEAD: they describe the work tree, not another revision.
    facts = gather(workspace, with_history=not (args.no_history or printing.from_revision))
    site_name, extensions = _settings(workspace.root)
    ctx = SiteContext(workspace, facts, RenderOptions())  # one for every handbook printed
    # Every language is checked before the first file is written.
    chosen_views = {j: _view(ctx.views(j), args.lang, j) for j in targets}
    for jurisdiction, path in targets.items():
        name = GLOBAL_TITLE if jurisdiction == GLOBAL else str(workspace.repo.jurisdictions[jurisdiction].name)
        printed = edition(printing, jurisdiction, name)
        view = chosen_views[jurisdiction]
        document = handbook_html(workspace, facts, printed, extensions, site_name, view=view, context=ctx)
        write_atomically(path, render_pdf(document))
        print(f"clausebook: wrote {path} ({printed.name}, {printed.version}, {printed.paper}, "
              f"{printed.clauses} clauses)", file=sys.stderr)
    if len(targets) > 1:
        print(f"clausebook: {len(targets)} PDFs in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0
