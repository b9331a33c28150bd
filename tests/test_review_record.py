"""`review record`: one empty commit with trailers, and nothing else touched."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from .repos import GitRepo, clause

CONF = "policy/social-media/confidentiality.yaml"
MON = "policy/social-media/monitoring.yaml"
WHEN = "2025-09-01T10:00:00+00:00"


@pytest.fixture
def repo(git_repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    git_repo.commit("Base", base=True, date="2025-01-10T09:00:00+00:00")
    # The review commit's date, fixed so the tests can read it back.
    monkeypatch.setenv("GIT_AUTHOR_DATE", WHEN)
    monkeypatch.setenv("GIT_COMMITTER_DATE", WHEN)
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.delenv(name, raising=False)
    return git_repo


def snapshot(root: Path) -> dict[str, str]:
    """Every file of the work tree and the index, by content digest."""
    found = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and (not rel.startswith(".git/") or rel == ".git/index"):
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def head(repo: GitRepo) -> str:
    return repo.repo.git.rev_parse("HEAD")


def test_record_on_a_dirty_work_tree_commits_only_the_trailers(run, repo: GitRepo) -> None:
    root = repo.root
    before_head = head(repo)
    # A staged edit, an unstaged edit and an untracked file.
    (root / CONF).write_text(clause("confidentiality", body="Staged wording."))
    repo.repo.git.add(CONF)
    (root / CONF).write_text(clause("confidentiality", body="Unstaged wording on top."))
    (root / MON).write_text(clause("monitoring", section="privacy", level="info", owner="privacy",
                                   body="Unstaged monitoring edit.", tags=["monitoring"]))
    (root / "notes.txt").write_text("untracked\n")
    staged = repo.repo.git.diff("--cached")
    before = snapshot(root)

    result = run("--root", root, "review", "record", "confidentiality", "monitoring",
                 "--message", "Annual review by legal")
    assert result.code == 0, result
    assert "Recorded the review of 2 clauses by Test Editor <editor@example.com>" in result.out

    assert snapshot(root) == before  # work tree and index, byte for byte
    assert repo.repo.git.diff("--cached") == staged
    commit = repo.repo.head.commit
    assert commit.parents[0].hexsha == before_head
    assert commit.tree.hexsha == commit.parents[0].tree.hexsha  # an empty commit
    assert commit.message == ("Annual review by legal\n\n"
                              "Policy-Reviewed: confidentiality\nPolicy-Reviewed: monitoring\n")
    assert (commit.author.name, commit.author.email) == ("Test Editor", "editor@example.com")
    # git itself reads the trailers back.
    trailers = repo.repo.git.log("-1", "--format=%(trailers:key=Policy-Reviewed,valueonly)")
    assert trailers.split() == ["confidentiality", "monitoring"]
    rows = {r["clause"]: r for r in json.loads(run("--root", root, "review", "status", "--as-of", "2025-09-02",
                                                   "--format", "json").out)}
    assert rows["confidentiality"]["last_reviewed"] == "2025-09-01"
    assert rows["confidentiality"]["due"] == "2026-09-01"


def test_record_by_owner_and_default_message(run, repo: GitRepo) -> None:
    result = run("--root", repo.root, "review", "record", "--owner", "privacy")
    assert result.code == 0, result
    assert repo.repo.head.commit.message == "Review 1 clause owned by privacy\n\nPolicy-Reviewed: monitoring\n"
    result = run("--root", repo.root, "review", "record", "confidentiality")
    assert repo.repo.head.commit.message == "Review confidentiality\n\nPolicy-Reviewed: confidentiality\n"


def test_the_reviewer_identity_comes_from_git(run, repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Rita Reviewer")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "rita@example.com")
    assert run("--root", repo.root, "review", "record", "monitoring").code == 0
    author = repo.repo.head.commit.author
    assert (author.name, author.email) == ("Rita Reviewer", "rita@example.com")


def assert_nothing_changed(repo: GitRepo, before_head: str, before: dict[str, str]) -> None:
    assert head(repo) == before_head
    assert snapshot(repo.root) == before


def test_unknown_ids_exit_1_and_make_no_commit(run, repo: GitRepo) -> None:
    before_head, before = head(repo), snapshot(repo.root)
    result = run("--root", repo.root, "review", "record", "confidentiality", "confidentialty")
    assert result.code == 1
    assert "unknown clause 'confidentialty'" in result.err and "nothing was recorded" in result.err
    assert_nothing_changed(repo, before_head, before)
    result = run("--root", repo.root, "review", "record", "--owner", "marketing")
    assert result.code == 1 and "unknown owner 'marketing'" in result.err
    assert_nothing_changed(repo, before_head, before)


def test_missing_identity_is_exit_2(run, repo: GitRepo, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with repo.repo.config_writer() as config:
        config.remove_option("user", "name")
        config.remove_option("user", "email")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-global-config"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("EMAIL", raising=False)
    before_head, before = head(repo), snapshot(repo.root)
    result = run("--root", repo.root, "review", "record", "monitoring")
    assert result.code == 2 and "no git identity" in result.err and "user.name" in result.err
    assert_nothing_changed(repo, before_head, before)


def test_detached_head_is_exit_2(run, repo: GitRepo) -> None:
    repo.repo.git.checkout("--detach")
    before_head, before = head(repo), snapshot(repo.root)
    result = run("--root", repo.root, "review", "record", "monitoring")
    assert result.code == 2 and "detached" in result.err
    assert_nothing_changed(repo, before_head, before)


def test_merge_in_progress_is_exit_2(run, repo: GitRepo) -> None:
    git = repo.repo.git
    git.checkout("-b", "other")
    repo.commit("Other wording", {CONF: clause("confidentiality", body="Other wording.")},
                date="2025-02-01T09:00:00+00:00")
    git.checkout("main")
    repo.commit("Main wording", {CONF: clause("confidentiality", body="Main wording.")},
                date="2025-02-02T09:00:00+00:00")
    git.merge("other", with_exceptions=False)  # conflicts: the merge stays in progress
    assert (repo.root / ".git" / "MERGE_HEAD").exists()
    before_head, before = head(repo), snapshot(repo.root)
    result = run("--root", repo.root, "review", "record", "monitoring")
    assert result.code == 2 and "merge is in progress" in result.err
    assert_nothing_changed(repo, before_head, before)


def test_nothing_named_is_a_usage_error(run, repo: GitRepo) -> None:
    result = run("--root", repo.root, "review", "record")
    assert result.code == 2 and "name the clauses" in result.err


def test_not_a_git_repository(run, repo_dir: Path) -> None:
    result = run("--root", repo_dir, "review", "record", "monitoring")
    assert result.code == 2 and "not inside a git work tree" in result.err
