"""`review remind`: the per-team reminder issue, built offline at fixed dates on a real repository."""

from __future__ import annotations

import json

import cmarkgfm
import pytest

from .repos import GitRepo


@pytest.fixture
def reviewed(git_repo: GitRepo) -> GitRepo:
    """confidentiality (legal, 12 months): created 2025-01-10. monitoring (privacy): reviewed 2025-03-01."""
    git_repo.commit("Base", base=True, date="2025-01-10T09:00:00+00:00")
    git_repo.commit("Privacy review\n\nPolicy-Reviewed: monitoring\n", allow_empty=True,
                    date="2025-03-01T09:00:00+00:00")
    return git_repo


def remind(run, repo: GitRepo, *extra: str) -> dict[str, dict]:
    result = run("--root", repo.root, "review", "remind", "--format", "json", *extra)
    assert result.code == 0, result
    return {item["team"]: item for item in json.loads(result.out)}


def test_one_reminder_per_team_with_overdue_and_due_soon_clauses(run, reviewed):
    found = remind(run, reviewed, "--as-of", "2026-02-15", "--site-url", "https://handbook.example.com/")
    assert list(found) == ["legal", "communications", "privacy"]  # every team, in owners.yaml's order
    legal = found["legal"]
    assert (legal["count"], legal["overdue"], legal["clauses"]) == (1, 1, ["confidentiality"])
    assert legal["title"] == "Policy review due: Legal (1 clause)"
    assert legal["marker"] == "<!-- clausebook:review-reminder team=legal -->" and legal["label"] == "policy-review"
    body = legal["body"]
    assert body.startswith(legal["marker"])
    assert "As of 2026-02-15, 1 clause owned by Legal (@example/legal) needs a review: 1 overdue, 0 due" in body
    assert ("| **overdue** | 2026-01-10 | [Confidentiality](https://handbook.example.com/global/social-media/"
            "#confidentiality) (`confidentiality`) | Social media policy | 2025-01-10 |") in body
    assert "clausebook review record confidentiality" in body
    privacy = found["privacy"]  # due 2026-03-01: within 30 days of 2026-02-15
    assert (privacy["count"], privacy["overdue"], privacy["clauses"]) == (1, 0, ["monitoring"])
    assert "| due soon | 2026-03-01 |" in privacy["body"]
    # Nothing due: an empty body, so that the workflow closes the team's issue.
    assert (found["communications"]["count"], found["communications"]["body"]) == (0, "")


def test_the_body_renders_as_a_table_with_links(run, reviewed):
    body = remind(run, reviewed, "--as-of", "2026-02-15", "--site-url", "https://handbook.example.com")["legal"]["body"]
    html = cmarkgfm.github_flavored_markdown_to_html(body)
    assert '<a href="https://handbook.example.com/global/social-media/#confidentiality">Confidentiality</a>' in html
    assert "<table>" in html and "<strong>overdue</strong>" in html


def test_after_a_review_nothing_is_due(run, reviewed):
    reviewed.commit("Legal review\n\nPolicy-Reviewed: confidentiality\n", allow_empty=True,
                    date="2026-02-20T09:00:00+00:00")
    found = remind(run, reviewed, "--as-of", "2026-02-21", "--owner", "legal")
    assert list(found) == ["legal"] and found["legal"]["count"] == 0


def test_markdown_shows_each_issue_and_an_unknown_team_gets_a_hint(run, reviewed):
    out = run("--root", reviewed.root, "review", "remind", "--as-of", "2026-02-15", "--format", "markdown").out
    assert "# Policy review due: Legal (1 clause)" in out
    assert "Nothing is due: the team's reminder issue is closed." in out
    result = run("--root", reviewed.root, "review", "remind", "--owner", "comms")
    assert result.code == 2 and "did you mean 'communications'?" in result.err


def test_status_markdown_counts_per_team(run, reviewed):
    out = run("--root", reviewed.root, "review", "status", "--as-of", "2026-02-15", "--format", "markdown").out
    assert "2 clauses as of 2026-02-15: 1 overdue, 1 due soon, 0 ok." in out
    assert "| `legal` | 1 | 0 | 0 | 0 | 1 |" in out and "| `privacy` | 0 | 1 | 0 | 0 | 1 |" in out
    assert "| overdue | 2026-01-10 | `confidentiality` | `legal` | 2025-01-10 |" in out


def test_a_mistyped_clause_on_the_command_line_gets_a_hint(run, reviewed):
    result = run("--root", reviewed.root, "explain", "monitorin", "--jurisdiction", "de")
    assert result.code == 2 and "unknown clause 'monitorin'; did you mean 'monitoring'?" in result.err
    record = run("--root", reviewed.root, "review", "record", "monitring")
    assert "did you mean 'monitoring'?" in record.err
