"""`clausebook explain CLAUSE --jurisdiction J`: the clause in J and how it got there."""

from __future__ import annotations

import argparse
import sys

from clausebook.commands._common import Subcommands, refuse_on_errors
from clausebook.commands.resolve import add_at_option, open_checked
from clausebook.core.checks import did_you_mean
from clausebook.core.errors import UsageError
from clausebook.outputs.explain import Explanation
from clausebook.outputs.registry import EXPLANATION, formatter


def register(sub: Subcommands) -> None:
    parser = sub.add_parser("explain", help="show a clause in a jurisdiction and how it got there",
                            description="Show the base text, each overlay applied (jurisdiction, action, "
                                        "reason, law) and the resulting clause.")
    parser.add_argument("clause", help="clause id")
    parser.add_argument("--jurisdiction", "-j", required=True, help="jurisdiction id, or 'global'")
    add_at_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    workspace = open_checked(args.root, args.jurisdiction, args.at)
    if refused := refuse_on_errors(workspace.problems):
        return refused
    repo = workspace.repo
    handbook = workspace.handbooks[args.jurisdiction]
    base = repo.clause(args.clause)
    added_anywhere = any(o.clause == args.clause for j in repo.jurisdictions.values() for o in j.overlays)
    if base is None and not added_anywhere:
        known = set(repo.clauses()) | {o.clause for j in repo.jurisdictions.values() for o in j.overlays}
        hint = did_you_mean(args.clause, known)
        raise UsageError(f"unknown clause '{args.clause}'" + (f"; did you mean '{hint}'?" if hint else ""))
    overlays = [(j, o) for j in handbook.chain for o in repo.jurisdictions[j].overlays if o.clause == args.clause]
    sys.stdout.write(formatter(EXPLANATION, "text")(Explanation(args.clause, handbook, base, overlays)))
    return 0
