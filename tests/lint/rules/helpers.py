"""What the per-rule tests share: a clause file written around a body, and lint on a small repository."""

from __future__ import annotations

from pathlib import Path

from clausebook.core.problems import Problem
from clausebook.lint.config import LintConfig
from clausebook.lint.engine import lint
from clausebook.workspace import open_worktree

from ...repos import write_repo

EXAMPLES = """\
examples:
  do:
    - Share the public release notes.
  dont:
    - Post the internal roadmap.
"""


def clause_yaml(clause_id: str, body: str, level: str = "must", section: str = "scope", owner: str = "legal",
                tail: str = EXAMPLES) -> str:
    """A clause whose body is a literal block starting on line 7, column 3."""
    indented = "\n".join("  " + line if line else "" for line in body.split("\n"))
    return (f"id: {clause_id}\ntitle: {clause_id.replace('-', ' ').capitalize()}\nsection: {section}\n"
            f"level: {level}\nowner: {owner}\nbody: |\n{indented}\n{tail}")


def run_lint(root: Path, files: dict, config: LintConfig | None = None) -> list[Problem]:
    write_repo(root, files)
    return lint(open_worktree(root), config or LintConfig())


def found(problems: list[Problem], code: str) -> list[tuple[str, str, int, int]]:
    return [(p.code, p.path, p.line, p.column) for p in problems if p.code == code]


CLAUSE = "policy/social-media/posting.yaml"
