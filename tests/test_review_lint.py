"""Lint rule R001: overdue reviews, from the real git history (dates relative to today)."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from clausebook.lint.config import LintConfig
from clausebook.lint.engine import lint
from clausebook.workspace import open_worktree

from .repos import GitRepo

MON = "policy/social-media/monitoring.yaml"


def days_ago(days: int) -> str:
    when = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
    return when.replace(microsecond=0).isoformat()


def r001(root: Path, fail_on: frozenset[str] = frozenset()) -> dict[str, tuple[str, str, int]]:
    """clause path -> (severity, message, line) of each R001 problem."""
    found = lint(open_worktree(root), LintConfig(), fail_on=fail_on)
    return {p.path: (p.severity, p.message, p.line) for p in found if p.code == "R001"}


def test_overdue_clauses_are_warnings_and_errors_under_fail_on(git_repo: GitRepo, run) -> None:
    git_repo.commit("Base", base=True, date=days_ago(800))
    git_repo.commit("Review monitoring\n\nPolicy-Reviewed: monitoring\n", allow_empty=True, date=days_ago(20))
    found = r001(git_repo.root)
    assert set(found) == {"policy/social-media/confidentiality.yaml"}
    severity, message, line = found["policy/social-media/confidentiality.yaml"]
    assert severity == "warning" and line == 1  # at the clause's id
    assert "review of 'confidentiality' overdue since" in message and "every 12 months, owner legal" in message
    assert "clausebook review record confidentiality" in message
    assert {s for s, _, _ in r001(git_repo.root, frozenset({"overdue"})).values()} == {"error"}
    assert run("--root", git_repo.root, "lint", "--fail-on", "overdue").code == 1


def test_the_clause_review_months_is_pointed_at(git_repo: GitRepo) -> None:
    git_repo.commit("Base", base=True, date=days_ago(100))
    text = (git_repo.root / MON).read_text() + "review_months: 3\n"
    git_repo.commit("Quarterly", {MON: text.replace("reviews public posts", "reads public posts")},
                    date=days_ago(95))
    found = r001(git_repo.root)
    assert list(found) == [MON]
    assert found[MON][2] == text.splitlines().index("review_months: 3") + 1


def test_nothing_outside_git(repo_dir: Path) -> None:
    assert r001(repo_dir) == {}


def test_a_shallow_clone_says_it_cannot_tell(git_repo: GitRepo, tmp_path: Path) -> None:
    git_repo.commit("Base", base=True, date=days_ago(800))
    git_repo.commit("Docs", {"README.md": "Handbook\n"}, date=days_ago(10))
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{git_repo.root}", str(clone)], check=True)
    found = r001(clone)
    assert {s for s, _, _ in found.values()} == {"info"} and len(found) == 2
    assert all("shallow clone" in message for _, message, _ in found.values())
    assert {s for s, _, _ in r001(clone, frozenset({"overdue"})).values()} == {"error"}


def test_changed_since_leaves_review_state_alone(git_repo: GitRepo) -> None:
    git_repo.commit("Base", base=True, date=days_ago(800))
    git_repo.commit("Docs", {"README.md": "Handbook\n"}, date=days_ago(10))
    (git_repo.root / MON).write_text((git_repo.root / MON).read_text().replace("reviews", "reads"))
    found = lint(open_worktree(git_repo.root), LintConfig(), changed_since="HEAD")
    assert [p for p in found if p.code == "R001"] == []
