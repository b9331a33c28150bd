"""`clausebook release`: proposals from the changes' classes, refusals that write nothing, the annotated tag."""

from __future__ import annotations

import json
import subprocess

import pytest

from .repos import GitRepo, clause

CONFIDENTIALITY = "policy/social-media/confidentiality.yaml"
EXAMPLES = {"do": ["Talk about public releases."], "dont": ["Post a client's roadmap."]}


def confidentiality(body: str = "You must keep client information confidential.", **extra: object) -> str:
    return clause("confidentiality", body=body, examples=EXAMPLES, **extra)


EDITORIAL = confidentiality(title="Keeping client information confidential")
MATERIAL = confidentiality("You must keep client information confidential. You must not post it anywhere.")


@pytest.fixture(autouse=True)
def fixed_tag_date(monkeypatch):
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2025-06-01T10:00:00+00:00")


@pytest.fixture
def released(git_repo: GitRepo, run) -> GitRepo:
    git_repo.commit("Base policy", base=True, date="2025-01-06T09:00:00+00:00")
    result = run("--root", git_repo.root, "release")
    assert result.code == 0, result
    return git_repo


def git(repo: GitRepo, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo.root, capture_output=True, text=True, check=True).stdout


def snapshot(repo: GitRepo) -> tuple[str, str, str, dict[str, bytes]]:
    files = {p.relative_to(repo.root).as_posix(): p.read_bytes()
             for p in repo.root.rglob("*") if p.is_file() and ".git" not in p.parts}
    return git(repo, "tag", "-l"), git(repo, "rev-parse", "HEAD"), git(repo, "status", "--porcelain"), files


def release_json(run, repo: GitRepo, *args: str):
    result = run("--root", repo.root, "release", *args, "--format", "json")
    return result.code, json.loads(result.out)


def test_the_first_release_is_1_0_0_and_an_annotated_tag(released):
    assert git(released, "tag", "-l").split() == ["v1.0.0"]
    assert git(released, "cat-file", "-t", "v1.0.0").strip() == "tag"
    message = git(released, "tag", "-l", "--format=%(contents)", "v1.0.0")
    assert "Policy release v1.0.0" in message and "confidentiality" in message


def test_after_an_editorial_change_a_patch_is_proposed(run, released):
    released.commit("Retitle", {CONFIDENTIALITY: EDITORIAL}, date="2025-02-03T09:00:00+00:00")
    code, data = release_json(run, released, "--dry-run")
    assert code == 0, data
    assert (data["version"], data["bump"], data["material_changes"]) == ("1.0.1", "patch", [])
    assert data["editorial_clauses"] == ["confidentiality"]
    assert git(released, "tag", "-l").split() == ["v1.0.0"]  # a dry run writes nothing


def test_after_a_material_change_a_minor_is_proposed_and_the_message_lists_it(run, released):
    released.commit("Forbid posting", {CONFIDENTIALITY: MATERIAL}, date="2025-02-03T09:00:00+00:00")
    result = run("--root", released.root, "release")
    assert result.code == 0, result
    assert "v1.1.0" in result.out
    message = git(released, "tag", "-l", "--format=%(contents)", "v1.1.0")
    assert "Material changes since v1.0.0: 1" in message
    assert "- confidentiality (global, eu, de)" in message
    assert "Clauses changed editorially: 0" in message


def test_material_can_ask_for_a_major_version(run, released):
    released.commit("Config and change", {"pyproject.toml": '[tool.clausebook.release]\nmaterial = "major"\n',
                                          CONFIDENTIALITY: MATERIAL}, date="2025-02-03T09:00:00+00:00")
    code, data = release_json(run, released, "--dry-run")
    assert (code, data["version"]) == (0, "2.0.0")


def test_a_given_version_is_tagged(run, released):
    released.commit("Retitle", {CONFIDENTIALITY: EDITORIAL}, date="2025-02-03T09:00:00+00:00")
    assert run("--root", released.root, "release", "1.5.0").code == 0
    assert "v1.5.0" in git(released, "tag", "-l").split()


@pytest.mark.parametrize("case", ["nothing", "uncommitted", "not-above", "too-small", "lint-error", "tag-exists"])
def test_every_refusal_writes_nothing(run, released, case):
    version: list[str] = []
    if case == "uncommitted":
        released.commit("Retitle", {CONFIDENTIALITY: EDITORIAL}, date="2025-02-03T09:00:00+00:00")
        (released.root / CONFIDENTIALITY).write_text(MATERIAL, encoding="utf-8")
    elif case == "not-above":
        released.commit("Retitle", {CONFIDENTIALITY: EDITORIAL}, date="2025-02-03T09:00:00+00:00")
        version = ["1.0.0"]
    elif case == "too-small":
        released.commit("Forbid posting", {CONFIDENTIALITY: MATERIAL}, date="2025-02-03T09:00:00+00:00")
        version = ["1.0.1"]
    elif case == "lint-error":
        released.commit("Break it", {CONFIDENTIALITY: confidentiality(level="mandatory")},
                        date="2025-02-03T09:00:00+00:00")
    elif case == "tag-exists":
        released.commit("Retitle", {CONFIDENTIALITY: EDITORIAL}, date="2025-02-03T09:00:00+00:00")
        elsewhere = git(released, "commit-tree", "HEAD^{tree}", "-m", "not on this branch").strip()
        git(released, "tag", "v1.0.1", elsewhere)  # a tag of that name, on a commit this branch never merged
    before = snapshot(released)
    result = run("--root", released.root, "release", *version)
    assert result.code == 1, result
    assert "refused, nothing written" in result.out
    assert snapshot(released) == before
    expected = {"nothing": "nothing changed since v1.0.0", "uncommitted": "uncommitted changes",
                "not-above": "not above the last release", "too-small": "need a minor one (at least 1.1.0)",
                "lint-error": "lint error", "tag-exists": "the tag v1.0.1 exists already"}[case]
    assert expected in result.out


def test_a_bad_version_exits_2(run, released):
    result = run("--root", released.root, "release", "one.two")
    assert result.code == 2 and "not a version" in result.err
