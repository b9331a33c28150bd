"""`clausebook affected`: which handbooks differ between two revisions, as text and as a CI matrix."""

from __future__ import annotations

import json

import pytest

from .repos import GitRepo, clause
from .test_diff import CONFIDENTIALITY, DE_BY, DE_MONITORING, FR, FR_REPLACES_CONFIDENTIALITY, confidentiality

MONITORING_OVERLAY = "jurisdictions/de/overlays/monitoring.yaml"


@pytest.fixture
def history(git_repo: GitRepo) -> GitRepo:
    git_repo.commit("Base policy", base=True, date="2025-01-06T09:00:00+00:00", files={
        "jurisdictions/fr/jurisdiction.yaml": FR,
        "jurisdictions/fr/overlays/confidentiality.yaml": FR_REPLACES_CONFIDENTIALITY,
        MONITORING_OVERLAY: DE_MONITORING,
        "jurisdictions/de-by/jurisdiction.yaml": DE_BY,
    })
    return git_repo


def affected(run, repo: GitRepo, *revisions: str) -> dict:
    result = run("--root", repo.root, "affected", *revisions, "--format", "json")
    assert result.code == 0, result
    return json.loads(result.out)


def test_an_overlay_edit_affects_its_jurisdiction_and_those_below_it_only(run, history):
    history.commit("Stricter works council rule", {MONITORING_OVERLAY: DE_MONITORING.replace(
        "must agree", "must agree in writing")}, date="2025-02-03T09:00:00+00:00")
    data = affected(run, history, "HEAD~1", "HEAD")
    assert data["handbooks"] == ["de", "de-by"]
    assert data["removed"] == []
    assert data["head"] == history.repo.head.commit.hexsha


def test_a_base_clause_edit_skips_the_jurisdiction_that_replaces_it(run, history):
    history.commit("Clarify", {CONFIDENTIALITY: confidentiality(
        "You must keep client and partner information confidential.")}, date="2025-02-03T09:00:00+00:00")
    handbooks = affected(run, history, "HEAD~1", "HEAD")["handbooks"]
    assert "global" in handbooks and "de" in handbooks
    assert "fr" not in handbooks  # fr replaces the clause: its handbook reads the same


def test_formatting_only_edits_affect_nothing_and_text_names_why(run, history):
    history.commit("Reflow", {CONFIDENTIALITY: confidentiality().replace("level: must", "level: 'must'")},
                   date="2025-02-03T09:00:00+00:00")
    assert affected(run, history, "HEAD~1", "HEAD")["handbooks"] == []
    history.commit("New clause", {"policy/social-media/press.yaml": clause("press", body="You must send press "
                                                                           "questions to the comms team.")},
                   date="2025-02-04T09:00:00+00:00")
    text = run("--root", history.root, "affected", "HEAD~1", "HEAD").out
    assert "fr\tclause press added" in text.splitlines()


def test_a_jurisdiction_file_change_and_a_removed_handbook(run, history):
    history.commit("Rename Bavaria, drop France", {
        "jurisdictions/de-by/jurisdiction.yaml": DE_BY.replace("Bavaria", "Bayern"),
        "jurisdictions/fr/jurisdiction.yaml": None,
        "jurisdictions/fr/overlays/confidentiality.yaml": None,
    }, date="2025-02-03T09:00:00+00:00")
    data = affected(run, history, "HEAD~1", "HEAD")
    assert "de-by" in data["handbooks"] and "global" in data["handbooks"] and "fr" not in data["handbooks"]
    assert data["removed"] == ["fr"]


def test_an_unknown_revision_is_a_clean_error(run, history):
    result = run("--root", history.root, "affected", "no-such-branch")
    assert result.code == 2
    assert "unknown git revision 'no-such-branch'" in result.err


def test_all_lists_every_handbook_and_a_missing_base_is_a_usage_error(run, history):
    data = json.loads(run("--root", history.root, "affected", "--all", "HEAD", "--format", "json").out)
    assert data["handbooks"][0] == "global" and {"de", "de-by", "fr"} <= set(data["handbooks"])
    result = run("--root", history.root, "affected")
    assert result.code == 2 and "give BASE" in result.err
