"""The text in force on a date: `--at DATE|REV` on resolve, explain and diff, effective dates honoured."""

from __future__ import annotations

import json

import pytest

from clausebook.timeline import text_in_force

from .repos import GitRepo, clause

CONFIDENTIALITY = "policy/social-media/confidentiality.yaml"
OLD = "You must keep client information confidential."
NEW = "You must keep client and partner information confidential."
NEWER = "You must keep client, partner and supplier information confidential."
DE_MONITORING = "jurisdictions/de/overlays/monitoring.yaml"


def confidentiality(body: str, **extra: object) -> str:
    return clause("confidentiality", body=body,
                  examples={"do": ["Talk about public releases."], "dont": ["Post a client's roadmap."]}, **extra)


@pytest.fixture
def dated(git_repo: GitRepo) -> GitRepo:
    """Jan: base; Mar: a change in force at once; Apr: a change effective from 1 May."""
    git_repo.commit("Base policy", base=True, date="2025-01-06T09:00:00+00:00")
    git_repo.commit("Cover partners", {CONFIDENTIALITY: confidentiality(NEW)}, date="2025-03-03T09:00:00+00:00")
    git_repo.commit("Cover suppliers from May", {CONFIDENTIALITY: confidentiality(NEWER, effective="2025-05-01")},
                    date="2025-04-01T09:00:00+00:00")
    return git_repo


def body_at(run, repo: GitRepo, at: str, jurisdiction: str = "global", clause_id: str = "confidentiality") -> str:
    result = run("--root", repo.root, "resolve", "-j", jurisdiction, "--format", "json", "--at", at)
    assert result.code == 0, result
    data = json.loads(result.out)
    found = {c["id"]: c for p in data["policies"] for s in p["sections"] for c in s["clauses"]}
    return found[clause_id]["body"] if clause_id in found else "<not in force>"


def test_at_a_date_between_two_commits_gives_the_older_text(run, dated):
    assert body_at(run, dated, "2025-02-01") == OLD
    assert body_at(run, dated, "2025-03-03") == NEW  # the end of the day counts


def test_an_upcoming_effective_date_keeps_the_old_text_until_that_day(run, dated):
    assert body_at(run, dated, "2025-04-15") == NEW
    assert body_at(run, dated, "2025-04-30") == NEW
    assert body_at(run, dated, "2025-05-01") == NEWER
    # and plain resolve shows the text as merged
    result = run("--root", dated.root, "resolve", "-j", "global", "--format", "json")
    assert NEWER in result.out


def test_at_a_revision_reads_the_text_in_force_on_its_commit_date(run, dated):
    assert body_at(run, dated, "HEAD") == NEW  # committed 1 April, effective 1 May
    assert body_at(run, dated, "HEAD~1") == NEW
    assert body_at(run, dated, "HEAD~2") == OLD


def test_an_upcoming_change_reaches_every_jurisdiction(run, dated):
    assert body_at(run, dated, "2025-04-15", "de") == NEW


def test_a_date_before_the_first_commit_exits_2(run, dated):
    result = run("--root", dated.root, "resolve", "-j", "global", "--at", "2024-12-31")
    assert result.code == 2
    assert "before the first commit" in result.err and "2025-01-06" in result.err
    assert "Traceback" not in result.err


def test_an_unknown_revision_or_a_bad_date_exits_2(run, dated):
    for at in ("no-such-branch", "2025-02-30"):
        result = run("--root", dated.root, "resolve", "-j", "global", "--at", at)
        assert result.code == 2, result
        assert "Traceback" not in result.err
    assert "unknown git revision 'no-such-branch'" in run("--root", dated.root, "resolve", "-j", "global",
                                                          "--at", "no-such-branch").err


def test_a_clause_added_with_a_later_effective_date_is_not_in_force_yet(run, git_repo):
    git_repo.commit("Base policy", base=True, date="2025-01-06T09:00:00+00:00")
    git_repo.commit("Add a clause from June", {
        "policy/social-media/disclosure.yaml": clause("disclosure", body="You must disclose.", effective="2025-06-01",
                                                      examples={"do": ["a"], "dont": ["b"]}),
    }, date="2025-02-01T09:00:00+00:00")
    assert body_at(run, git_repo, "2025-05-31", clause_id="disclosure") == "<not in force>"
    assert body_at(run, git_repo, "2025-06-01", clause_id="disclosure") == "You must disclose."


def test_an_overlay_setting_a_later_effective_date_waits_too(run, git_repo):
    git_repo.commit("Base policy", base=True, date="2025-01-06T09:00:00+00:00")
    overlay = ("clause: monitoring\naction: amend\nreason: The works council co-determines monitoring.\n"
               "set:\n  effective: 2025-07-01\nappend: The works council must agree first.\n")
    git_repo.commit("German note from July", {DE_MONITORING: overlay}, date="2025-02-01T09:00:00+00:00")
    result = run("--root", git_repo.root, "explain", "monitoring", "-j", "de", "--at", "2025-03-01")
    assert result.code == 0, result
    assert "works council" not in result.out
    result = run("--root", git_repo.root, "explain", "monitoring", "-j", "de", "--at", "2025-07-01")
    assert "works council" in result.out


def test_a_later_edit_of_upcoming_text_still_waits_for_its_date(run, dated):
    dated.commit("Fix a typo in the May text", {CONFIDENTIALITY: confidentiality(NEWER + " ", effective="2025-05-01")},
                 date="2025-04-10T09:00:00+00:00")
    dated.commit("Unrelated", {"policy/social-media/monitoring.yaml": clause(
        "monitoring", section="privacy", level="info", owner="privacy",
        body="The security team reviews public posts that name the company.", tags=["monitoring"])},
        date="2025-04-12T09:00:00+00:00")
    assert body_at(run, dated, "2025-04-15") == NEW
    assert body_at(run, dated, "2025-04-15", clause_id="monitoring").endswith("name the company.")


def test_diff_at_two_dates_compares_the_texts_in_force(run, dated):
    result = run("--root", dated.root, "diff", "--at", "2025-02-01", "2025-04-15", "--format", "json")
    assert result.code == 0, result
    data = json.loads(result.out)
    assert [c["clause"] for c in data["changes"]] == ["confidentiality"]
    assert NEW in json.dumps(data) and NEWER not in json.dumps(data)
    assert len(data["base"]) == 40 and len(data["head"]) == 40
    same = run("--root", dated.root, "diff", "--at", "2025-04-02", "2025-04-30", "--format", "json")
    assert json.loads(same.out)["changes"] == []


def test_diff_at_one_date_compares_with_today(run, dated):
    result = run("--root", dated.root, "diff", "--at", "2025-04-15", "--format", "json")
    assert result.code == 0, result
    assert NEWER in result.out  # in force today


def test_diff_needs_revisions_or_at(run, dated):
    assert run("--root", dated.root, "diff").code == 2
    assert run("--root", dated.root, "diff", "HEAD", "--at", "2025-02-01").code == 2
    assert run("--root", dated.root, "diff", "--at", "2025-02-01", "2025-03-01", "2025-04-01").code == 2


def test_text_in_force_lists_the_upcoming_files(dated):
    found = text_in_force(dated.root, "2025-04-15")
    assert [u.path for u in found.upcoming] == [CONFIDENTIALITY]
    assert found.upcoming[0].effective.isoformat() == "2025-05-01"
    assert found.written.handbooks["global"].clauses["confidentiality"].fields["body"] == NEWER
