"""`review status` and `review report` on real git repositories built commit by commit at fixed dates."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
from pathlib import Path

import pytest

from clausebook.history.scan import scan
from clausebook.review import due_date, review_status, status_on
from clausebook.workspace import load_worktree

from .repos import GitRepo, clause

CONF = "policy/social-media/confidentiality.yaml"
MON = "policy/social-media/monitoring.yaml"
MONITORING_EDIT = clause("monitoring", section="privacy", level="info", owner="privacy",
                         body="Security reads public posts that name the company.", tags=["monitoring"])


def status(run, root: Path, *extra: str) -> dict[str, dict]:
    result = run("--root", root, "review", "status", "--format", "json", *extra)
    assert result.code == 0, result
    return {row["clause"]: row for row in json.loads(result.out)}


@pytest.fixture
def history_repo(git_repo: GitRepo) -> GitRepo:
    """confidentiality: created 2025-01-10, reformatted 2025-03-01, reviewed 2025-06-15.
    monitoring: created 2025-01-10, changed 2025-04-20 (after its review on 2025-02-01)."""
    git_repo.commit("Base", base=True, date="2025-01-10T09:00:00+00:00")
    git_repo.commit("Review\n\nPolicy-Reviewed: monitoring\n", allow_empty=True, date="2025-02-01T09:00:00+00:00")
    git_repo.commit("Reformat", {CONF: (git_repo.root / CONF).read_text().replace("id: confidentiality\n", "")
                                 + "id: confidentiality\n"}, date="2025-03-01T09:00:00+00:00")
    git_repo.commit("Monitoring wording", {MON: MONITORING_EDIT}, date="2025-04-20T09:00:00+00:00",
                    author="Ada Editor <ada@example.com>")
    git_repo.commit("Annual review\n\nPolicy-Reviewed: confidentiality\n", allow_empty=True,
                    date="2025-06-15T09:00:00+00:00", author="Rita Reviewer <rita@example.com>")
    return git_repo


def test_status_rows_follow_the_contract(run, history_repo: GitRepo) -> None:
    rows = status(run, history_repo.root, "--as-of", "2025-07-01")
    assert rows["confidentiality"] == {
        "clause": "confidentiality", "policy": "social-media", "owner": "legal", "review_months": 12,
        # the reformat on 2025-03-01 is no change
        "last_changed": "2025-01-10", "last_reviewed": "2025-06-15", "due": "2026-06-15", "status": "ok",
    }
    # A change newer than the last review counts as the last review.
    assert rows["monitoring"]["last_changed"] == "2025-04-20"
    assert rows["monitoring"]["last_reviewed"] == "2025-04-20"
    assert rows["monitoring"]["due"] == "2026-04-20"


def test_a_review_trailer_newer_than_the_last_change_sets_last_reviewed(run, history_repo: GitRepo) -> None:
    before = status(run, history_repo.root, "--as-of", "2025-06-14")
    assert before["confidentiality"]["last_reviewed"] == "2025-01-10"  # only the creation so far
    history_repo.commit("Review monitoring\n\nPolicy-Reviewed: monitoring\n", allow_empty=True,
                        date="2025-09-09T09:00:00+00:00")
    after = status(run, history_repo.root, "--as-of", "2025-10-01")
    assert after["confidentiality"]["last_reviewed"] == "2025-06-15"
    assert after["monitoring"]["last_reviewed"] == "2025-09-09"
    assert after["monitoring"]["last_changed"] == "2025-04-20"


def test_as_of_before_and_after_the_due_date(run, history_repo: GitRepo) -> None:
    # confidentiality is due 2026-06-15.
    assert status(run, history_repo.root, "--as-of", "2026-05-15")["confidentiality"]["status"] == "ok"
    assert status(run, history_repo.root, "--as-of", "2026-05-16")["confidentiality"]["status"] == "due-soon"
    assert status(run, history_repo.root, "--as-of", "2026-06-15")["confidentiality"]["status"] == "due-soon"
    assert status(run, history_repo.root, "--as-of", "2026-06-16")["confidentiality"]["status"] == "overdue"


def test_a_clause_created_after_as_of_is_left_out(run, history_repo: GitRepo) -> None:
    history_repo.commit("New clause", {"policy/social-media/training.yaml": clause("training")},
                        date="2025-08-01T09:00:00+00:00")
    assert "training" not in status(run, history_repo.root, "--as-of", "2025-07-31")
    assert status(run, history_repo.root, "--as-of", "2025-08-01")["training"]["last_changed"] == "2025-08-01"


def test_an_uncommitted_clause_has_unknown_status(run, history_repo: GitRepo) -> None:
    (history_repo.root / "policy/social-media/draft.yaml").write_text(clause("draft"))
    row = status(run, history_repo.root, "--as-of", "2025-07-01")["draft"]
    assert (row["status"], row["last_reviewed"], row["due"]) == ("unknown", None, None)


def test_text_table_is_sorted_most_urgent_first_with_a_summary(run, history_repo: GitRepo) -> None:
    result = run("--root", history_repo.root, "review", "status", "--as-of", "2026-04-25")
    assert result.code == 0, result
    lines = result.out.splitlines()
    assert lines[0].split()[:3] == ["STATUS", "DUE", "CLAUSE"]
    assert lines[1].split()[:3] == ["overdue", "2026-04-20", "monitoring"]
    assert lines[2].split()[:3] == ["ok", "2026-06-15", "confidentiality"]
    assert lines[1].index("monitoring") == lines[2].index("confidentiality")  # aligned columns
    assert lines[-1] == "2 clauses as of 2026-04-25: 1 overdue, 0 due soon, 1 ok"


def test_fail_on_overdue(run, history_repo: GitRepo) -> None:
    root = history_repo.root
    assert run("--root", root, "review", "status", "--as-of", "2026-01-01", "--fail-on", "overdue").code == 0
    assert run("--root", root, "review", "status", "--as-of", "2026-04-21", "--fail-on", "overdue").code == 1
    assert run("--root", root, "review", "status", "--as-of", "2026-04-21").code == 0


def test_owner_filter_and_csv(run, history_repo: GitRepo) -> None:
    result = run("--root", history_repo.root, "review", "status", "--as-of", "2025-07-01", "--owner", "privacy",
                 "--format", "csv")
    assert result.code == 0, result
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert list(rows[0]) == ["clause", "policy", "owner", "review_months", "last_changed", "last_reviewed",
                             "due", "status"]
    assert [(r["clause"], r["owner"], r["status"]) for r in rows] == [("monitoring", "privacy", "ok")]
    unknown = run("--root", history_repo.root, "review", "status", "--owner", "nobody")
    assert unknown.code == 2 and "unknown owner 'nobody'" in unknown.err


def test_invalid_as_of_is_a_usage_error(run, history_repo: GitRepo) -> None:
    result = run("--root", history_repo.root, "review", "status", "--as-of", "2026-02-30")
    assert result.code == 2 and "invalid date '2026-02-30'" in result.err and "Traceback" not in result.err


def test_review_months_from_the_clause_then_the_policy(run, history_repo: GitRepo) -> None:
    history_repo.commit("Quarterly monitoring", {MON: MONITORING_EDIT + "review_months: 3\n"},
                        date="2025-08-31T09:00:00+00:00")
    rows = status(run, history_repo.root, "--as-of", "2025-09-01")
    assert (rows["monitoring"]["review_months"], rows["monitoring"]["due"]) == (3, "2025-11-30")  # 31 Nov clamped
    assert (rows["confidentiality"]["review_months"], rows["confidentiality"]["due"]) == (12, "2026-06-15")


def test_due_dates_clamp_to_the_end_of_the_month() -> None:
    assert due_date(dt.date(2025, 1, 31), 1) == dt.date(2025, 2, 28)
    assert due_date(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert due_date(dt.date(2025, 8, 31), 6) == dt.date(2026, 2, 28)
    assert due_date(dt.date(2025, 3, 15), 12) == dt.date(2026, 3, 15)
    due = dt.date(2026, 3, 31)
    assert [status_on(due, dt.date(2026, 3, 1)), status_on(due, dt.date(2026, 3, 31)),
            status_on(due, dt.date(2026, 4, 1)), status_on(due, dt.date(2026, 2, 28))] == [
        "due-soon", "due-soon", "overdue", "ok"]


def test_review_status_api_gives_events(history_repo: GitRepo) -> None:
    repo = load_worktree(history_repo.root)
    items = review_status(repo, scan(history_repo.root, repo), dt.date(2025, 7, 1))
    by_id = {item.clause: item for item in items}
    conf = by_id["confidentiality"]
    assert conf.last_reviewed.author == "Rita Reviewer" and conf.last_reviewed.kind == "review"
    assert by_id["monitoring"].last_changed.author == "Ada Editor"


def test_an_added_clause_is_tracked_through_its_overlay(run, history_repo: GitRepo) -> None:
    history_repo.commit("German works council clause", {"jurisdictions/de/overlays/works-council.yaml": (
        "clause: works-council\naction: add\nreason: BetrVG section 87.\n"
        "with:\n  title: Works council\n  section: privacy\n  level: must\n  owner: privacy\n"
        "  review_months: 6\n  body: The works council agrees to monitoring tools.\n")},
        date="2025-05-05T09:00:00+00:00")
    row = status(run, history_repo.root, "--as-of", "2025-07-01")["works-council"]
    assert (row["policy"], row["owner"], row["review_months"], row["last_changed"], row["due"]) == (
        "social-media", "privacy", 6, "2025-05-05", "2025-11-05")


def test_report_lists_every_change_and_review(run, history_repo: GitRepo) -> None:
    result = run("--root", history_repo.root, "review", "report", "--format", "json")
    assert result.code == 0, result
    records = json.loads(result.out)
    assert set(records[0]) == {"clause", "event", "commit", "date", "author", "jurisdictions",
                                "message", "reviewer", "owner"}
    monitoring = [(r["event"], r["date"], r["author"], r["jurisdictions"]) for r in records
                  if r["clause"] == "monitoring"]
    everywhere = ["global", "eu", "de"]  # a review covers the clause wherever it applies
    assert monitoring == [
        ("change", "2025-04-20", "Ada Editor <ada@example.com>", ["global"]),
        ("review", "2025-02-01", "Test Editor <editor@example.com>", everywhere),
        ("change", "2025-01-10", "Test Editor <editor@example.com>", ["global"]),
    ]
    conf = [r["event"] for r in records if r["clause"] == "confidentiality"]
    assert conf == ["review", "change"]  # the reformat is not there
    head = history_repo.repo.head.commit.hexsha
    assert any(r["commit"] == head for r in records)
    as_csv = run("--root", history_repo.root, "review", "report")
    rows = list(csv.DictReader(io.StringIO(as_csv.out)))
    assert len(rows) == len(records) and rows[0]["commit"] == records[0]["commit"]


def test_report_has_one_row_per_commit_with_its_message_reviewer_and_owner(run, history_repo: GitRepo) -> None:
    history_repo.commit("Monitoring in Europe", {
        MON: MONITORING_EDIT.replace("Security reads", "The security team reads"),
        "jurisdictions/eu/overlays/monitoring.yaml": "clause: monitoring\naction: amend\nreason: GDPR.\n"
                                                     "append: In the EU, the DPO is told.\n",
        "jurisdictions/de/overlays/monitoring.yaml": "clause: monitoring\naction: amend\nreason: BetrVG.\n"
                                                     "append: In Germany, the works council agrees first.\n",
    }, date="2025-08-01T09:00:00+00:00")
    history_repo.commit("Annual privacy review with DPO\n\nPolicy-Reviewed: monitoring\n", allow_empty=True,
                        date="2025-09-01T09:00:00+00:00", author="Dana Protection <dpo@example.com>")
    result = run("--root", history_repo.root, "review", "report", "--format", "json", "--since", "2025-08-01")
    assert result.code == 0, result
    assert json.loads(result.out) == [
        {"clause": "monitoring", "event": "review", "commit": history_repo.repo.head.commit.hexsha,
         "date": "2025-09-01", "author": "Dana Protection <dpo@example.com>", "jurisdictions": ["global", "eu", "de"],
         "message": "Annual privacy review with DPO", "reviewer": "Dana Protection <dpo@example.com>",
         "owner": "privacy"},
        {"clause": "monitoring", "event": "change", "commit": history_repo.repo.head.commit.parents[0].hexsha,
         "date": "2025-08-01", "author": "Test Editor <editor@example.com>", "jurisdictions": ["global", "eu", "de"],
         "message": "Monitoring in Europe", "reviewer": "", "owner": "privacy"},
    ]
    until = json.loads(run("--root", history_repo.root, "review", "report", "--format", "json",
                           "--since", "2025-02-01", "--until", "2025-02-01").out)
    assert [(r["clause"], r["event"], r["date"]) for r in until] == [("monitoring", "review", "2025-02-01")]
    backwards = run("--root", history_repo.root, "review", "report", "--since", "2025-03-01", "--until", "2025-02-01")
    assert backwards.code == 2 and "is after --until" in backwards.err
    as_csv = list(csv.DictReader(io.StringIO(run("--root", history_repo.root, "review", "report",
                                                 "--since", "2025-08-01").out)))
    assert as_csv[0]["jurisdictions"] == "global;eu;de" and as_csv[0]["message"] == "Annual privacy review with DPO"


def test_not_a_git_repository_is_exit_2(run, repo_dir: Path) -> None:
    result = run("--root", repo_dir, "review", "status")
    assert result.code == 2 and "not inside a git work tree" in result.err


def test_a_shallow_clone_is_reported_not_miscounted(run, history_repo: GitRepo, tmp_path: Path) -> None:
    history_repo.commit("Monitoring again", {MON: MONITORING_EDIT.replace("Security", "The security team")},
                        date="2025-08-01T09:00:00+00:00")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{history_repo.root}", str(clone)], check=True)
    result = run("--root", clone, "review", "status", "--as-of", "2025-09-01", "--format", "json")
    assert result.code == 0, result
    assert "shallow clone" in result.err and "git fetch --unshallow" in result.err
    rows = {r["clause"]: r for r in json.loads(result.out)}
    # Visible: the review on 2025-06-15 and the change on 2025-08-01 (both inside the clone's depth).
    assert rows["monitoring"]["last_changed"] == "2025-08-01"
    assert rows["monitoring"]["status"] == "ok"
    # confidentiality's review (2025-06-15) is the boundary commit itself: its trailer is still real.
    assert rows["confidentiality"]["last_reviewed"] == "2025-06-15"
    assert rows["confidentiality"]["last_changed"] is None  # older than the clone can see

    depth_one = tmp_path / "depth-one"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{history_repo.root}", str(depth_one)], check=True)
    rows = {r["clause"]: r for r in json.loads(
        run("--root", depth_one, "review", "status", "--as-of", "2025-09-01", "--format", "json").out)}
    # The only commit "adds" every file: no date for anything, never the clone's date.
    assert rows["confidentiality"] == {**rows["confidentiality"], "status": "unknown", "last_changed": None,
                                       "last_reviewed": None, "due": None}
    assert rows["monitoring"]["status"] == "unknown"
    failing = run("--root", depth_one, "review", "status", "--fail-on", "overdue")
    assert failing.code == 2 and "cannot decide" in failing.err
    report = run("--root", depth_one, "review", "report")
    assert report.code == 2 and "shallow clone" in report.err and report.out == ""


def test_uncommitted_clauses_do_not_block_fail_on(run, history_repo: GitRepo) -> None:
    (history_repo.root / "policy/social-media/draft.yaml").write_text(clause("draft"))
    result = run("--root", history_repo.root, "review", "status", "--as-of", "2025-07-01", "--fail-on", "overdue")
    assert result.code == 0 and "not committed yet, so no dates: draft" in result.err
