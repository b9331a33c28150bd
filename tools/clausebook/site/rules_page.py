"""The /rules/ page: every lint rule by family with bad and good examples, then each jurisdiction's own rules.

The text comes from the rule modules' docstrings (through the lint
registry), the same text `clausebook rules` prints and SARIF carries.
"""

from __future__ import annotations

from clausebook.site import safe
from clausebook.site.blocks import page_opening, page_text
from clausebook.site.context import SiteContext
from clausebook.site.page import Page

PATH = "rules.md"
TITLE = "Lint rules"


def rules_page(ctx: SiteContext) -> Page:
    from clausebook.lint.registry import FAMILIES

    out = page_opening(TITLE, "Every change to the policy is checked by `clausebook lint`. Each rule has a stable "
                       "code; configure severities under `[tool.clausebook]` in `pyproject.toml`, and silence a "
                       "rule for one clause with `lint_ignore` and a reason.")
    by_family: dict[str, list] = {}
    for doc in ctx.facts.rules:
        by_family.setdefault(doc.family, []).append(doc)
    for family, title in FAMILIES.items():
        docs = by_family.get(family, [])
        if not docs and family != "L":
            continue
        out += [f"## {family}: {safe.plain(title)}", ""]
        for doc in docs:
            anchor = doc.code.lower().replace("/", "-")
            out += [f"### {safe.plain(doc.code)}: {safe.plain(doc.summary)} {{#{anchor}}}", "",
                    f"Severity: **{safe.plain(doc.severity)}**", ""]
            if doc.description and doc.description != doc.summary:
                out += [safe.markdown(doc.description), ""]
            out += ['=== "Bad"', "", safe.indent(safe.code_block(doc.bad, "yaml")), "",
                    '=== "Good"', "", safe.indent(safe.code_block(doc.good, "yaml")), ""]
        if family == "L":
            out += jurisdiction_rules(ctx)
    return Page(PATH, TITLE, page_text(out))


def jurisdiction_rules(ctx: SiteContext) -> list[str]:
    """The `rules:` each jurisdiction declares, under the L family."""
    out = []
    for jurisdiction in ctx.picker_order:
        rules = [r for r in ctx.repo.jurisdictions[jurisdiction].rules if isinstance(r, dict) and "id" in r]
        if not rules:
            continue
        name = safe.plain(ctx.name(jurisdiction))
        out += [f"### Rules of {name}", "", f"These apply to the {name} version and every version within it.", ""]
        for rule in sorted(rules, key=lambda r: str(r["id"])):
            code = f"L/{jurisdiction}/{rule['id']}"
            out.append(f"- {safe.code_inline(code)}: {safe.plain(rule.get('message', ''))} "
                       f"*{safe.plain(rule.get('reference', ''))}*")
            if rule.get("forbid"):
                out.append(f"    - No clause text may match {safe.code_inline(rule['forbid'])}.")
            if rule.get("require"):
                tags = ", ".join(safe.plain(t) for t in rule.get("tags") or [])
                out.append(f"    - Every clause tagged {tags} must match {safe.code_inline(rule['require'])}.")
        out.append("")
    return out
