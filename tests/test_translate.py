"""Translations: documents and digests, staleness from real git history, lint severity, the renderer hook."""

from __future__ import annotations

import json

import pytest

from clausebook.cli import main
from clausebook.core.translation import source_digest
from clausebook.lint.config import LintConfig
from clausebook.lint.engine import lint
from clausebook.translate.localize import clause_text, policy_text
from clausebook.translate.status import Assessment
from clausebook.workspace import open_worktree

from .repos import GitRepo, clause, write_repo

DE = "id: de\nname: Germany\nparent: eu\nlocale: de-DE\nregion: Europe\n"
FR = "id: fr\nname: France\nparent: eu\nlocale: fr-FR\nrequires_translation: true\nregion: Europe\n"
BODY = "You must keep client information confidential."
EDITORIAL = "You must keep information about clients confidential."
MATERIAL = "You must keep client information confidential. You must never post it."
EXAMPLES = {"do": ["Talk about public releases."], "dont": ["Post a client's roadmap."]}


def _confidentiality(body: str = BODY) -> str:
    return clause("confidentiality", body=body, examples=EXAMPLES)


def _translation(body: str = BODY, german: str = "Sie müssen Kundeninformationen vertraulich behandeln.") -> str:
    digest = source_digest("clause", {"title": "Confidentiality", "body": body, "examples": EXAMPLES})
    return (f"# yaml-language-server: $schema=../../../../schema/translation.schema.json\nsource: {digest}\n"
            f"title: Vertraulichkeit\nbody: {german}\n"
            "examples:\n  do: [Über öffentliche Veröffentlichungen sprechen.]\n"
            "  dont: [Die Roadmap eines Kunden posten.]\n")


GERMAN = "policy/social-media/i18n/de/confidentiality.yaml"


def _history(tmp_path, later: str | None) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    repo.commit("Start", {"jurisdictions/de/jurisdiction.yaml": DE, GERMAN: _translation()},
                date="2025-01-10T12:00:00+00:00", base=True)
    if later is not None:
        repo.commit("Reword", {"policy/social-media/confidentiality.yaml": _confidentiality(later)},
                    date="2025-03-04T12:00:00+00:00")
    return repo


def _item(root, clause_id: str = "confidentiality", handbook: str = "de"):
    assessment = Assessment(open_worktree(root))
    [status] = assessment.handbooks(handbook)
    return next(i for i in status.items if i.source.clause == clause_id and i.source.kind == "clause")


def test_digest_ignores_formatting_and_untranslatable_fields():
    folded = {"title": "Confidentiality", "body": "You must keep client\n  information   confidential.\n",
              "level": "should", "examples": EXAMPLES}
    plain = {"title": "Confidentiality", "body": BODY, "level": "must", "examples": EXAMPLES, "owner": "x"}
    assert source_digest("clause", folded) == source_digest("clause", plain)
    assert source_digest("clause", plain).startswith("sha256:") and len(source_digest("clause", plain)) == 71


def test_a_current_translation_is_shown_in_its_language(tmp_path):
    repo = _history(tmp_path, None)
    assert _item(repo.root).status == "current"
    shown = clause_text(Assessment(open_worktree(repo.root)), "de", "de-DE", "confidentiality")
    assert shown.status == "current" and not shown.notice
    assert shown.clause.get("title") == "Vertraulichkeit"
    assert shown.clause.get("examples")["dont"] == ["Die Roadmap eines Kunden posten."]


def test_an_editorial_edit_makes_it_stale_editorial_and_still_shown(tmp_path):
    repo = _history(tmp_path, EDITORIAL)
    item = _item(repo.root)
    assert item.status == "stale-editorial"
    assert item.verdict.changed.isoformat() == "2025-03-04"
    assert item.verdict.fields == ("body",)
    shown = clause_text(Assessment(open_worktree(repo.root)), "de", "de-DE", "confidentiality")
    assert shown.notice and shown.clause.get("body").startswith("Sie müssen")


def test_a_stronger_duty_makes_it_stale_material_and_shows_the_source(tmp_path):
    repo = _history(tmp_path, MATERIAL)
    item = _item(repo.root)
    assert item.status == "stale-material" and item.verdict.changed.isoformat() == "2025-03-04"
    assert any("duty added" in r or "prohibition added" in r for r in item.verdict.reasons)
    shown = clause_text(Assessment(open_worktree(repo.root)), "de", "de-DE", "confidentiality")
    assert shown.status == "stale-material" and shown.shows_source
    assert shown.clause.get("body") == MATERIAL and shown.clause.get("title") == "Confidentiality"


def test_a_reformatted_source_keeps_the_translation_current(tmp_path):
    folded = "You must keep client\ninformation confidential."
    repo = _history(tmp_path, folded)
    assert _item(repo.root).status == "current"


def test_no_matching_version_in_history_is_stale_material(tmp_path):
    repo = _history(tmp_path, None)
    path = repo.root / GERMAN
    text = path.read_text(encoding="utf-8")
    digest = text.split("source: ")[1].split("\n")[0]
    path.write_text(text.replace(digest, "sha256:" + "0" * 64), encoding="utf-8")
    assert _item(repo.root).status == "stale-material"


def test_missing_translations_and_the_status_command(tmp_path, capsys):
    repo = _history(tmp_path, EDITORIAL)
    assert main(["--root", str(repo.root), "translate", "status", "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)
    by_clause = {(i["clause"], i["source"]): i for i in items}
    stale = by_clause[("confidentiality", "policy/social-media/confidentiality.yaml")]
    assert stale == {"clause": "confidentiality", "jurisdiction": "de", "lang": "de-DE",
                     "status": "stale-editorial", "fields": ["body"], "changed": "2025-03-04",
                     "policy": "social-media", "source": "policy/social-media/confidentiality.yaml",
                     "path": GERMAN}
    assert by_clause[("monitoring", "policy/social-media/monitoring.yaml")]["status"] == "missing"
    assert by_clause[(None, "policy/social-media/policy.yaml")]["status"] == "missing"
    assert main(["--root", str(repo.root), "translate", "status"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("de (Germany, de-DE): 0 current, 1 stale-editorial, 0 stale-material, 2 missing")
    assert "stale-editorial confidentiality since 2025-03-04 [body]" in text


def test_status_usage_errors(tmp_path, capsys):
    root = write_repo(tmp_path / "repo", {"jurisdictions/de/jurisdiction.yaml": DE})
    assert main(["--root", str(root), "translate", "status", "--jurisdiction", "xx"]) == 2
    assert main(["--root", str(root), "translate", "status", "--lang", "ja"]) == 2
    assert "no handbook is in 'ja'" in capsys.readouterr().err


def test_digest_command(tmp_path, capsys):
    overlay = "clause: monitoring\naction: amend\nreason: Works council.\nappend: Ask the works council.\n"
    root = write_repo(tmp_path / "repo", {"jurisdictions/de/overlays/monitoring.yaml": overlay})
    assert main(["--root", str(root), "translate", "digest", "confidentiality"]) == 0
    printed = capsys.readouterr().out.strip()
    assert printed == source_digest("clause", {"title": "Confidentiality", "body": BODY, "examples": EXAMPLES})
    assert main(["--root", str(root), "translate", "digest", "monitoring", "--jurisdiction", "de"]) == 0
    assert capsys.readouterr().out.strip() == source_digest(
        "overlay", {"reason": "Works council.", "append": "Ask the works council."})
    assert main(["--root", str(root), "translate", "digest", "confidentiality", "--jurisdiction", "de"]) == 2
    assert main(["--root", str(root), "translate", "digest", "nothing"]) == 2
    assert main(["--root", str(root), "translate", "digest", "--policy", "social-media"]) == 0


def test_lint_warns_and_errors_where_translation_is_required(tmp_path):
    root = write_repo(tmp_path / "repo", {"jurisdictions/de/jurisdiction.yaml": DE,
                                          "jurisdictions/fr/jurisdiction.yaml": FR})
    problems = [p for p in lint(open_worktree(root), LintConfig()) if p.code == "T002"]
    at_clause = [p for p in problems if p.path == "policy/social-media/confidentiality.yaml"]
    # one problem per document and file: fr/ is an error (France requires it), de/ a warning
    assert sorted((p.severity, p.line, p.column) for p in at_clause) == [("error", 1, 5), ("warning", 1, 5)]
    assert any("fr (fr-FR)" in p.message and "i18n/fr/confidentiality.yaml" in p.message for p in at_clause)


def test_lint_stale_translation_points_at_its_source_line(tmp_path):
    repo = _history(tmp_path, MATERIAL)
    [problem] = [p for p in lint(open_worktree(repo.root), LintConfig()) if p.code == "T001"]
    assert (problem.path, problem.line, problem.column, problem.severity) == (GERMAN, 2, 9, "warning")
    assert "stale-material" in problem.message and "2025-03-04" in problem.message


def test_translation_of_nothing_and_wrong_keys(tmp_path):
    root = write_repo(tmp_path / "repo", {
        "jurisdictions/de/jurisdiction.yaml": DE,
        "policy/social-media/i18n/de/confidentialty.yaml": _translation(),
        "policy/social-media/i18n/de/monitoring.yaml": "source: sha256:" + "a" * 64 + "\nrationale: Warum.\n",
        "policy/social-media/i18n/de/policy.yaml": "source: sha256:" + "a" * 64 + "\nbody: Nein.\n",
    })
    workspace = open_worktree(root)
    structure = [(p.code, p.path, p.line, p.column) for p in workspace.problems]
    assert ("S001", "policy/social-media/i18n/de/policy.yaml", 2, 1) in structure
    problems = [(p.code, p.path, p.line) for p in lint(workspace, LintConfig()) if p.code == "T003"]
    assert ("T003", "policy/social-media/i18n/de/confidentialty.yaml", 1) in problems
    assert ("T003", "policy/social-media/i18n/de/monitoring.yaml", 2) in problems


def test_schema_errors_in_translations_have_positions(tmp_path):
    root = write_repo(tmp_path / "repo", {"jurisdictions/de/jurisdiction.yaml": DE,
                                          GERMAN: "source: md5:abc\ntitle: Vertraulichkeit\nbdy: Text\n"})
    problems = [(p.code, p.line, p.column) for p in open_worktree(root).problems if p.path == GERMAN]
    assert ("S001", 1, 9) in problems and ("S001", 3, 1) in problems


@pytest.mark.parametrize("lang, folder", [("fr-CA", "fr-CA"), ("fr-FR", "fr")])
def test_a_regional_file_wins_over_the_language_file(tmp_path, lang, folder):
    qc = "id: qc\nname: Quebec\nlocale: fr-CA\nregion: North America\n"
    digest = source_digest("policy", {"title": "Social media policy", "summary": "How we use social media.",
                                      "sections": [{"id": "scope", "title": "Scope", "intro": "Who this covers."},
                                                   {"id": "privacy", "title": "Privacy"}]})
    heading = "source: {d}\ntitle: {t}\nsections:\n  - {{id: scope, title: Portée}}\n"
    root = write_repo(tmp_path / "repo", {
        "jurisdictions/qc/jurisdiction.yaml": qc, "jurisdictions/fr/jurisdiction.yaml": FR,
        "policy/social-media/i18n/fr/policy.yaml": heading.format(d=digest, t="Politique (France)"),
        "policy/social-media/i18n/fr-CA/policy.yaml": heading.format(d=digest, t="Politique (Québec)"),
    })
    shown = policy_text(Assessment(open_worktree(root)), lang, "social-media")
    assert shown.title == ("Politique (Québec)" if folder == "fr-CA" else "Politique (France)")
    assert shown.sections["scope"][0] == "Portée" and shown.sections["privacy"][0] == "Privacy"
