"""The shipped content pack under lint: clean as shipped, and the legal rules catch an overbroad clause."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clausebook.lint.config import LintConfig, load_config
from clausebook.lint.engine import LintContext, lint
from clausebook.lint.rules import l_jurisdiction_rules
from clausebook.workspace import open_worktree

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ("policy", "jurisdictions", "schema")

needs_content = pytest.mark.skipif(not (PROJECT_ROOT / "jurisdictions" / "us" / "jurisdiction.yaml").is_file(),
                                   reason="the content pack is not in this checkout")

OVERBROAD = """\
# yaml-language-server: $schema=../../schema/clause.schema.json
id: company-criticism
title: Criticism of the company
section: posting
level: must
owner: communications
body: |
  Think before you post about work.
  Employees must not post negative comments about the company.
examples:
  do:
    - Raise a complaint with your manager.
  dont:
    - Complain in public.
"""
OVERBROAD_LINE, OVERBROAD_COLUMN = 9, 13  # "must not post negative" on the body's second line


def copy_content(target: Path) -> Path:
    for folder in SHIPPED:
        shutil.copytree(PROJECT_ROOT / folder, target / folder)
    shutil.copy(PROJECT_ROOT / "pyproject.toml", target / "pyproject.toml")
    return target


def legal_problems(workspace, jurisdiction: str):
    """The jurisdiction rules' findings in one handbook alone."""
    ctx = LintContext(workspace, {jurisdiction: workspace.handbooks[jurisdiction]}, LintConfig(), frozenset(), None)
    return list(l_jurisdiction_rules.check(ctx.for_rule(l_jurisdiction_rules)))


@needs_content
def test_shipped_content_lints_without_errors():
    workspace = open_worktree(PROJECT_ROOT)
    problems = lint(workspace, load_config(PROJECT_ROOT))
    errors = [str(p) for p in problems if p.severity == "error"]
    assert errors == []


@needs_content
def test_shipped_silences_all_have_a_reason():
    workspace = open_worktree(PROJECT_ROOT)
    for handbook in workspace.handbooks.values():
        for clause in handbook.clauses.values():
            for entry in clause.get("lint_ignore") or []:
                assert str(entry.get("reason", "")).strip(), f"{clause.id}: silence of {entry.get('rule')}"


@needs_content
def test_overbroad_clause_is_flagged_in_us_but_not_in_global(tmp_path):
    root = copy_content(tmp_path / "repo")
    path = "policy/social-media/company-criticism.yaml"
    (root / path).write_text(OVERBROAD, encoding="utf-8")
    workspace = open_worktree(root)

    in_us = [p for p in legal_problems(workspace, "us") if p.path == path]
    assert [(p.code, p.path, p.line, p.column) for p in in_us] == [
        ("L/us/no-disparagement-ban", path, OVERBROAD_LINE, OVERBROAD_COLUMN)]
    assert "NLRA" in in_us[0].message
    assert [p for p in legal_problems(workspace, "global") if p.path == path] == []
    assert [p for p in legal_problems(workspace, "eu") if p.path == path] == []
    # found in us, us-ca and us-ny alike, reported once by the full lint, as an error
    problems = [p for p in lint(workspace, load_config(root)) if p.path == path and not p.code.startswith("T")]
    assert [(p.code, p.line, p.column, p.severity) for p in problems] == [
        ("L/us/no-disparagement-ban", OVERBROAD_LINE, OVERBROAD_COLUMN, "error")]


@needs_content
def test_overbroad_overlay_text_is_reported_at_the_overlay(tmp_path):
    root = copy_content(tmp_path / "repo")
    path = "jurisdictions/us-ny/overlays/respectful-conduct.yaml"
    (root / path).write_text(
        "clause: respectful-conduct\naction: amend\nreason: Local practice.\nappend: |\n"
        "  Staff must not post negative comments about the company.\n", encoding="utf-8")
    workspace = open_worktree(root)
    assert [(p.code, p.path, p.line, p.column) for p in legal_problems(workspace, "us-ny")
            if p.path == path] == [("L/us/no-disparagement-ban", path, 5, 9)]
    assert [p for p in legal_problems(workspace, "us") if p.path == path] == []
