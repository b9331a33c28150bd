"""What the per-rule tests share: a clause file written around a body, and lint on a small repository."""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

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


# --- the Bad/Good examples of a rule's docstring, as files -----------------------------------------

EXAMPLE_CLAUSE = "policy/social-media/example.yaml"
_FENCED_YAML = re.compile(r"```yaml\n(.*?)\n```", re.S)
_PATH_COMMENT = re.compile(r"^# ([\w./-]+\.yaml)\s*$")


def example_block(doc: str, heading: str) -> str | None:
    """The ```yaml block under `**Bad:**` or `**Good:**` of a rule docstring; None when it has none."""
    text = inspect.cleandoc(doc)
    after = text.partition(f"**{heading}:**")[2]
    section = after.partition("**Good:**")[0] if heading == "Bad" else after
    match = _FENCED_YAML.search(section)
    return match.group(1) if match else None


def example_files(block: str) -> dict[str, str]:
    """The files an example stands for (the convention is in `clausebook.lint.rules`)."""
    files: dict[str, str] = {}
    for document in re.split(r"^---\s*$", block, flags=re.M):
        lines = document.strip("\n").split("\n")
        match = _PATH_COMMENT.match(lines[0])
        path = match.group(1) if match else EXAMPLE_CLAUSE
        text = "\n".join(lines[1:] if match else lines) + "\n"
        is_clause = path.startswith("policy/") and "/i18n/" not in path
        files[path] = _complete_clause(path, text) if is_clause else text
    return files


def _complete_clause(path: str, text: str) -> str:
    """A clause snippet with the fields every clause needs added, unless it sets them."""
    data = yaml.safe_load(text) or {}
    clause_id = Path(path).stem
    needed = {"id": clause_id, "title": clause_id.replace("-", " ").capitalize(), "section": "scope",
              "level": "info", "owner": "legal", "body": "Teams post news every week."}
    missing = "".join(f"{key}: {value}\n" for key, value in needed.items() if key not in data)
    return missing + text


def rule_cases(flagged: list, not_flagged: list) -> tuple[Any, Any]:
    """The two tests every rule module runs: each FLAGGED case is reported at its place, no NOT_FLAGGED one is.

    A module says `test_flags, test_passes = rule_cases(FLAGGED, NOT_FLAGGED)`.
    """

    @pytest.mark.parametrize("code, files, expected", flagged)
    def test_flags(tmp_path: Path, code: str, files: dict, expected: tuple) -> None:
        problems = found(run_lint(tmp_path / "repo", files), code)
        assert problems, f"{code} found nothing"
        assert problems[0] == (code, *expected)

    @pytest.mark.parametrize("code, files", not_flagged)
    def test_passes(tmp_path: Path, code: str, files: dict) -> None:
        problems = run_lint(tmp_path / "repo", files)
        assert found(problems, code) == []

    return test_flags, test_passes
