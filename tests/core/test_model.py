"""The repository model's structure questions: the parent walk and where an added clause belongs."""

from __future__ import annotations

from clausebook.core.model import GLOBAL
from clausebook.workspace import open_worktree

from ..repos import clause, write_repo

SECOND_POLICY = """\
id: conduct
title: Code of conduct
owner: legal
review_months: 12
sections:
  - {id: scope, title: Scope}
"""


def jurisdiction(jid: str, parent: str | None = None) -> str:
    return f"id: {jid}\nname: {jid.upper()}\n" + (f"parent: {parent}\n" if parent else "")


def test_the_parent_walk_answers_ancestors_cycles_and_the_starting_handbook(tmp_path):
    root = write_repo(tmp_path / "r", {
        "jurisdictions/a/jurisdiction.yaml": jurisdiction("a", "b"),
        "jurisdictions/b/jurisdiction.yaml": jurisdiction("b", "a"),
        "jurisdictions/c/jurisdiction.yaml": jurisdiction("c", "a"),
        "jurisdictions/x/jurisdiction.yaml": jurisdiction("x", "nowhere"),
    })
    repo = open_worktree(root).repo
    assert repo.walk_up("de") == (["de", "eu"], None)
    assert repo.ancestors("de") == ["eu", "de"]
    assert repo.effective_parent("de") == "eu"
    assert repo.effective_parent("eu") == GLOBAL
    # a and b form a cycle; c only hangs below it.
    assert repo.cycle_through("a") == ["a", "b", "a"]
    assert repo.cycle_through("c") is None
    assert repo.effective_parent("a") == GLOBAL
    assert repo.effective_parent("c") == GLOBAL
    # An unknown parent: the walk stops there and the handbook starts from global.
    assert repo.walk_up("x") == (["x"], "nowhere")
    assert repo.effective_parent("x") == GLOBAL


def _two_policies_sharing_scope(tmp_path, with_policy: str | None):
    policy_line = f"  policy: {with_policy}\n" if with_policy else ""
    return write_repo(tmp_path / "r", {
        "policy/conduct/policy.yaml": SECOND_POLICY,
        "policy/conduct/respect.yaml": clause("respect"),
        "jurisdictions/de/overlays/works-council.yaml": (
            "clause: works-council\naction: add\nreason: The works council must agree.\nwith:\n"
            + policy_line + "  title: Works council\n  section: scope\n  level: info\n  owner: legal\n"
            "  body: The works council agrees the rules.\n"),
    })


def test_an_added_clause_in_a_shared_section_names_its_policy(tmp_path):
    workspace = open_worktree(_two_policies_sharing_scope(tmp_path, "conduct"))
    assert [str(p) for p in workspace.problems if p.severity == "error"] == []
    added = workspace.handbooks["de"].clauses["works-council"]
    assert added.policy == "conduct"
    assert "policy" not in added.fields  # it places the clause; it is not one of its fields


def test_an_added_clause_in_a_shared_section_without_its_policy_is_refused(tmp_path):
    workspace = open_worktree(_two_policies_sharing_scope(tmp_path, None))
    messages = [p.message for p in workspace.problems if p.code == "S012"]
    assert messages == ["section 'scope' exists in several policies (conduct, social-media); "
                        "name the one the added clause belongs to with 'policy'"]
    assert "works-council" not in workspace.handbooks["de"].clauses


def test_an_added_clause_naming_a_policy_without_that_section_is_refused(tmp_path):
    root = _two_policies_sharing_scope(tmp_path, "conduct")
    overlay = root / "jurisdictions/de/overlays/works-council.yaml"
    overlay.write_text(overlay.read_text().replace("section: scope", "section: privacy"))
    workspace = open_worktree(root)
    assert [p.message for p in workspace.problems if p.code == "S012"] == [
        "policy 'conduct' has no section 'privacy'"]
