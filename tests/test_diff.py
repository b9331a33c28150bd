"""`clausebook diff` on real git repositories: what counts as a change, where, and of which class."""

from __future__ import annotations

import json

import pytest

from .repos import GitRepo, clause

CONFIDENTIALITY = "policy/social-media/confidentiality.yaml"
MONITORING = "policy/social-media/monitoring.yaml"

FR = "id: fr\nname: France\nparent: eu\nlocale: fr-FR\n"
FR_REPLACES_CONFIDENTIALITY = """\
clause: confidentiality
action: replace
reason: French labour law words this duty differently.
with:
  title: Confidentialité
  level: must
  owner: legal
  body: Vous devez garder confidentielles les informations des clients.
"""
DE_BY = "id: de-by\nname: Bavaria\nparent: de\n"
DE_MONITORING = """\
clause: monitoring
action: amend
reason: The works council co-determines monitoring tools.
append: The works council must agree before any tool is used.
"""


def confidentiality(body: str = "You must keep client information confidential.", **extra: object) -> str:
    extra.setdefault("examples", {"do": ["Talk about public releases."], "dont": ["Post a client's roadmap."]})
    return clause("confidentiality", body=body, **extra)


@pytest.fixture
def history(git_repo: GitRepo) -> GitRepo:
    """A base commit with fr (replacing confidentiality), de amending monitoring, and de-by below de."""
    git_repo.commit("Base policy", base=True, date="2025-01-06T09:00:00+00:00", files={
        "jurisdictions/fr/jurisdiction.yaml": FR,
        "jurisdictions/fr/overlays/confidentiality.yaml": FR_REPLACES_CONFIDENTIALITY,
        "jurisdictions/de/overlays/monitoring.yaml": DE_MONITORING,
        "jurisdictions/de-by/jurisdiction.yaml": DE_BY,
    })
    return git_repo


def diff_json(run, repo: GitRepo, *revisions: str) -> dict:
    result = run("--root", repo.root, "diff", *revisions, "--format", "json")
    assert result.code == 0, result
    return json.loads(result.out)


def only_change(data: dict) -> dict:
    assert len(data["changes"]) == 1, data["changes"]
    return data["changes"][0]


def test_reordered_keys_comments_and_quoting_are_no_change(run, history):
    reordered = """\
# Confidentiality: reviewed by legal in January.
owner: legal   # the team, not a person
level: "must"
section: 'scope'
examples:
  dont: ["Post a client's roadmap."]
  do:
    - Talk about public releases.
title: Confidentiality
body: >
  You must keep client
  information confidential.
id: confidentiality
"""
    history.commit("Tidy the YAML", {CONFIDENTIALITY: reordered}, date="2025-02-03T09:00:00+00:00")
    data = diff_json(run, history, "HEAD~1", "HEAD")
    assert data["changes"] == []
    assert run("--root", history.root, "diff", "HEAD~1", "HEAD", "--exit-code").code == 0


def test_body_edit_is_one_modified_change_with_field_and_redline(run, history):
    history.commit("Clarify", {CONFIDENTIALITY: confidentiality(
        "You must keep client and partner information confidential.")}, date="2025-02-03T09:00:00+00:00")
    data = diff_json(run, history, "HEAD~1", "HEAD")
    change = only_change(data)
    assert (change["clause"], change["policy"], change["kind"]) == ("confidentiality", "social-media", "modified")
    assert change["fields"] == ["body"]
    assert data["base"] == history.repo.commit("HEAD~1").hexsha and data["head"] == history.repo.head.commit.hexsha
    (body,) = change["redline"]
    assert body["field"] == "body"
    assert [s for s in body["segments"] if s["op"] != "equal"] == [{"op": "insert", "text": "and partner"}]
    assert run("--root", history.root, "diff", "HEAD~1", "HEAD", "--exit-code").code == 1


def test_head_omitted_compares_with_the_working_tree(run, history):
    (history.root / CONFIDENTIALITY).write_text(confidentiality("You must keep all client data confidential."))
    data = diff_json(run, history, "HEAD")
    assert data["head"] == "worktree"
    assert only_change(data)["fields"] == ["body"]


@pytest.mark.parametrize("body, expected_class, reason_part", [
    ("You should keep client information confidential.", "material", "duty dropped"),
    ("You must keep client information confidential. You must not post a client's name.",
     "material", "prohibition added"),
    ("Keep client information confidential: you must never share it.", "material", "'never'"),
    ("Client information is confidential and you must keep it so.", "editorial", "same obligations"),
    ("You shall keep client information confidential.", "editorial", "same obligations"),
])
def test_material_or_editorial(run, history, body, expected_class, reason_part):
    history.commit("Edit", {CONFIDENTIALITY: confidentiality(body)}, date="2025-02-03T09:00:00+00:00")
    change = only_change(diff_json(run, history, "HEAD~1", "HEAD"))
    assert change["class"] == expected_class, change["reason"]
    assert reason_part in change["reason"]


def test_level_and_audience_changes_are_material(run, history):
    history.commit("Scope", {
        CONFIDENTIALITY: confidentiality(audience=["employees"]),
        MONITORING: clause("monitoring", section="privacy", level="should", owner="privacy",
                           body="The security team reviews public posts that mention the company.",
                           tags=["monitoring"]),
    }, date="2025-02-03T09:00:00+00:00")
    changes = {c["clause"]: c for c in diff_json(run, history, "HEAD~1", "HEAD")["changes"]}
    assert changes["confidentiality"]["class"] == "material"
    assert "audience everyone → employees" in changes["confidentiality"]["reason"]
    assert changes["monitoring"]["class"] == "material"
    assert "level info → should" in changes["monitoring"]["reason"]


def test_title_and_owner_changes_are_editorial(run, history):
    history.commit("Rename", {CONFIDENTIALITY: confidentiality(title="Client confidentiality")},
                   date="2025-02-03T09:00:00+00:00")
    change = only_change(diff_json(run, history, "HEAD~1", "HEAD"))
    assert (change["class"], change["fields"]) == ("editorial", ["title"])


def test_overlay_edit_lists_only_that_jurisdiction_and_its_descendants(run, history):
    history.commit("Reword the works council note", {
        "jurisdictions/de/overlays/monitoring.yaml": DE_MONITORING.replace("must agree", "has to agree"),
    }, date="2025-02-03T09:00:00+00:00")
    change = only_change(diff_json(run, history, "HEAD~1", "HEAD"))
    assert change["clause"] == "monitoring"
    assert change["jurisdictions"] == ["de", "de-by"]
    assert change["fields"] == ["notes"]
    assert change["class"] == "editorial"  # "has to" is the same duty as "must"


def test_base_edit_to_a_replaced_clause_does_not_list_the_replacing_jurisdiction(run, history):
    history.commit("Base edit", {CONFIDENTIALITY: confidentiality("You must keep client data confidential.")},
                   date="2025-02-03T09:00:00+00:00")
    change = only_change(diff_json(run, history, "HEAD~1", "HEAD"))
    assert "fr" not in change["jurisdictions"]
    assert change["jurisdictions"] == ["global", "eu", "de", "de-by"]


def test_renamed_file_with_same_content_is_no_change(run, history):
    conduct = ("id: conduct\ntitle: Code of conduct\nowner: legal\nreview_months: 12\n"
               "sections:\n  - {id: scope, title: Scope}\n")
    history.commit("Add a policy", {"policy/conduct/policy.yaml": conduct}, date="2025-02-03T09:00:00+00:00")
    history.move(CONFIDENTIALITY, "policy/conduct/confidentiality.yaml", "Move the clause",
                 date="2025-02-04T09:00:00+00:00")
    data = diff_json(run, history, "HEAD~1", "HEAD")
    assert data["changes"] == []


def test_moved_and_edited_file_is_a_modification_not_a_remove_and_add(run, history):
    history.move(CONFIDENTIALITY, "policy/social-media/tmp.yaml", "Start a move", date="2025-02-03T09:00:00+00:00")
    history.commit("Move it to the privacy section", {
        "policy/social-media/tmp.yaml": None,
        CONFIDENTIALITY: confidentiality(section="privacy"),
    }, date="2025-02-04T09:00:00+00:00")
    change = only_change(diff_json(run, history, "HEAD~2", "HEAD"))
    assert change["kind"] == "modified"
    assert change["moved"] == {"from": "scope", "to": "privacy"}


def test_changed_id_is_a_removal_and_an_addition(run, history):
    history.commit("Rename the id", {
        CONFIDENTIALITY: None,
        "jurisdictions/fr/overlays/confidentiality.yaml": None,
        "policy/social-media/client-confidentiality.yaml": clause("client-confidentiality"),
    }, date="2025-02-03T09:00:00+00:00")
    kinds = {c["clause"]: c["kind"] for c in diff_json(run, history, "HEAD~1", "HEAD")["changes"]}
    assert kinds == {"confidentiality": "removed", "client-confidentiality": "added"}


def test_clause_added_or_removed_by_an_overlay_is_reported_in_those_jurisdictions(run, history):
    history.commit("German and French specifics", {
        "jurisdictions/de/overlays/works-council.yaml": (
            "clause: works-council\naction: add\nreason: Works Constitution Act.\nwith:\n"
            "  title: Works council\n  section: privacy\n  level: must\n  owner: privacy\n"
            "  body: Ask the works council before introducing any monitoring tool.\n"),
        "jurisdictions/fr/overlays/monitoring.yaml": (
            "clause: monitoring\naction: remove\nreason: Not done in France.\n"),
    }, date="2025-02-03T09:00:00+00:00")
    changes = {c["clause"]: c for c in diff_json(run, history, "HEAD~1", "HEAD")["changes"]}
    added, removed = changes["works-council"], changes["monitoring"]
    assert (added["kind"], added["jurisdictions"], added["class"]) == ("added", ["de", "de-by"], "material")
    assert (removed["kind"], removed["jurisdictions"], removed["class"]) == ("removed", ["fr"], "material")


def test_new_jurisdiction_without_overlays_changes_no_clause(run, history):
    history.commit("Add Austria", {"jurisdictions/at/jurisdiction.yaml": "id: at\nname: Austria\nparent: eu\n"},
                   date="2025-02-03T09:00:00+00:00")
    data = diff_json(run, history, "HEAD~1", "HEAD")
    assert data["changes"] == []
    assert data["jurisdictions"] == {"added": ["at"], "removed": []}


def test_unknown_revision_exits_2_with_a_clear_message(run, history):
    result = run("--root", history.root, "diff", "no-such-branch")
    assert result.code == 2
    assert "unknown git revision 'no-such-branch'" in result.err
    assert "Traceback" not in result.err


def test_not_a_git_repository_exits_2(run, repo_dir):
    result = run("--root", repo_dir, "diff", "HEAD")
    assert result.code == 2
    assert "not inside a git repository" in result.err


def test_revision_with_errors_still_diffs_and_says_so(run, history):
    history.commit("Break a clause, edit another", {
        MONITORING: "id: monitoring\ntitle: [unclosed\n",
        CONFIDENTIALITY: confidentiality(level="should"),
    }, date="2025-02-03T09:00:00+00:00")
    result = run("--root", history.root, "diff", "HEAD~1", "HEAD", "--format", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert [c["clause"] for c in data["changes"]] == ["confidentiality"]  # the broken one is not "removed"
    assert "has 1 error" in result.err and "monitoring" in result.err


def test_base_revision_without_policies_shows_everything_as_added(run, git_repo):
    git_repo.commit("Start", {"README.md": "A repository.\n"}, date="2025-01-01T09:00:00+00:00")
    git_repo.commit("Add the policy", base=True, date="2025-01-02T09:00:00+00:00")
    data = diff_json(run, git_repo, "HEAD~1", "HEAD")
    assert {(c["clause"], c["kind"]) for c in data["changes"]} == {("confidentiality", "added"),
                                                                   ("monitoring", "added")}


def test_text_format_has_no_colour_when_not_a_terminal(run, history):
    history.commit("Edit", {CONFIDENTIALITY: confidentiality("You should keep client information confidential.")},
                   date="2025-02-03T09:00:00+00:00")
    result = run("--root", history.root, "diff", "HEAD~1", "HEAD")
    assert result.code == 0
    assert "\033[" not in result.out
    assert "modified confidentiality (social-media) material" in result.out
    assert "You [-must-]{+should+} keep" in result.out


def test_markdown_has_a_table_a_redline_and_the_approvers(run, history):
    history.commit("Edit", {CONFIDENTIALITY: confidentiality(
        "You should keep client information *strictly* confidential.")}, date="2025-02-03T09:00:00+00:00")
    result = run("--root", history.root, "diff", "HEAD~1", "HEAD", "--format", "markdown")
    out = result.out
    assert "| Clause | Policy | Change | Class | Jurisdictions |" in out
    assert "| Confidentiality (`confidentiality`) | Social media policy | modified: text | **material** |" in out
    assert "everywhere except France" in out
    assert "> You <del>must</del> <ins>should</ins> keep client information <ins>*strictly*</ins> confidential." in out
    assert "`@example/legal` (Legal)" in out


class _Terminal:
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    from clausebook.commands.diff import use_color

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color(_Terminal())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color(_Terminal())


def test_files_with_the_same_bytes_in_one_revision_are_each_read(run, history):
    # Two overlays with identical bytes are one git blob: each file still loads.
    same_addition = ("clause: works-council\naction: add\nreason: Works councils exist here.\nwith:\n"
                     "  title: Works council\n  section: privacy\n  level: must\n  owner: privacy\n"
                     "  body: Ask the works council before introducing any monitoring tool.\n")
    history.commit("The same addition in Germany and France", {
        "jurisdictions/de/overlays/works-council.yaml": same_addition,
        "jurisdictions/fr/overlays/works-council.yaml": same_addition,
    }, date="2025-02-03T09:00:00+00:00")
    change = only_change(diff_json(run, history, "HEAD~1", "HEAD"))
    assert (change["kind"], change["jurisdictions"]) == ("added", ["de", "fr", "de-by"])
    assert sorted(o["path"] for o in change["overlays"]) == ["jurisdictions/de/overlays/works-council.yaml",
                                                              "jurisdictions/fr/overlays/works-council.yaml"]
