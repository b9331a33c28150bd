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
    "T": "Translation",
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
    return ("SCLRTX".find(code[:1]), code)


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


# --- the README's generated blocks ---------------------------------------------------------------

README_BLOCK = re.compile(r"(<!-- generated: ([a-z-]+) -->\n)(.*?)(<!-- end -->)", re.S)


def structure_table() -> str:
    """The S codes as a Markdown table, for the README."""
    rows = ["| code | severity | problem |", "|---|---|---|"]
    rows += [f"| {c.code} | {c.severity} | {c.summary.replace('|', '&#124;')} |" for c in STRUCTURE_CODES.values()]
    return "\n".join(rows)


def config_example() -> str:
    """A `[tool.clausebook.lint]` table with every option at its default, for the README."""
    from clausebook.lint.config import declared_options

    lines = [
        ("[tool.clausebook.lint]", "in pyproject.toml"),
        ('select = ["C", "L", "R", "T", "X"]', 'families, codes, or a jurisdiction\'s legal rules ("L/us")'),
        ("ignore = []", "the same kinds of selector; the most specific one wins"),
    ]
    lines += [(f"{name} = {option.default:g}", f"{code}: {option.help}")
              for name, (code, option) in declared_options().items()]
    width = max(len(setting) for setting, _ in lines) + 2
    body = [f"{setting:<{width}}# {comment}" for setting, comment in lines]
    return "\n".join(["```toml", *body, "", "[tool.clausebook.lint.severity]", 'C003 = "info"', "```"])


README_GENERATORS = {"s-codes": structure_table, "lint-config": config_example}


def render_readme(text: str) -> str:
    """`text` (the README) with every `<!-- generated: NAME -->` … `<!-- end -->` block regenerated."""

    def block(match: re.Match[str]) -> str:
        generate = README_GENERATORS.get(match.group(2))
        if generate is None:
            raise KeyError(f"README block '{match.group(2)}' has no generator")
        return f"{match.group(1)}{generate()}\n{match.group(4)}"

    return README_BLOCK.sub(block, text)


def main(argv: list[str] | None = None) -> int:
    """`python -m clausebook.lint.registry --write-readme [README.md]`: regenerate the README's blocks."""
    import argparse
    from pathlib import Path

    parser = argparse.ArgumentParser(prog="python -m clausebook.lint.registry")
    parser.add_argument("--write-readme", metavar="README", nargs="?", const="README.md", required=True)
    path = Path(parser.parse_args(argv).write_readme)
    text = path.read_text(encoding="utf-8")
    updated = render_readme(text)
    if updated != text:
        path.write_text(updated, encoding="utf-8")
        print(f"{path}: generated blocks updated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
