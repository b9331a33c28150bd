"""`clausebook rules [CODE]`: list the lint rules, or explain one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from clausebook.commands._common import Subcommands
from clausebook.core.errors import UsageError
from clausebook.lint.registry import JURISDICTION_RULE, rule_docs
from clausebook.outputs.registry import LEGAL_RULE, RULE, RULES, add_format_option, formatter
from clausebook.outputs.rules import DeclaredRule, RuleListing


def register(sub: Subcommands) -> None:
    parser = sub.add_parser("rules", help="list the lint rules, or explain one",
                            description="List every lint rule with its code, default severity and summary; "
                                        "with a CODE, explain that rule with a bad and a good example. "
                                        "L/<jurisdiction>/<id> explains a jurisdiction's legal rule.")
    parser.add_argument("code", nargs="?", metavar="CODE", help="a rule code, e.g. C003 or L/us/no-media-ban")
    add_format_option(parser, RULES)
    parser.set_defaults(func=run)


def _jurisdiction_rule(root: str, code: str) -> dict[str, Any]:
    from clausebook.workspace import open_worktree

    jurisdiction_id, rule_id = JURISDICTION_RULE.match(code).groups()  # type: ignore[union-attr]
    repo = open_worktree(root).repo
    jurisdiction = repo.jurisdictions.get(jurisdiction_id)
    if jurisdiction is None:
        raise UsageError(f"unknown jurisdiction '{jurisdiction_id}' in '{code}'")
    for rule in jurisdiction.rules:
        if rule.get("id") == rule_id:
            return {"code": code, "jurisdiction": jurisdiction_id, **rule,
                    "severity": rule.get("severity", "error"), "path": jurisdiction.path}
    known = ", ".join(f"L/{jurisdiction_id}/{r.get('id')}" for r in jurisdiction.rules) or "none"
    raise UsageError(f"'{jurisdiction_id}' has no rule '{rule_id}'; its rules: {known}")


def _declared_rules(root: str) -> list[DeclaredRule]:
    """Every jurisdiction rule at `root`; none when it is not a repository."""
    from clausebook.workspace import open_worktree

    if not (Path(root) / "policy").is_dir():
        return []
    repo = open_worktree(root).repo
    return [DeclaredRule(f"L/{j.id}/{rule.get('id')}", rule.get("severity", "error"), rule.get("message", ""))
            for j in (repo.jurisdictions[i] for i in repo.jurisdiction_ids() if i in repo.jurisdictions)
            for rule in j.rules]


def run(args: argparse.Namespace) -> int:
    docs = rule_docs()
    if args.code is None:
        # Only the text list shows the repository's own rules: the JSON list is
        # the built-in rules, the same everywhere, and needs no repository read.
        declared = _declared_rules(args.root) if args.format == "text" else []
        sys.stdout.write(formatter(RULES, args.format)(RuleListing(docs, declared)))
        return 0
    code = args.code.strip()
    if JURISDICTION_RULE.match(code):
        sys.stdout.write(formatter(LEGAL_RULE, args.format)(_jurisdiction_rule(args.root, code)))
        return 0
    for doc in docs:
        if doc.code.upper() == code.upper():
            sys.stdout.write(formatter(RULE, args.format)(doc))
            return 0
    raise UsageError(f"unknown rule '{code}'; `clausebook rules` lists them")
