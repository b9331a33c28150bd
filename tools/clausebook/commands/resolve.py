"""`clausebook resolve --jurisdiction J`: print J's merged policies with provenance."""

from __future__ import annotations

import json
import sys

import yaml

from clausebook.core.errors import UsageError
from clausebook.core.problems import format_text, has_errors
from clausebook.workspace import Workspace, open_worktree


def register(sub) -> None:
    parser = sub.add_parser("resolve", help="print a jurisdiction's merged policies",
                            description="Apply the overlays of a jurisdiction and its ancestors to the base policy.")
    parser.add_argument("--jurisdiction", "-j", required=True, help="jurisdiction id, or 'global' for the base")
    parser.add_argument("--format", choices=("yaml", "json"), default="yaml")
    parser.set_defaults(func=run)


def open_checked(root: str, jurisdiction: str) -> Workspace:
    """The workspace, refusing to go on when the repository has errors or J is unknown."""
    workspace = open_worktree(root)
    if jurisdiction not in workspace.handbooks:
        known = ", ".join(workspace.repo.jurisdiction_ids())
        raise UsageError(f"unknown jurisdiction '{jurisdiction}'; known: {known}")
    if has_errors(workspace.problems):
        sys.stdout.write(format_text([p for p in workspace.problems if p.severity == "error"]))
        print("clausebook: the repository has errors (above); fix them first (`clausebook validate`)", file=sys.stderr)
    return workspace


def run(args) -> int:
    workspace = open_checked(args.root, args.jurisdiction)
    if has_errors(workspace.problems):
        return 1
    data = workspace.handbooks[args.jurisdiction].to_dict()
    if args.format == "json":
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100))
    return 0
