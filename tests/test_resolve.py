"""Overlay resolution: amend, replace, remove, add, parent chains, provenance and errors."""

from __future__ import annotations

import json

import pytest

from clausebook.workspace import open_worktree

from .repos import write_repo

CONF = "confidentiality"

CHAIN = {
    # eu > de > de-by: a three-level chain
    "jurisdictions/de-by/jurisdiction.yaml": "id: de-by\nname: Bavaria\nparent: de\n",
    "jurisdictions/eu/overlays/confidentiality.yaml":
        "clause: confidentiality\naction: amend\nreason: GDPR.\nreferences: [{title: GDPR, cite: Art. 5}]\n"
        "append: |\n  EU note.\nexamples:\n  do: [EU do]\n",
    "jurisdictions/de/overlays/confidentiality.yaml":
        "clause: confidentiality\naction: amend\nreason: BDSG.\nset:\n  level: should\n  owner: privacy\n"
        "prepend: DE first.\n",
    "jurisdictions/de-by/overlays/confidentiality.yaml":
        "clause: confidentiality\naction: replace\nreason: Bavarian rule.\n"
        "with:\n  title: Bavarian confidentiality\n  level: may\n  owner: legal\n  body: You may share less.\n",
}


def handbooks(root):
    workspace = open_worktree(root)
    assert [p for p in workspace.problems if p.severity == "error"] == []
    return workspace.handbooks


def test_global_is_the_base(repo_dir):
    books = handbooks(repo_dir)
    assert sorted(books) == ["de", "eu", "global"]
    clause = books["global"].clauses[CONF]
    assert clause.level == "must"
    assert [p.action for p in clause.provenance] == ["base"]


def test_amend_appends_notes_sets_fields_and_adds_examples(tmp_path):
    books = handbooks(write_repo(tmp_path / "r", CHAIN))
    eu = books["eu"].clauses[CONF]
    assert [n.text for n in eu.notes] == ["EU note.\n"]
    assert eu.examples["do"] == ["Talk about public releases.", "EU do"]
    assert eu.level == "must"
    de = books["de"].clauses[CONF]
    assert (de.level, de.owner) == ("should", "privacy")
    assert [(n.jurisdiction, n.placement) for n in de.notes] == [("de", "before"), ("eu", "after")]
    assert [(p.jurisdiction, p.action, p.reason) for p in de.provenance] == [
        ("global", "base", None), ("eu", "amend", "GDPR."), ("de", "amend", "BDSG.")]


def test_replace_keeps_id_and_section_and_drops_everything_else(tmp_path):
    books = handbooks(write_repo(tmp_path / "r", CHAIN))
    by = books["de-by"].clauses[CONF]
    assert by.fields == {"id": CONF, "section": "scope", "title": "Bavarian confidentiality", "level": "may",
                         "owner": "legal", "body": "You may share less."}
    assert by.notes == ()  # the replaced clause's notes do not carry over
    assert [p.jurisdiction for p in by.provenance] == ["global", "eu", "de", "de-by"]
    assert books["de"].clauses[CONF].level == "should"  # the parent is untouched


def test_three_level_chain_order(tmp_path):
    books = handbooks(write_repo(tmp_path / "r", CHAIN))
    assert books["de-by"].chain == ["eu", "de", "de-by"]


def test_values_point_at_the_file_that_supplied_them(tmp_path):
    books = handbooks(write_repo(tmp_path / "r", CHAIN))
    de = books["de"].clauses[CONF]
    level = de.locate(("level",))
    assert (level.path, level.line, level.column) == ("jurisdictions/de/overlays/confidentiality.yaml", 5, 10)
    body = de.locate(("body",))
    assert body.path == "policy/social-media/confidentiality.yaml"
    added = de.locate(("examples", "do", 1))
    assert (added.path, added.line) == ("jurisdictions/eu/overlays/confidentiality.yaml", 8)
    note = de.notes[1].location(offset=3)
    assert (note.path, note.line, note.column) == ("jurisdictions/eu/overlays/confidentiality.yaml", 6, 6)


def test_remove_applies_here_and_below(tmp_path):
    root = write_repo(tmp_path / "r", {"jurisdictions/eu/overlays/monitoring.yaml":
                                       "clause: monitoring\naction: remove\nreason: Not lawful as written.\n"})
    books = handbooks(root)
    assert "monitoring" in books["global"].clauses
    assert "monitoring" not in books["eu"].clauses
    assert "monitoring" not in books["de"].clauses


def test_add_creates_a_clause_here_and_below(tmp_path):
    root = write_repo(tmp_path / "r", {"jurisdictions/eu/overlays/dpo-contact.yaml":
                                       "clause: dpo-contact\naction: add\nreason: Art. 37 GDPR.\n"
                                       "with: {title: Contact the DPO, section: privacy, level: may, "
                                       "owner: privacy, body: You may write to the DPO.}\n"})
    books = handbooks(root)
    assert "dpo-contact" not in books["global"].clauses
    added = books["de"].clauses["dpo-contact"]
    assert (added.policy, added.section, added.id) == ("social-media", "privacy", "dpo-contact")
    section = next(s for s in books["eu"].policies()[0].sections if s.id == "privacy")
    assert [c.id for c in section.clauses] == ["dpo-contact", "monitoring"]


def test_changing_a_clause_an_ancestor_removed_is_an_error(tmp_path):
    root = write_repo(tmp_path / "r", {
        "jurisdictions/eu/overlays/monitoring.yaml": "clause: monitoring\naction: remove\nreason: No.\n",
        "jurisdictions/de/overlays/monitoring.yaml": "clause: monitoring\naction: amend\nreason: X.\nappend: Y.\n",
    })
    problems = open_worktree(root).problems
    assert [(p.code, p.path) for p in problems] == [("S016", "jurisdictions/de/overlays/monitoring.yaml")]
    assert "removed by 'eu'" in problems[0].message


@pytest.mark.parametrize("files, code", [
    ({"jurisdictions/de/overlays/ghost.yaml": "clause: ghost\naction: remove\nreason: X.\n"}, "S016"),
    ({"jurisdictions/de/overlays/monitoring.yaml": "clause: monitoring\naction: add\nreason: X.\n"
      "with: {title: T, section: privacy, level: may, owner: privacy, body: B.}\n"}, "S017"),
    ({"jurisdictions/de/jurisdiction.yaml": "id: de\nname: Germany\nparent: nowhere\n"}, "S019"),
    ({"jurisdictions/eu/jurisdiction.yaml": "id: eu\nname: EU\nparent: de\n"}, "S020"),
])
def test_resolution_errors(tmp_path, files, code):
    problems = open_worktree(write_repo(tmp_path / "r", files)).problems
    assert code in {p.code for p in problems}


def test_cycle_still_resolves_every_jurisdiction(tmp_path):
    workspace = open_worktree(write_repo(tmp_path / "r", {"jurisdictions/eu/jurisdiction.yaml":
                                                            "id: eu\nname: EU\nparent: de\n"}))
    assert sorted(workspace.handbooks) == ["de", "eu", "global"]


def test_order_then_id_within_a_section(tmp_path):
    from .repos import clause
    root = write_repo(tmp_path / "r", {
        "policy/social-media/b-late.yaml": clause("b-late", order=2),
        "policy/social-media/a-late.yaml": clause("a-late", order=2),
        "policy/social-media/first.yaml": clause("first", order=1),
    })
    section = handbooks(root)["global"].policies()[0].sections[0]
    assert [c.id for c in section.clauses] == ["first", "a-late", "b-late", "confidentiality"]


def test_resolve_command_json(tmp_path, run):
    root = write_repo(tmp_path / "r", CHAIN)
    result = run("--root", root, "resolve", "--jurisdiction", "de", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["jurisdiction"] == "de"
    clause = data["policies"][0]["sections"][0]["clauses"][0]
    assert clause["id"] == CONF and clause["level"] == "should"
    assert [p["jurisdiction"] for p in clause["provenance"]] == ["global", "eu", "de"]
    assert set(clause["provenance"][1]) >= {"jurisdiction", "action", "reason", "path"}


def test_resolve_yaml_is_the_default(repo_dir, run):
    result = run("--root", repo_dir, "resolve", "-j", "global")
    assert result.code == 0
    assert "jurisdiction: global" in result.out


def test_unknown_jurisdiction_exits_two(repo_dir, run):
    result = run("--root", repo_dir, "resolve", "--jurisdiction", "mars")
    assert result.code == 2
    assert "unknown jurisdiction 'mars'" in result.err


def test_resolve_refuses_a_broken_repository(tmp_path, run):
    root = write_repo(tmp_path / "r", {"jurisdictions/de/overlays/ghost.yaml": "clause: ghost\naction: remove\nreason: X.\n"})
    result = run("--root", root, "resolve", "-j", "de")
    assert result.code == 1
    assert "S016" in result.out


def test_explain_shows_base_each_overlay_and_result(tmp_path, run):
    root = write_repo(tmp_path / "r", CHAIN)
    result = run("--root", root, "explain", CONF, "--jurisdiction", "de-by")
    assert result.code == 0, result.err
    out = result.out
    assert out.index("Base (policy/social-media/confidentiality.yaml)") < out.index("Amend by eu") \
        < out.index("Amend by de") < out.index("Replace by de-by") < out.index("Result:")
    assert "Reason: GDPR." in out and "Law: GDPR (Art. 5)" in out
    assert "Bavarian confidentiality  [may, owner: legal]" in out.split("Result:")[1]


def test_explain_removed_clause(tmp_path, run):
    root = write_repo(tmp_path / "r", {"jurisdictions/eu/overlays/monitoring.yaml":
                                       "clause: monitoring\naction: remove\nreason: Not here.\n"})
    out = run("--root", root, "explain", "monitoring", "-j", "de").out
    assert "Does not apply in Germany (removed by eu)" in out


def test_explain_unknown_clause_exits_two(repo_dir, run):
    result = run("--root", repo_dir, "explain", "ghost", "-j", "de")
    assert result.code == 2
    assert "unknown clause 'ghost'" in result.err


def test_resolve_yaml_writes_text_as_literal_blocks_without_quotes(run, repo_dir):
    import json

    import yaml

    from .repos import clause, write_repo

    write_repo(repo_dir, {"policy/social-media/confidentiality.yaml": clause(
        "confidentiality", body="First paragraph.\n\nSecond paragraph.\n", rationale="One line.\n")})
    out = run("--root", repo_dir, "resolve", "--jurisdiction", "de").out
    assert "      body: |\n        First paragraph.\n\n        Second paragraph.\n" in out
    assert "rationale: |\n        One line.\n" in out and "'" not in out.split("provenance")[0]
    as_json = json.loads(run("--root", repo_dir, "resolve", "--jurisdiction", "de", "--format", "json").out)
    assert yaml.safe_load(out) == as_json
