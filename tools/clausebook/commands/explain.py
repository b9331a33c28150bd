"""`clausebook explain CLAUSE --jurisdiction J`: the clause in J and how it got there."""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Iterable
from typing import Any

from clausebook.commands._common import Subcommands, refuse_on_errors
from clausebook.commands.resolve import open_checked
from clausebook.core.errors import UsageError
from clausebook.core.model import GLOBAL
from clausebook.core.resolve import Note


def register(sub: Subcommands) -> None:
    parser = sub.add_parser("explain", help="show a clause in a jurisdiction and how it got there",
                            description="Show the base text, each overlay applied (jurisdiction, action, "
                                        "reason, law) and the resulting clause.")
    parser.add_argument("clause", help="clause id")
    parser.add_argument("--jurisdiction", "-j", required=True, help="jurisdiction id, or 'global'")
    parser.set_defaults(func=run)


def _block(text: str, indent: str = "    ") -> str:
    return textwrap.indent(text.rstrip("\n"), indent) + "\n"


def _clause_text(fields: dict[str, Any], notes: Iterable[Note] = ()) -> str:
    out = f"{fields.get('title')}  [{fields.get('level')}, owner: {fields.get('owner')}]\n"
    for note in notes:
        if note.placement == "before":
            out += _block(f"[{note.jurisdiction}] {note.text}", "  ")
    out += _block(fields.get("body", ""), "  ")
    for note in notes:
        if note.placement == "after":
            out += _block(f"[{note.jurisdiction}] {note.text}", "  ")
    return out


def run(args: argparse.Namespace) -> int:
    workspace = open_checked(args.root, args.jurisdiction)
    if refused := refuse_on_errors(workspace.problems):
        return refused
    repo = workspace.repo
    handbook = workspace.handbooks[args.jurisdiction]
    base = repo.clause(args.clause)
    added_anywhere = any(o.clause == args.clause for j in repo.jurisdictions.values() for o in j.overlays)
    if base is None and not added_anywhere:
        raise UsageError(f"unknown clause '{args.clause}'")
    out = sys.stdout
    chain = " > ".join([GLOBAL, *handbook.chain])
    out.write(f"{args.clause} in {handbook.name} ({chain})\n\n")
    if base is not None:
        out.write(f"Base ({base.path}):\n")
        out.write(_block(_clause_text(base.data)))
    else:
        out.write("Base: none (the clause is added by a jurisdiction)\n")
    overlays = [(j, o) for j in handbook.chain for o in repo.jurisdictions[j].overlays if o.clause == args.clause]
    for jid, overlay in overlays:
        out.write(f"\n{overlay.action.capitalize()} by {jid} ({overlay.path}):\n")
        out.write(_block("Reason: " + overlay.data["reason"]))
        for ref in overlay.data.get("references", []):
            cite = f" ({ref['cite']})" if ref.get("cite") else ""
            out.write(f"    Law: {ref['title']}{cite}{' ' + ref['url'] if ref.get('url') else ''}\n")
        data = overlay.data
        for key, label in (("set", "Sets"), ("with", "With")):
            if key in data:
                out.write(f"    {label}: {', '.join(data[key])}\n")
        for key in ("prepend", "append"):
            if key in data:
                out.write(f"    {key.capitalize()}s:\n" + _block(data[key], "      "))
        if "examples" in data:
            count = sum(len(v) for v in data["examples"].values())
            out.write(f"    Adds {count} example{'s' if count != 1 else ''}\n")
    resolved = handbook.clauses.get(args.clause)
    out.write("\nResult:\n")
    if resolved is None:
        by = handbook.removed.get(args.clause)
        out.write(f"    Does not apply in {handbook.name}" + (f" (removed by {by[0]})" if by else "") + ".\n")
    else:
        out.write(_block(_clause_text(resolved.fields, resolved.notes)))
    return 0
