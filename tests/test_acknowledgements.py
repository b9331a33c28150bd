"""`clausebook ack manifest|check`: the manifest's exact shape, digests, reacknowledgement and audience scoping."""

from __future__ import annotations

import json

import pytest

from .repos import GitRepo, clause

CONFIDENTIALITY = "policy/social-media/confidentiality.yaml"
MONITORING = "policy/social-media/monitoring.yaml"
EXAMPLES = {"do": ["Talk about public releases."], "dont": ["Post a client's roadmap."]}
BODY = "You must keep client information confidential."


def confidentiality(body: str = BODY, **extra: object) -> str:
    return clause("confidentiality", body=body, examples=EXAMPLES, **extra)


def monitoring(body: str = "The security team reviews public posts that mention the company.") -> str:
    return clause("monitoring", section="privacy", level="info", owner="privacy", body=body, tags=["monitoring"],
                  audience=["contractors"])


REFORMATTED = """\
# reformatted: same content
body: >
  You must keep client
  information confidential.
examples:
  dont: ["Post a client's roadmap."]
  do: ["Talk about public releases."]
owner: legal
level: must
section: scope
title: Confidentiality
id: confidentiality
"""


@pytest.fixture(autouse=True)
def fixed_tag_date(monkeypatch):
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2025-06-01T10:00:00+00:00")


@pytest.fixture
def first(git_repo: GitRepo, run) -> GitRepo:
    git_repo.commit("Base policy", base=True, date="2025-01-06T09:00:00+00:00", files={MONITORING: monitoring()})
    assert run("--root", git_repo.root, "release").code == 0
    return git_repo


def manifest(run, repo: GitRepo, *args: str) -> dict:
    result = run("--root", repo.root, "ack", "manifest", "-j", "de", *args)
    assert result.code == 0, result
    return json.loads(result.out)


def test_the_manifest_has_exactly_the_contract_shape(run, first):
    data = manifest(run, first)
    assert list(data) == ["release", "commit", "date", "jurisdiction", "lang", "digest", "clauses", "previous",
                          "material_changes", "reacknowledge"]
    assert (data["release"], data["jurisdiction"], data["lang"], data["date"]) == ("1.0.0", "de", "en", "2025-06-01")
    assert len(data["commit"]) == 40 and data["digest"].startswith("sha256:")
    assert [list(c) for c in data["clauses"]] == [["clause", "policy", "digest", "level", "audience"]] * 2
    by_id = {c["clause"]: c for c in data["clauses"]}
    assert by_id["confidentiality"]["audience"] is None and by_id["monitoring"]["audience"] == ["contractors"]
    assert data["previous"] is None
    assert data["reacknowledge"] is True  # the first release: everything is new
    assert {c["clause"] for c in data["material_changes"]} == {"confidentiality", "monitoring"}
    assert all(list(c) == ["clause", "audience", "summary"] for c in data["material_changes"])


def test_digests_change_exactly_when_the_resolved_text_changes(run, first):
    one = manifest(run, first)
    first.commit("Reformat", {CONFIDENTIALITY: REFORMATTED}, date="2025-02-01T09:00:00+00:00")
    retitled = monitoring().replace("title: Monitoring", "title: Monitoring posts")
    first.commit("Retitle monitoring", {MONITORING: retitled}, date="2025-02-02T09:00:00+00:00")
    assert run("--root", first.root, "release").code == 0
    two = manifest(run, first)
    digests = lambda m: {c["clause"]: c["digest"] for c in m["clauses"]}  # noqa: E731
    assert digests(two)["confidentiality"] == digests(one)["confidentiality"]
    assert digests(two)["monitoring"] != digests(one)["monitoring"]
    assert two["digest"] != one["digest"]
    assert (two["release"], two["previous"], two["reacknowledge"], two["material_changes"]) == \
        ("1.0.1", "1.0.0", False, [])
    # an older release is still there to ask for
    assert manifest(run, first, "--release", "1.0.0") == one


def test_a_material_release_asks_for_reacknowledgement(run, first):
    first.commit("Forbid posting", {CONFIDENTIALITY: confidentiality(BODY + " You must not post it.")},
                 date="2025-02-01T09:00:00+00:00")
    assert run("--root", first.root, "release").code == 0
    data = manifest(run, first)
    assert (data["release"], data["reacknowledge"]) == ("1.1.0", True)
    assert [(c["clause"], c["audience"]) for c in data["material_changes"]] == [("confidentiality", None)]
    assert "a prohibition added" in data["material_changes"][0]["summary"]


def write_manifest(run, repo: GitRepo, tmp_path) -> str:
    path = tmp_path / "de-1.0.0.json"
    path.write_text(json.dumps(manifest(run, repo)), encoding="utf-8")
    return str(path)


def test_ack_check_answers_yes_after_editorial_changes_and_no_after_material_ones(run, first, tmp_path):
    path = write_manifest(run, first, tmp_path)
    assert run("--root", first.root, "ack", "check", path).code == 0
    first.commit("Reformat and retitle", {CONFIDENTIALITY: REFORMATTED.replace("title: Confidentiality",
                                                                              "title: Client confidentiality")},
                 date="2025-02-01T09:00:00+00:00")
    result = run("--root", first.root, "ack", "check", path)
    assert result.code == 0, result
    assert "covered" in result.out and "confidentiality" in result.out
    first.commit("Forbid posting", {CONFIDENTIALITY: confidentiality(BODY + " You must not post it.")},
                 date="2025-02-02T09:00:00+00:00")
    result = run("--root", first.root, "ack", "check", path)
    assert result.code == 1, result
    assert "not covered" in result.out and "confidentiality" in result.out


def test_ack_check_is_scoped_to_an_audience(run, first, tmp_path):
    path = write_manifest(run, first, tmp_path)
    first.commit("Monitoring obliges", {MONITORING: monitoring("Contractors must report posts about the company.")},
                 date="2025-02-01T09:00:00+00:00")
    assert run("--root", first.root, "ack", "check", path, "--audience", "employees").code == 0
    result = run("--root", first.root, "ack", "check", path, "--audience", "contractors", "--format", "json")
    assert result.code == 1
    data = json.loads(result.out)
    assert data["covered"] is False and [c["clause"] for c in data["material_changes"]] == ["monitoring"]
    assert run("--root", first.root, "ack", "check", path).code == 1


def test_ack_check_refuses_what_it_cannot_trust(run, first, tmp_path):
    path = tmp_path / "bad.json"
    for text in ("not json", json.dumps({"release": "1.0.0"})):
        path.write_text(text, encoding="utf-8")
        result = run("--root", first.root, "ack", "check", str(path))
        assert result.code == 2 and "Traceback" not in result.err
    edited = manifest(run, first)
    edited["clauses"][0]["digest"] = "sha256:" + "0" * 64
    path.write_text(json.dumps(edited), encoding="utf-8")
    result = run("--root", first.root, "ack", "check", str(path))
    assert result.code == 2 and "do not match" in result.err
    assert run("--root", first.root, "ack", "check", str(tmp_path / "missing.json")).code == 2


def test_ack_manifest_usage_errors(run, git_repo, first):
    assert run("--root", first.root, "ack", "manifest", "-j", "xx").code == 2
    assert run("--root", first.root, "ack", "manifest", "-j", "de", "--release", "9.9.9").code == 2
    assert run("--root", first.root, "ack", "manifest", "-j", "de", "--lang", "fr").code == 2


def test_a_manifest_and_a_pdf_of_one_handbook_name_it_by_the_same_digest():
    """An auditor holding a signed manifest and a printed PDF can tell they are the same text."""
    from pathlib import Path

    from clausebook.acknowledgements import clause_entries, handbook_digest
    from clausebook.core.identity import handbook_digest as printed_digest
    from clausebook.site.edition import ordered_clauses
    from clausebook.workspace import open_worktree

    shipped = open_worktree(Path(__file__).resolve().parent.parent)
    for jurisdiction in ("global", "de", "us-ca", "ca-qc"):
        handbook = shipped.handbooks[jurisdiction]
        assert handbook_digest(clause_entries(handbook)) == printed_digest(ordered_clauses(handbook)), jurisdiction
