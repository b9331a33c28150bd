"""`clausebook build --jobs N --out site`: the handbooks in N groups, one MkDocs build each, as one site."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from clausebook.commands._common import Subcommands, refuse_on_errors
from clausebook.core.errors import UsageError
from clausebook.cores import available_cores
from clausebook.site.parallel import Built, build_all
from clausebook.workspace import open_worktree


def register(sub: Subcommands) -> None:
    parser = sub.add_parser(
        "build", help="build every handbook in parallel (one mkdocs build per job) into one site",
        description="Split the handbooks into --jobs groups of about the same size, run one MkDocs build "
                    "per group in parallel, and assemble the results into one site folder (the site "
                    "`mkdocs build` writes), which replaces the old one only when every build succeeded.")
    parser.add_argument("--out", default="site", metavar="DIR", help="the site folder (default: site)")
    parser.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                        help=f"builds in parallel (default: every core, here {available_cores()})")
    parser.add_argument("--config-file", "-f", default=None, metavar="FILE",
                        help="the mkdocs.yml (default: the one in --root)")
    parser.add_argument("--handbooks", default=None, metavar="IDS",
                        help="only these handbooks, comma-separated (default: all)")
    parser.add_argument("--strict", action="store_true", help="pass --strict to every mkdocs build")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    workspace = open_worktree(args.root)
    if refused := refuse_on_errors(workspace.problems, "the handbook is not built until they are fixed"):
        return refused
    known = list(workspace.handbooks)
    chosen = [h.strip() for h in args.handbooks.split(",") if h.strip()] if args.handbooks else known
    if unknown := [h for h in chosen if h not in known]:
        raise UsageError(f"unknown handbook {', '.join(unknown)}; known: {', '.join(known)}")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    config = Path(args.config_file) if args.config_file else workspace.root / "mkdocs.yml"
    if not config.is_file():
        raise UsageError(f"{config}: no such file")
    started = time.monotonic()

    def progress(built: Built) -> None:
        state = "built" if built.code == 0 else f"failed (exit {built.code})"
        for handbook in built.handbooks:
            print(f"clausebook: {handbook} {state}", file=sys.stderr)

    # A handbook's share of the work: its pages, about one per clause. The shared pages
    # (the matrix, the changes index) list every clause of every handbook.
    weights = {h: 1.0 + len(workspace.handbooks[h].clauses) for h in chosen}
    build_all(config, Path(args.out), chosen, args.jobs, args.strict, progress, weights,
              shared_weight=sum(weights.values()) / max(1, len(weights)), workspace=workspace)
    print(f"clausebook: {len(chosen)} handbooks built into {args.out} in {time.monotonic() - started:.1f} s",
          file=sys.stderr)
    return 0
