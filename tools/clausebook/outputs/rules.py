"""What `clausebook rules` prints: the list of lint rules, one rule explained, or a jurisdiction's legal rule.

Three kinds of data, each as text or JSON:

* a `RuleListing`: every built-in rule by family, then the legal rules the
  repository's jurisdictions declare (text only: the JSON list is the
  built-in rules, the same in every repository);
* a `RuleDoc`: one rule with its bad and good examples;
* a legal rule: the jurisdiction's declaration (a mapping, as in
  `jurisdiction.yaml`, with its `code`, `jurisdiction`, `severity` and `path`).
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from typing import Any, NamedTuple

from clausebook.lint.registry import FAMILIES, RuleDoc


class DeclaredRule(NamedTuple):
    code: str  # L/<jurisdiction>/<id>
    severity: str
    message: str


class RuleListing(NamedTuple):
    docs: Sequence[RuleDoc]
    declared: Sequence[DeclaredRule]


def _as_dict(doc: RuleDoc) -> dict[str, Any]:
    return {"code": doc.code, "family": doc.family, "severity": doc.severity, "summary": doc.summary,
            "description": doc.description, "bad": doc.bad, "good": doc.good}


def _json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def format_listing_text(listing: RuleListing) -> str:
    out = []
    width = max(len(d.code) for d in listing.docs)
    for family, name in FAMILIES.items():
        members = [d for d in listing.docs if d.family == family]
        if not members:
            continue
        out.append(f"{name} ({family})\n")
        out.extend(f"  {doc.code:<{width}}  {doc.severity:<7}  {doc.summary}\n" for doc in members)
    if listing.declared:
        out.append("\nLegal rules declared by this repository's jurisdictions\n")
        width = max(len(rule.code) for rule in listing.declared)
        out.extend(f"  {rule.code:<{width}}  {rule.severity:<7}  {rule.message}\n" for rule in listing.declared)
    out.append("\n`clausebook rules CODE` explains one rule.\n")
    return "".join(out)


def format_listing_json(listing: RuleListing) -> str:
    return _json([_as_dict(d) for d in listing.docs])


def _indent(text: str) -> str:
    return textwrap.indent(text, "    ")


def format_rule_text(doc: RuleDoc) -> str:
    return (f"{doc.code} ({FAMILIES.get(doc.family, doc.family)}, default severity {doc.severity})\n\n"
            f"{doc.summary}\n\n{doc.description}\n\nBad:\n\n{_indent(doc.bad)}\n\nGood:\n\n{_indent(doc.good)}\n")


def format_rule_json(doc: RuleDoc) -> str:
    return _json(_as_dict(doc))


def format_legal_rule_text(rule: dict[str, Any]) -> str:
    kind = f"forbids /{rule['forbid']}/" if "forbid" in rule else (
        f"requires /{rule.get('require')}/ in clauses tagged {', '.join(rule.get('tags', []))}")
    return (f"{rule['code']} (legal rule of '{rule['jurisdiction']}', {rule['path']}; severity {rule['severity']})\n\n"
            f"{rule.get('message', '')}\n\nReference: {rule.get('reference', '')}\nIt {kind}, in "
            f"'{rule['jurisdiction']}' and every jurisdiction below it.\n")


def format_legal_rule_json(rule: dict[str, Any]) -> str:
    return _json(rule)
