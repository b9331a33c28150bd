"""Every S code: a fixture that triggers it (code, file, line, column) and its fixed twin."""

from __future__ import annotations

import os

import pytest

from clausebook.core.checks import STRUCTURE_CODES
from clausebook.workspace import open_worktree

from .repos import clause, write_repo

CLAUSE = "policy/social-media/confidentiality.yaml"
MONITORING = "policy/social-media/monitoring.yaml"
OWNERS = "policy/owners.yaml"
POLICY = "policy/social-media/policy.yaml"
DE = "jurisdictions/de/jurisdiction.yaml"
EU = "jurisdictions/eu/jurisdiction.yaml"


def overlay(target: str, action: str = "amend", extra: str = "append: In Germany, also this.\n") -> str:
    return f"clause: {target}\naction: {action}\nreason: Local law needs it.\n{extra}"


def body_clause(**fields: str) -> str:
    lines = {"id": "confidentiality", "title": "Confidentiality", "section": "scope", "level": "must",
             "owner": "legal", "body": "You must keep client information confidential."}
    lines.update(fields)
    return "".join(f"{k}: {v}\n" for k, v in lines.items())


# code -> (files that trigger it, (path, line, column), files that fix it)
CASES: dict[str, tuple[dict, tuple[str, int, int], dict]] = {
    "S001": ({CLAUSE: body_clause(level="mandatory")}, (CLAUSE, 4, 8), {CLAUSE: body_clause(level="must")}),
    "S002": ({CLAUSE: "id: [unclosed\n"}, (CLAUSE, 2, 1), {CLAUSE: body_clause()}),
    "S003": ({CLAUSE: b"id: caf\xe9\n"}, (CLAUSE, 1, 8), {CLAUSE: body_clause()}),
    "S004": ({CLAUSE: body_clause() + "# " + "x" * (1024 * 1024) + "\n"}, (CLAUSE, 1, 1), {CLAUSE: body_clause()}),
    "S005": ({CLAUSE: body_clause() + "tags: &a [x, x, x, x, x, x, x, x, x, x]\n"
              + "".join(f"t{i}: &a{i + 1} [*a{i if i else ''}, *a{i if i else ''}, *a{i if i else ''}, "
                        f"*a{i if i else ''}, *a{i if i else ''}, *a{i if i else ''}]\n" for i in range(8))},
             (CLAUSE, 12, 1), {CLAUSE: body_clause()}),
    "S006": ({CLAUSE: body_clause() + "body: Second body.\n"}, (CLAUSE, 7, 1), {CLAUSE: body_clause()}),
    "S008": ({CLAUSE: "- a\n- list\n"}, (CLAUSE, 1, 1), {CLAUSE: body_clause()}),
    "S009": ({"policy/social-media/extra.yml": body_clause(id="extra")}, ("policy/social-media/extra.yml", 1, 1),
             {"policy/social-media/extra.yml": None}),
    "S010": ({CLAUSE: body_clause(id="confidential")}, (CLAUSE, 1, 5), {CLAUSE: body_clause()}),
    "S011": ({"policy/other/policy.yaml": "id: other\ntitle: Other\nowner: legal\nreview_months: 6\n"
              "sections: [{id: scope, title: Scope}]\n",
              "policy/other/confidentiality.yaml": body_clause()},
             ("policy/social-media/confidentiality.yaml", 1, 5),
             {"policy/other/policy.yaml": "id: other\ntitle: Other\nowner: legal\nreview_months: 6\n"
              "sections: [{id: scope, title: Scope}]\n",
              "policy/other/confidentiality.yaml": None}),
    "S012": ({CLAUSE: body_clause(section="scop")}, (CLAUSE, 3, 10), {CLAUSE: body_clause(section="scope")}),
    "S013": ({CLAUSE: body_clause(owner="legl")}, (CLAUSE, 5, 8), {CLAUSE: body_clause(owner="legal")}),
    "S014": ({CLAUSE: body_clause(audience="[employees, staff]")}, (CLAUSE, 7, 23),
             {CLAUSE: body_clause(audience="[employees]")}),
    "S015": ({CLAUSE: body_clause(related="[monitorin]")}, (CLAUSE, 7, 11),
             {CLAUSE: body_clause(related="[monitoring]")}),
    "S016": ({"jurisdictions/de/overlays/monitorin.yaml": overlay("monitorin")},
             ("jurisdictions/de/overlays/monitorin.yaml", 1, 9),
             {"jurisdictions/de/overlays/monitoring.yaml": overlay("monitoring")}),
    "S017": ({"jurisdictions/de/overlays/monitoring.yaml": overlay(
        "monitoring", "add", "with: {title: T, section: scope, level: info, owner: legal, body: Text.}\n")},
             ("jurisdictions/de/overlays/monitoring.yaml", 1, 9),
             {"jurisdictions/de/overlays/works-council.yaml": overlay(
                 "works-council", "add", "with: {title: T, section: scope, level: info, owner: legal, body: Text.}\n")}),
    "S018": ({"jurisdictions/de/overlays/monitoring.yaml": overlay("monitoring"),
              "jurisdictions/de/overlays/second.yaml": overlay("monitoring")},
             ("jurisdictions/de/overlays/second.yaml", 1, 9),
             {"jurisdictions/de/overlays/monitoring.yaml": overlay("monitoring")}),
    "S019": ({DE: "id: de\nname: Germany\nparent: europe\n"}, (DE, 3, 9), {DE: "id: de\nname: Germany\nparent: eu\n"}),
    "S020": ({EU: "id: eu\nname: European Union\nparent: de\n"}, (EU, 3, 9), {EU: "id: eu\nname: European Union\n"}),
    "S021": ({POLICY: None}, (CLAUSE, 1, 1), {}),
    "S022": ({"jurisdictions/global/jurisdiction.yaml": "id: global\nname: Global\n"},
             ("jurisdictions/global/jurisdiction.yaml", 1, 5), {}),
    "S023": ({POLICY: "id: social-media\ntitle: T\nowner: legal\nreview_months: 12\n"
              "sections:\n  - {id: scope, title: Scope}\n  - {id: privacy, title: Privacy}\n"
              "  - {id: scope, title: Again}\n"},
             (POLICY, 8, 10), {}),
    "S024": ({"jurisdictions/changes/jurisdiction.yaml": "id: changes\nname: Changes\n"},
             ("jurisdictions/changes/jurisdiction.yaml", 1, 5), {}),
}


def problems_for(root):
    return open_worktree(root).problems


@pytest.mark.parametrize("code", sorted(CASES))
def test_code_is_reported_at_file_line_column(tmp_path, code):
    files, (path, line, column), _ = CASES[code]
    root = write_repo(tmp_path / "repo", files)
    found = [p for p in problems_for(root) if p.code == code]
    assert found, f"{code} not reported; got {problems_for(root)}"
    assert (path, line, column) in [(p.path, p.line, p.column) for p in found], found


@pytest.mark.parametrize("code", sorted(CASES))
def test_fixed_twin_is_clean(tmp_path, code):
    files, _, fixed = CASES[code]
    root = write_repo(tmp_path / "repo", fixed)
    assert [p for p in problems_for(root) if p.code == code] == []


def test_every_structure_code_has_a_case():
    # S007 (outside the repository) needs a symlink; it has its own test below.
    assert set(STRUCTURE_CODES) - {"S007"} == set(CASES)


def test_symlink_outside_repository_is_not_read(tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: secret\n")
    root = write_repo(tmp_path / "repo")
    os.symlink(secret, root / "policy/social-media/leak.yaml")
    found = [p for p in problems_for(root) if p.code == "S007"]
    assert [(p.path, p.line, p.column) for p in found] == [("policy/social-media/leak.yaml", 1, 1)]


def test_symlink_inside_repository_is_fine(tmp_path):
    root = write_repo(tmp_path / "repo", {"policy/social-media/shared.txt": "not yaml"})
    os.symlink(root / MONITORING, root / "jurisdictions/monitoring-link.txt")
    assert [p for p in problems_for(root) if p.code == "S007"] == []


def test_base_repository_is_clean(repo_dir):
    assert problems_for(repo_dir) == []


def test_every_problem_in_one_run(tmp_path):
    root = write_repo(tmp_path / "repo", {
        CLAUSE: body_clause(owner="nobody"),
        MONITORING: clause("monitoring", section="privacy", level="info", owner="privacy", related=["ghost"]),
        DE: "id: de\nname: Germany\nparent: nowhere\n",
    })
    codes = sorted(p.code for p in problems_for(root))
    assert codes == ["S013", "S015", "S019"]


def test_messages_suggest_the_nearest_name(tmp_path):
    root = write_repo(tmp_path / "repo", {CLAUSE: body_clause(section="scop", owner="legl")})
    messages = [p.message for p in problems_for(root)]
    assert any("did you mean 'scope'" in m for m in messages)
    assert any("did you mean 'legal'" in m for m in messages)


def test_overlay_fields_are_checked_at_the_overlay(tmp_path):
    path = "jurisdictions/de/overlays/monitoring.yaml"
    root = write_repo(tmp_path / "repo", {path: overlay("monitoring", extra="set:\n  owner: nobody\n")})
    found = [p for p in problems_for(root) if p.code == "S013"]
    assert [(p.path, p.line, p.column) for p in found] == [(path, 5, 10)]
