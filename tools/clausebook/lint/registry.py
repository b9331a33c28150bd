"""Which lint rules exist, and their documentation.

The rules are the modules listed in `lint/rules/__init__.py` (one line per
rule). Each module has `CODE`, `SEVERITY`, `SUMMARY`, a docstring with a
description and **Bad:** / **Good:** examples, and `check(ctx)`. The
structure codes (S) come from `checks.STRUCTURE_CODES`. `rule_docs()` is what
`clausebook rules` prints and what the handbook's rules page renders.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from types import ModuleType

from clausebook.core.checks import STRUCTURE_CODES

FAMILIES = {
    "S": "Structure and schema",
    "C": "Content and style",
    "L": "Legal",
    "R": "Review",
    "X": "Security",
}

# The code the legal rules that jurisdictions declare as data are reported under.
JURISDICTION_RULE = re.compile(r"^L/([a-z0-9-]+)/([a-z0-9-]+)$")


@dataclass(frozen=True)
class RuleDoc:
    code: str
    family: str  # the family letter; FAMILIES names it
    severity: str
    summary: str
    description: str  # Markdown
    bad: str
    good: str


def all_rules() -> list[ModuleType]:
    """The rule modules, in code order."""
    from clausebook.lint.rules import RULES

    return sorted(RULES, key=lambda module: _code_order(module.CODE))


def _code_order(code: str) -> tuple[int, str]:
    return ("SCLRX".find(code[:1]), code)


def get(code: str) -> ModuleType:
    """The rule module for `code`; a jurisdiction rule `L/<j>/<id>` maps to the module that runs them."""
    for module in all_rules():
        if module.CODE == code:
            return module
    if JURISDICTION_RULE.match(code):
        for module in all_rules():
            if module.CODE == "L":
                return module
    raise KeyError(code)


def known_selector(selector: str) -> bool:
    """Whether a config selector can match anything: a family, `L/<jurisdiction>[/<id>]`, or a code prefix."""
    if selector in FAMILIES or selector.startswith("L/"):
        return True
    codes = [module.CODE for module in all_rules()] + list(STRUCTURE_CODES)
    return any(code.startswith(selector) for code in codes)


_BLOCK = re.compile(r"```[^\n]*\n(.*?)\n```", re.S)


def parse_docstring(doc: str) -> tuple[str, str, str]:
    """(description, bad, good) from a rule module's docstring."""
    text = inspect.cleandoc(doc or "")
    description, _, rest = text.partition("**Bad:**")
    bad_text, _, good_text = rest.partition("**Good:**")

    def block(part: str) -> str:
        match = _BLOCK.search(part)
        return match.group(1).strip("\n") if match else part.strip()

    return description.strip(), block(bad_text), block(good_text)


def doc_for(module: ModuleType) -> RuleDoc:
    description, bad, good = parse_docstring(module.__doc__ or "")
    return RuleDoc(module.CODE, module.CODE[0], module.SEVERITY, module.SUMMARY, description, bad, good)


def rule_docs() -> list[RuleDoc]:
    """Every rule's documentation: the S codes, then each rule module, in code order."""
    docs = [RuleDoc(code.code, "S", code.severity, code.summary, code.summary, code.bad, code.good)
            for code in STRUCTURE_CODES.values()]
    docs.extend(doc_for(module) for module in all_rules())
    return sorted(docs, key=lambda d: _code_order(d.code))
