"""`clausebook rules [CODE]`: list the lint rules, or explain one."""

from __future__ import annotations

import json
import sys
import textwrap

from clausebook.core.errors import UsageError
from clausebook.lint.registry import FAMILIES, JURISDICTION_RULE, RuleDoc, rule_docs


def register(sub) -> None:
    parser = sub.add_parser("rules", help="list the lint rules, or explain one",
                            description="List every lint rule with its code, default severity and summary; "
                                        "with a CODE, explain that rule with a bad and a good example. "
                                        "L/<jurisdiction>/<id> explains a jurisdiction's legal rule.")
    parser.add_argument("code", nargs="?", metavar="CODE", help="a rule code, e.g. C003 or L/us/no-media-ban")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(func=run)


def _as_dict(doc: RuleDoc) -> dict:
    return {"code": doc.code, "family": doc.family, "severity": doc.severity, "summary": doc.summary,
            "description": doc.description, "bad": doc.bad, "good": doc.good}


def _indent(text: str) -> str:
    return textwrap.indent(text, "    ")


def explain(doc: RuleDoc) -> str:
    return (f"{doc.code} ({FAMILIES.get(doc.family, doc.family)}, default severity {doc.severity})\n\n"
            f"{doc.summary}\n\n{doc.description}\n\nBad:\n\n{_indent(doc.bad)}\n\nGood:\n\n{_indent(doc.good)}\n")


def _jurisdiction_rule(root: str, code: str) -> dict:
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


def _declared_rules(root: str) -> list[tuple[str, str, str]]:
    """(code, severity, message) of every jurisdiction rule at `root`; none when it is not a repository."""
    from pathlib import Path

    from clausebook.workspace import open_worktree

    if not (Path(root) / "policy").is_dir():
        return []
    repo = open_worktree(root).repo
    return [(f"L/{j.id}/{rule.get('id')}", rule.get("severity", "error"), rule.get("message", ""))
            for j in (repo.jurisdictions[i] for i in repo.jurisdiction_ids() if i in repo.jurisdictions)
            for rule in j.rules]


def run(args) -> int:
    docs = rule_docs()
    if args.code is None:
        if args.format == "json":
            sys.stdout.write(json.dumps([_as_dict(d) for d in docs], indent=2, ensure_ascii=False) + "\n")
            return 0
        width = max(len(d.code) for d in docs)
        for family, name in FAMILIES.items():
            members = [d for d in docs if d.family == family]
            if not members:
                continue
            print(f"{name} ({family})")
            for doc in members:
                print(f"  {doc.code:<{width}}  {doc.severity:<7}  {doc.summary}")
        declared = _declared_rules(args.root)
        if declared:
            print("\nLegal rules declared by this repository's jurisdictions")
            width = max(len(code) for code, _, _ in declared)
            for code, severity, message in declared:
                print(f"  {code:<{width}}  {severity:<7}  {message}")
        print("\n`clausebook rules CODE` explains one rule.")
        return 0
    code = args.code.strip()
    if JURISDICTION_RULE.match(code):
        rule = _jurisdiction_rule(args.root, code)
        if args.format == "json":
            sys.stdout.write(json.dumps(rule, indent=2, ensure_ascii=False) + "\n")
            return 0
        kind = f"forbids /{rule['forbid']}/" if "forbid" in rule else (
            f"requires /{rule.get('require')}/ in clauses tagged {', '.join(rule.get('tags', []))}")
        print(f"{code} (legal rule of '{rule['jurisdiction']}', {rule['path']}; severity {rule['severity']})\n")
        print(f"{rule.get('message', '')}\n\nReference: {rule.get('reference', '')}\nIt {kind}, in "
              f"'{rule['jurisdiction']}' and every jurisdiction below it.")
        return 0
    for doc in docs:
        if doc.code.upper() == code.upper():
            if args.format == "json":
                sys.stdout.write(json.dumps(_as_dict(doc), indent=2, ensure_ascii=False) + "\n")
            else:
                sys.stdout.write(explain(doc))
            return 0
    raise UsageError(f"unknown rule '{code}'; `clausebook rules` lists them")
