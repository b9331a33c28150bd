"""R002: a material change since the last release needs `notice_days` of notice (real git, fixed dates)."""

from __future__ import annotations

import pytest

from ...repos import GitRepo, clause

CONFIDENTIALITY = "policy/social-media/confidentiality.yaml"
EXAMPLES = {"do": ["Talk about public releases."], "dont": ["Post a client's roadmap."]}
STRICTER = "You must keep client information confidential. You must not post client names."
NOTICE = "[tool.clausebook.release]\nnotice_days = 30\n"


@pytest.fixture
def released(git_repo: GitRepo, run, monkeypatch) -> GitRepo:
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2025-01-10T10:00:00+00:00")
    git_repo.commit("Base policy", base=True, date="2025-01-06T09:00:00+00:00", files={"pyproject.toml": NOTICE})
    assert run("--root", git_repo.root, "release").code == 0
    monkeypatch.delenv("GIT_COMMITTER_DATE")
    return git_repo


def r002(run, repo: GitRepo) -> list[str]:
    result = run("--root", repo.root, "lint")
    return [line for line in result.out.splitlines() if " R002 " in line]


def test_bad_a_material_change_with_too_little_notice_is_flagged(run, released):
    released.commit("Forbid posting", {CONFIDENTIALITY: clause("confidentiality", body=STRICTER, examples=EXAMPLES,
                                                               effective="2025-03-10")},
                    date="2025-03-03T09:00:00+00:00")
    found = r002(run, released)
    assert len(found) == 1, found
    assert "7 day(s) after it was merged (2025-03-03)" in found[0] and "effective: 2025-04-02" in found[0]


def test_bad_no_effective_date_is_no_notice(run, released):
    released.commit("Forbid posting", {CONFIDENTIALITY: clause("confidentiality", body=STRICTER, examples=EXAMPLES)},
                    date="2025-03-03T09:00:00+00:00")
    assert "has no `effective` date" in r002(run, released)[0]


def test_good_enough_notice_or_an_editorial_change_passes(run, released):
    released.commit("Forbid posting", {CONFIDENTIALITY: clause("confidentiality", body=STRICTER, examples=EXAMPLES,
                                                               effective="2025-04-07")},
                    date="2025-03-03T09:00:00+00:00")
    assert r002(run, released) == []
    released.commit("Retitle", {CONFIDENTIALITY: clause("confidentiality", body=STRICTER, examples=EXAMPLES,
                                                        effective="2025-04-07", title="Client confidentiality")},
                    date="2025-03-04T09:00:00+00:00")
    assert r002(run, released) == []


def test_off_by_default(run, git_repo, monkeypatch):
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2025-01-10T10:00:00+00:00")
    git_repo.commit("Base policy", base=True, date="2025-01-06T09:00:00+00:00")
    assert run("--root", git_repo.root, "release").code == 0
    git_repo.commit("Forbid posting", {CONFIDENTIALITY: clause("confidentiality", body=STRICTER, examples=EXAMPLES)},
                    date="2025-03-03T09:00:00+00:00")
    assert r002(run, git_repo) == []
