"""The lint engine: registry, configuration, silences, --changed-since, and the CLI around them."""

from __future__ import annotations

import inspect
import re
import types

import pytest

from clausebook.core.errors import UsageError
from clausebook.lint import registry
from clausebook.lint import rules as rules_package
from clausebook.lint.config import LintConfig, load_config
from clausebook.lint.engine import lint
from clausebook.workspace import open_worktree

from .lint.rules.helpers import CLAUSE, clause_yaml
from .repos import write_repo

VAGUE = clause_yaml("posting", "You must remove posts as appropriate.")


# --- registry ---------------------------------------------------------------------------------------

def test_every_rule_module_has_code_summary_and_bad_and_good_examples():
    modules = registry.all_rules()
    assert modules, "no rules registered"
    codes = [m.CODE for m in modules]
    assert len(codes) == len(set(codes)), "duplicate rule codes"
    for module in modules:
        assert re.fullmatch(r"[CLRTX]([0-9]{3})?", module.CODE), module.__name__
        assert module.SEVERITY in ("error", "warning", "info"), module.__name__
        assert module.SUMMARY and module.SUMMARY.strip() == module.SUMMARY, module.__name__
        doc = module.__doc__ or ""
        assert "**Bad:**" in doc and "**Good:**" in doc, module.__name__
        description, bad, good = registry.parse_docstring(doc)
        assert description and bad and good and bad != good, module.__name__
        assert callable(module.check) and list(inspect.signature(module.check).parameters) == ["ctx"]


def test_rule_docs_cover_structure_codes_and_every_module():
    docs = {d.code: d for d in registry.rule_docs()}
    assert {"S001", "S016", "C001", "L", "X004"} <= set(docs)
    assert docs["X002"].family == "X" and "javascript" in docs["X002"].bad


def test_get_finds_modules_and_rejects_unknown_codes():
    assert registry.get("C003").CODE == "C003"
    assert registry.get("L/us/no-media-ban").CODE == "L"
    with pytest.raises(KeyError):
        registry.get("C999")


def test_rules_command_lists_and_explains(run, repo_dir):
    listing = run("--root", repo_dir, "rules")
    assert listing.code == 0 and "C003" in listing.out and "S001" in listing.out and "X002" in listing.out
    one = run("--root", repo_dir, "rules", "C002")
    assert one.code == 0 and "Bad:" in one.out and "Good:" in one.out and "as appropriate" in one.out
    unknown = run("--root", repo_dir, "rules", "C999")
    assert unknown.code == 2 and "unknown rule" in unknown.err


def test_rules_command_explains_a_jurisdiction_rule(run, tmp_path):
    root = write_repo(tmp_path / "repo", {"jurisdictions/eu/jurisdiction.yaml": (
        "id: eu\nname: EU\nrules:\n  - id: purpose\n    message: Say why.\n    reference: GDPR Art. 5\n"
        "    tags: [monitoring]\n    require: purpose\n")})
    result = run("--root", root, "rules", "L/eu/purpose")
    assert result.code == 0 and "GDPR Art. 5" in result.out and "Say why." in result.out
    assert "L/eu/purpose" in run("--root", root, "rules").out
    assert run("--root", root, "rules", "L/eu/nothing").code == 2


# --- configuration --------------------------------------------------------------------------------

def write_config(root, body: str) -> None:
    (root / "pyproject.toml").write_text(f"[project]\nname = 'x'\n\n[tool.clausebook.lint]\n{body}\n")


def test_missing_file_or_section_gives_defaults(tmp_path):
    assert load_config(tmp_path) == LintConfig()
    (tmp_path / "pyproject.toml").write_text("[tool.other]\nx = 1\n")
    assert load_config(tmp_path) == LintConfig()


def test_config_reads_thresholds_and_selectors(tmp_path):
    write_config(tmp_path, 'select = ["C", "X"]\nignore = ["C004"]\nmax-sentence-words = 20\n'
                           '[tool.clausebook.lint.severity]\nC002 = "info"\n"L/us" = "warning"\n')
    config = load_config(tmp_path)
    assert config.max_sentence_words == 20
    assert config.enabled("C003") and not config.enabled("C004") and not config.enabled("L/us/x")
    assert config.severity_of("C002", "warning") == "info"
    assert config.severity_of("L/us/x", "error") == "warning"
    assert config.severity_of("L/us-ca/x", "error") == "error"


def test_most_specific_selector_wins():
    config = LintConfig(select=("C003", "L/us/keep"), ignore=("C", "L/us"))
    assert config.enabled("C003") and not config.enabled("C002")
    assert config.enabled("L/us/keep") and not config.enabled("L/us/other")


@pytest.mark.parametrize("body, key", [
    ("max-sentence-words = 'long'", "max-sentence-words"),
    ("duplicate-threshold = 2", "duplicate-threshold"),
    ('select = ["C999"]', "select"),
    ('ignore = ["S001"]', "ignore"),
    ("ignore = 'C001'", "ignore"),
    ('[tool.clausebook.lint.severity]\nC001 = "fatal"', "severity.C001"),
    ("max-sentence-word = 3", "max-sentence-word"),
])
def test_bad_config_value_names_the_file_and_key(tmp_path, body, key):
    write_config(tmp_path, body)
    with pytest.raises(UsageError) as info:
        load_config(tmp_path)
    assert "pyproject.toml" in str(info.value) and key in str(info.value)


def test_lint_settings_directly_under_tool_clausebook_are_refused(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.clausebook]\nignore = ["C004"]\n')
    with pytest.raises(UsageError, match=r"'ignore' belongs under \[tool.clausebook.lint\]"):
        load_config(tmp_path)


def test_bad_config_exits_2(run, repo_dir):
    write_config(repo_dir, "max-sentence-words = 0")
    result = run("--root", repo_dir, "lint")
    assert result.code == 2 and "max-sentence-words" in result.err and "Traceback" not in result.err


def test_config_changes_what_lint_reports(run, tmp_path):
    root = write_repo(tmp_path / "repo", {CLAUSE: VAGUE})
    assert "C002" in run("--root", root, "lint").out
    write_config(root, '[tool.clausebook.lint.severity]\nC002 = "error"')
    result = run("--root", root, "lint")
    assert result.code == 1 and "error C002" in result.out
    write_config(root, 'ignore = ["C002"]')
    assert "C002" not in run("--root", root, "lint").out


def test_threshold_from_config(tmp_path):
    twelve_words = "You must ask your manager first before you post anything about clients."
    root = write_repo(tmp_path / "repo", {CLAUSE: clause_yaml("posting", twelve_words)})
    assert [(p.code, p.path) for p in lint(open_worktree(root), LintConfig(max_sentence_words=11))] == [
        ("C003", CLAUSE)]
    assert lint(open_worktree(root), LintConfig(max_sentence_words=12)) == []


# --- silences ------------------------------------------------------------------------------------

def test_lint_ignore_silences_that_rule_on_that_clause(tmp_path):
    silenced = VAGUE + "lint_ignore:\n  - rule: C002\n    reason: The training defines it.\n"
    root = write_repo(tmp_path / "repo", {CLAUSE: silenced})
    assert lint(open_worktree(root), LintConfig()) == []


def test_unused_silence_is_reported_at_the_entry(tmp_path):
    text = clause_yaml("posting", "You must ask first.") + (
        "lint_ignore:\n  - rule: C002\n    reason: Old wording.\n  - rule: C123\n    reason: Typo.\n")
    root = write_repo(tmp_path / "repo", {CLAUSE: text})
    problems = lint(open_worktree(root), LintConfig())
    assert [(p.code, p.line, p.column) for p in problems] == [("C008", 14, 11), ("C008", 16, 11)]
    assert "silences nothing" in problems[0].message and "unknown rule" in problems[1].message


def test_silence_of_a_disabled_rule_is_not_reported(tmp_path):
    text = clause_yaml("posting", "You must ask first.") + "lint_ignore:\n  - rule: C002\n    reason: Old.\n"
    root = write_repo(tmp_path / "repo", {CLAUSE: text})
    assert lint(open_worktree(root), LintConfig(ignore=("C002",))) == []


def test_silence_without_reason_is_a_structure_error(tmp_path):
    root = write_repo(tmp_path / "repo", {CLAUSE: VAGUE + "lint_ignore:\n  - rule: C002\n"})
    problems = lint(open_worktree(root), LintConfig())
    assert [(p.code, p.path) for p in problems if p.severity == "error"] == [("S001", CLAUSE)]


def test_silence_of_a_jurisdiction_rule(tmp_path):
    eu = ("id: eu\nname: EU\nrules:\n  - id: no-secrets\n    message: No.\n    reference: Law\n"
          "    forbid: remove posts\n")
    silenced = VAGUE.replace("as appropriate", "now") + (
        "lint_ignore:\n  - rule: L/eu/no-secrets\n    reason: Counsel approved the wording.\n")
    root = write_repo(tmp_path / "repo", {CLAUSE: silenced, "jurisdictions/eu/jurisdiction.yaml": eu})
    assert lint(open_worktree(root), LintConfig()) == []


# --- structure problems, fail_on and the rule context ----------------------------------------------

def test_structure_problems_are_included(tmp_path):
    root = write_repo(tmp_path / "repo", {CLAUSE: VAGUE.replace("owner: legal", "owner: legl")})
    codes = {p.code for p in lint(open_worktree(root), LintConfig())}
    assert {"S013", "C002"} <= codes


def test_a_rule_can_read_fail_on_and_the_root(tmp_path, monkeypatch):
    seen = {}

    def check(ctx):
        seen["root"], seen["fail_on"] = ctx.workspace.root, ctx.fail_on
        severity = "error" if "overdue" in ctx.fail_on else "warning"
        for shared in ctx.clauses():
            yield ctx.problem(shared.clause.locate(("id",)), "review is overdue", clause=shared.clause,
                              severity=severity)

    rule = types.ModuleType("r999_test", "Test rule.\n\n**Bad:**\n\n```\nx\n```\n\n**Good:**\n\n```\ny\n```")
    rule.CODE, rule.SEVERITY, rule.SUMMARY, rule.check = "R999", "warning", "Test.", check
    monkeypatch.setattr(rules_package, "RULES", [*rules_package.RULES, rule])
    root = write_repo(tmp_path / "repo")
    problems = lint(open_worktree(root), LintConfig(), fail_on=frozenset({"overdue"}))
    assert seen == {"root": root.resolve(), "fail_on": frozenset({"overdue"})}
    assert {p.severity for p in problems if p.code == "R999"} == {"error"}
    assert {p.severity for p in lint(open_worktree(root), LintConfig()) if p.code == "R999"} == {"warning"}


# --- --changed-since -------------------------------------------------------------------------------

def test_changed_since_lints_only_changed_clauses(git_repo, run):
    old_vague = clause_yaml("old-rule", "You must ask etc.")
    git_repo.commit("base", {"policy/social-media/old-rule.yaml": old_vague}, base=True)
    # a formatting-only edit of the old clause is no change
    reformatted = "# a comment\n" + old_vague
    git_repo.commit("reformat", {"policy/social-media/old-rule.yaml": reformatted})
    write_repo(git_repo.root, {CLAUSE: VAGUE}, base=False)
    result = run("--root", git_repo.root, "lint", "--changed-since", "HEAD~1", "--format", "json")
    assert result.code == 0
    assert "posting.yaml" in result.out and "old-rule.yaml" not in result.out
    everything = run("--root", git_repo.root, "lint", "--format", "json")
    assert "old-rule.yaml" in everything.out


def test_changed_since_overlay_touches_its_jurisdiction_only(git_repo):
    git_repo.commit("base", {"policy/social-media/old-rule.yaml": clause_yaml("old-rule", "You must ask etc.")},
                    base=True)
    overlay = "clause: confidentiality\naction: amend\nreason: Law.\nappend: |\n  Ask first, as appropriate.\n"
    write_repo(git_repo.root, {"jurisdictions/de/overlays/confidentiality.yaml": overlay}, base=False)
    problems = lint(open_worktree(git_repo.root), LintConfig(), changed_since="HEAD")
    assert [(p.code, p.path) for p in problems] == [("C002", "jurisdictions/de/overlays/confidentiality.yaml")]


def test_changed_since_always_reports_structure_problems(git_repo):
    git_repo.commit("base", {CLAUSE: VAGUE.replace("owner: legal", "owner: legl")}, base=True)
    problems = lint(open_worktree(git_repo.root), LintConfig(), changed_since="HEAD")
    assert [p.code for p in problems] == ["S013"]


def test_changed_since_unknown_revision_exits_2(git_repo, run):
    git_repo.commit("base", base=True)
    result = run("--root", git_repo.root, "lint", "--changed-since", "no-such-ref")
    assert result.code == 2 and "no-such-ref" in result.err
