"""`clausebook ci --base REF`: the pull-request check on real git repositories."""

from __future__ import annotations

import json
from pathlib import Path

import git
import pytest

from .repos import GitRepo, clause

CONFIDENTIALITY = "policy/social-media/confidentiality.yaml"


@pytest.fixture(autouse=True)
def outside_github(monkeypatch):
    """Each test decides whether it runs "under GitHub Actions", even when the suite itself does."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


@pytest.fixture
def pull_request(git_repo: GitRepo, run) -> GitRepo:
    """main with the base policy and its CODEOWNERS; a `feature` branch checked out, one commit ahead."""
    git_repo.commit("Base policy", base=True, date="2025-01-06T09:00:00+00:00")
    assert run("--root", git_repo.root, "codeowners").code == 0
    git_repo.commit("CODEOWNERS", date="2025-01-06T10:00:00+00:00")
    git_repo.repo.git.checkout("-b", "feature")
    git_repo.commit("Weaken confidentiality", {
        CONFIDENTIALITY: clause("confidentiality", level="should",
                                body="You should keep client information confidential.",
                                examples={"do": ["Talk about public releases."],
                                          "dont": ["Post a client's roadmap."]}),
    }, date="2025-02-03T09:00:00+00:00")
    return git_repo


def test_writes_the_summary_to_github_step_summary(run, pull_request, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("Earlier step's summary.\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run("--root", pull_request.root, "ci", "--base", "main")
    assert result.code == 0, result
    text = summary.read_text()
    assert text.startswith("Earlier step's summary.\n")  # appended, as GitHub expects
    assert "## clausebook: passed" in text
    assert "| Confidentiality (`confidentiality`) | Social media policy | modified: level, text | **material** |" in text
    assert "You <del>must</del> <ins>should</ins> keep" in text
    assert "`.github/CODEOWNERS` is up to date." in text
    assert "## clausebook" not in result.out  # the summary went to the file, not to standard output


def test_without_github_the_summary_goes_to_standard_output(run, pull_request):
    result = run("--root", pull_request.root, "ci", "--base", "main")
    assert result.code == 0
    assert "## clausebook: passed" in result.out
    assert "### Policy changes" in result.out


def test_errors_print_as_annotations_with_file_and_line_and_fail(run, pull_request, tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    pull_request.commit("A clause with an unknown owner", {
        "policy/social-media/hashtags.yaml": clause("hashtags", owner="marketing", body="You must tag posts."),
    }, date="2025-02-04T09:00:00+00:00")
    result = run("--root", pull_request.root, "ci", "--base", "main")
    assert result.code == 1
    annotations = [line for line in result.out.splitlines() if line.startswith("::error ")]
    assert any(line.startswith("::error file=policy/social-media/hashtags.yaml,line=5,col=8,title=S013::")
               for line in annotations), result.out
    summary = (tmp_path / "summary.md").read_text()
    assert "## clausebook: failed" in summary
    assert "`policy/social-media/hashtags.yaml:5:8`" in summary
    assert "### Code owners\n\nNot checked" in summary  # never "up to date" when it was not looked at


def test_out_of_date_codeowners_fails_the_check(run, pull_request):
    pull_request.commit("Hand the clause to privacy", {
        CONFIDENTIALITY: clause("confidentiality", owner="privacy"),
    }, date="2025-02-04T09:00:00+00:00")
    result = run("--root", pull_request.root, "ci", "--base", "main")
    assert result.code == 1
    assert ".github/CODEOWNERS is out of date" in result.out
    assert "+/policy/social-media/confidentiality.yaml @example/privacy" in result.out


def test_only_the_branch_changes_are_shown_when_main_moved_on(run, pull_request):
    repo = pull_request.repo
    repo.git.checkout("main")
    pull_request.commit("Meanwhile on main", {
        "policy/social-media/monitoring.yaml": clause(
            "monitoring", section="privacy", level="info", owner="privacy",
            body="The security team reads public posts that mention the company.", tags=["monitoring"]),
    }, date="2025-02-05T09:00:00+00:00")
    repo.git.checkout("feature")
    result = run("--root", pull_request.root, "ci", "--base", "main")
    assert "`confidentiality`" in result.out
    assert "`monitoring`" not in result.out  # merged into main after the branch started: not this change


def test_codequality_report_for_gitlab(run, pull_request, tmp_path):
    pull_request.commit("A clause with an unknown owner", {
        "policy/social-media/hashtags.yaml": clause("hashtags", owner="marketing", body="You must tag posts."),
    }, date="2025-02-04T09:00:00+00:00")
    report = tmp_path / "gl-code-quality-report.json"
    run("--root", pull_request.root, "ci", "--base", "main", "--codequality", report)
    entries = json.loads(report.read_text())
    entry = next(e for e in entries if e["check_name"] == "S013")
    assert entry["location"] == {"path": "policy/social-media/hashtags.yaml", "lines": {"begin": 5}}
    assert entry["severity"] == "major" and len(entry["fingerprint"]) == 64


def test_shallow_clone_without_the_base_says_to_fetch_the_full_history(run, pull_request, tmp_path):
    clone = tmp_path / "clone"
    git.Repo.clone_from(pull_request.root.as_uri(), clone, depth=1, branch="feature",
                        single_branch=True).close()
    result = run("--root", clone, "ci", "--base", "origin/main")
    assert result.code == 2
    assert "shallow" in result.err and "fetch-depth: 0" in result.err
    assert "Traceback" not in result.err


def test_unknown_base_in_a_full_clone_exits_2(run, pull_request):
    result = run("--root", pull_request.root, "ci", "--base", "origin/nowhere")
    assert result.code == 2
    assert "unknown git revision 'origin/nowhere'" in result.err


def test_not_a_git_repository_exits_2(run, repo_dir: Path):
    result = run("--root", repo_dir, "ci", "--base", "main")
    assert result.code == 2
    assert "not inside a git repository" in result.err
