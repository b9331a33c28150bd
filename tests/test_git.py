"""clausebook.git on real temporary git repositories with fixed dates: one test group per git operation."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from clausebook import git as gitcmd
from clausebook.core.errors import UsageError

DATE = "2025-03-04T05:06:07+00:00"


def sh(root: Path, *args: str, date: str = DATE, input: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
           "GIT_AUTHOR_NAME": "Test Editor", "GIT_AUTHOR_EMAIL": "editor@example.com",
           "GIT_COMMITTER_NAME": "Test Editor", "GIT_COMMITTER_EMAIL": "editor@example.com"}
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True,
                          env=env, input=input).stdout.strip()


def commit(root: Path, message: str, files: dict[str, str] | None = None, date: str = DATE) -> str:
    for rel, text in (files or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    sh(root, "add", "-A")
    sh(root, "commit", "-q", "--allow-empty", "--no-verify", "-m", message, date=date)
    return sh(root, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    sh(root, "init", "-q", "--initial-branch=main")
    sh(root, "config", "commit.gpgsign", "false")
    sh(root, "config", "user.name", "Test Editor")
    sh(root, "config", "user.email", "editor@example.com")
    return root


# --- locate, is_shallow, shallow_boundary ------------------------------------------


def test_locate_a_sub_folder(repo: Path) -> None:
    head = commit(repo, "First", {"sub/dir/policy/a.yaml": "id: a\n"})
    where = gitcmd.locate(repo / "sub" / "dir")
    assert where.toplevel == repo.resolve()
    assert where.git_dir == (repo / ".git").resolve()
    assert where.prefix == "sub/dir/" and where.head == head and not where.shallow


def test_locate_before_the_first_commit(repo: Path) -> None:
    where = gitcmd.locate(repo)
    assert where.head is None and where.prefix == ""


def test_outside_git_is_one_error_with_one_wording(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    with pytest.raises(gitcmd.NotAGitRepository) as caught:
        gitcmd.locate(plain)
    message = str(caught.value)
    assert message.startswith("plain: not inside a git work tree")
    assert "not inside a git repository" in message
    assert isinstance(caught.value, UsageError)
    with pytest.raises(gitcmd.NotAGitRepository, match="not a directory"):
        gitcmd.locate(tmp_path / "missing")


def test_inside_the_git_dir_is_not_a_work_tree(repo: Path) -> None:
    with pytest.raises(gitcmd.NotAGitRepository, match="not inside a git work tree"):
        gitcmd.locate(repo / ".git")


def test_git_missing_from_path_is_a_usage_error(repo: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(gitcmd.GitNotInstalled, match="git is not installed"):
        gitcmd.locate(repo)
    with pytest.raises(UsageError, match="git is not installed"):
        list(gitcmd.read_blobs(repo, ["a" * 40]))


def test_shallow_clone_and_its_boundary(repo: Path, tmp_path: Path) -> None:
    commit(repo, "First", {"a.txt": "1\n"}, date="2025-01-01T00:00:00+00:00")
    second = commit(repo, "Second", {"a.txt": "2\n"}, date="2025-01-02T00:00:00+00:00")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True)
    where = gitcmd.locate(clone)
    assert where.shallow and gitcmd.is_shallow(clone)
    assert gitcmd.shallow_boundary(where) == {second}
    full = gitcmd.locate(repo)
    assert not gitcmd.is_shallow(repo) and gitcmd.shallow_boundary(full) == set()


# --- revisions ---------------------------------------------------------------------


def test_resolve_commit(repo: Path) -> None:
    first = commit(repo, "First", {"a.txt": "1\n"})
    second = commit(repo, "Second", {"a.txt": "2\n"})
    sh(repo, "tag", "v1", first)
    assert gitcmd.resolve_commit(repo, "main") == second
    assert gitcmd.resolve_commit(repo, "HEAD~1") == first
    assert gitcmd.resolve_commit(repo, "v1") == first
    assert gitcmd.resolve_commit(repo, second[:10]) == second
    for unknown in ("no-such-branch", "", "--all", "-h", "HEAD~9"):
        assert gitcmd.resolve_commit(repo, unknown) is None, unknown


def test_tree_of_and_commit_date(repo: Path) -> None:
    head = commit(repo, "First", {"a.txt": "1\n"}, date="2024-12-31T23:30:00-02:00")
    assert gitcmd.tree_of(repo, head) == sh(repo, "rev-parse", "HEAD^{tree}")
    assert gitcmd.commit_date(repo, head) == dt.date(2025, 1, 1)  # in UTC


def test_merge_base(repo: Path) -> None:
    base = commit(repo, "Base", {"a.txt": "1\n"})
    sh(repo, "switch", "-q", "-c", "topic")
    topic = commit(repo, "Topic", {"b.txt": "b\n"})
    sh(repo, "switch", "-q", "main")
    main = commit(repo, "Main", {"c.txt": "c\n"})
    assert gitcmd.merge_base(repo, topic, main) == base
    sh(repo, "switch", "-q", "--orphan", "unrelated")
    unrelated = commit(repo, "Unrelated", {"d.txt": "d\n"})
    assert gitcmd.merge_base(repo, unrelated, main) is None
    assert gitcmd.merge_base(repo, "no-such-ref", main) is None


def test_symbolic_ref_and_config(repo: Path) -> None:
    head = commit(repo, "First")
    assert gitcmd.symbolic_ref(repo) == "refs/heads/main"
    sh(repo, "switch", "-q", "--detach", head)
    assert gitcmd.symbolic_ref(repo) is None
    assert gitcmd.config_get(repo, "user.name") == "Test Editor"
    assert gitcmd.config_get(repo, "no.such-key") == ""


# --- trees and blobs ----------------------------------------------------------------


def test_ls_tree_lists_files_with_sizes_under_the_paths(repo: Path) -> None:
    head = commit(repo, "Files", {"policy/a b.yaml": "id: a\n", "policy/ünï.yaml": "id: u\n",
                                  "jurisdictions/eu/jurisdiction.yaml": "id: eu\n", "README.md": "hello\n"})
    os.symlink("a b.yaml", repo / "policy" / "link.yaml")
    head = commit(repo, "Link")
    entries = {e.path: e for e in gitcmd.ls_tree(repo, head, ["policy", "jurisdictions"])}
    assert set(entries) == {"policy/a b.yaml", "policy/ünï.yaml", "policy/link.yaml",
                            "jurisdictions/eu/jurisdiction.yaml"}
    assert entries["policy/a b.yaml"].size == 6 and entries["policy/a b.yaml"].kind == "blob"
    assert entries["policy/link.yaml"].mode == "120000"
    assert entries["policy/a b.yaml"].sha == sh(repo, "rev-parse", "HEAD:policy/a b.yaml")


def test_read_blobs_in_order_with_missing_ones_as_none(repo: Path) -> None:
    commit(repo, "Files", {"a.txt": "alpha\n", "b.txt": "", "c.bin": "x\0y"})
    shas = [sh(repo, "rev-parse", f"HEAD:{name}") for name in ("a.txt", "b.txt", "c.bin")]
    missing = "1" * 40
    tree = sh(repo, "rev-parse", "HEAD^{tree}")
    answers = list(gitcmd.read_blobs(repo, [shas[0], missing, shas[1], tree, gitcmd.NULL_SHA, shas[2]]))
    assert answers == [(shas[0], b"alpha\n"), (missing, None), (shas[1], b""), (tree, None),
                       (shas[2], b"x\0y")]
    assert list(gitcmd.read_blobs(repo, [])) == []


def test_read_blobs_streams_thousands_through_one_process(repo: Path) -> None:
    # More than a pipe buffer of requests and answers: the writer thread keeps both sides moving.
    texts = [f"id: clause-{i}\nbody: {'word ' * 40}\n" for i in range(3000)]
    shas = sh(repo, "hash-object", "-w", "--stdin-paths",
              input="".join(f"{p}\n" for p in _files(repo, texts))).split()
    answers = dict(gitcmd.read_blobs(repo, shas))
    assert [answers[sha] for sha in shas] == [t.encode() for t in texts]


def _files(repo: Path, texts: list[str]) -> list[str]:
    folder = repo.parent / "blobs"
    folder.mkdir()
    paths = []
    for i, text in enumerate(texts):
        path = folder / f"{i}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_a_reader_that_stops_early_leaves_no_process_waiting(repo: Path) -> None:
    texts = [f"{i}: {'x' * 200}\n" for i in range(2000)]
    shas = sh(repo, "hash-object", "-w", "--stdin-paths",
              input="".join(f"{p}\n" for p in _files(repo, texts))).split()
    answers = gitcmd.read_blobs(repo, shas)
    assert next(answers)[1] == texts[0].encode()
    answers.close()  # returns: the git process is gone and the writer thread finished


# --- history ---------------------------------------------------------------------------


def test_log_raw_is_newest_first_with_raw_records(repo: Path) -> None:
    first = commit(repo, "First", {"a.txt": "1\n"}, date="2025-01-01T00:00:00+00:00")
    second = commit(repo, "Second", {"a.txt": "2\n"}, date="2025-01-02T00:00:00+00:00")
    out = gitcmd.log_raw(repo, "%x1e%H%x1f%s")
    assert out.index(second) < out.index(first)
    assert ":100644 100644 " in out and "\0a.txt\0" in out and "\x1e" + first + "\x1fFirst" in out


# --- writing ---------------------------------------------------------------------------


def test_commit_tree_and_update_ref_never_overwrite_a_moved_branch(repo: Path) -> None:
    head = commit(repo, "First", {"a.txt": "1\n"})
    env = {"GIT_AUTHOR_NAME": "Reviewer", "GIT_AUTHOR_EMAIL": "r@example.com",
           "GIT_COMMITTER_NAME": "Reviewer", "GIT_COMMITTER_EMAIL": "r@example.com",
           "GIT_AUTHOR_DATE": DATE, "GIT_COMMITTER_DATE": DATE}
    new = gitcmd.commit_tree(repo, gitcmd.tree_of(repo, head), [head], "Review\n\nPolicy-Reviewed: a\n", env)
    assert sh(repo, "log", "-1", "--format=%an|%P|%s", new) == f"Reviewer|{head}|Review"
    assert gitcmd.update_ref(repo, "refs/heads/main", new, head, "review") is True
    assert sh(repo, "rev-parse", "main") == new
    assert gitcmd.update_ref(repo, "refs/heads/main", head, "2" * 40, "stale") is False
    assert sh(repo, "rev-parse", "main") == new


def test_tag(repo: Path) -> None:
    head = commit(repo, "First")
    gitcmd.tag(repo, "v1", head)
    gitcmd.tag(repo, "v2", head, "Release 2\n")
    assert gitcmd.resolve_commit(repo, "v1") == head and gitcmd.resolve_commit(repo, "v2") == head
    assert sh(repo, "cat-file", "-t", "v2") == "tag"
    with pytest.raises(UsageError, match="git tag failed: tag 'v1' already exists"):
        gitcmd.tag(repo, "v1", head)


def test_a_failing_command_quotes_git(repo: Path) -> None:
    with pytest.raises(UsageError, match=r"^git show failed: .*no-such-revision"):
        gitcmd.commit_date(repo, "no-such-revision")

