"""Each lint rule on a fixture it flags (code, file, line, column) and one it does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from clausebook.lint.config import LintConfig
from clausebook.lint.engine import lint
from clausebook.workspace import open_worktree

from .repos import write_repo

EXAMPLES = """\
examples:
  do:
    - Share the public release notes.
  dont:
    - Post the internal roadmap.
"""


def clause_yaml(clause_id: str, body: str, level: str = "must", section: str = "scope", owner: str = "legal",
                tail: str = EXAMPLES) -> str:
    """A clause whose body is a literal block starting on line 7, column 3."""
    indented = "\n".join("  " + line if line else "" for line in body.split("\n"))
    return (f"id: {clause_id}\ntitle: {clause_id.replace('-', ' ').capitalize()}\nsection: {section}\n"
            f"level: {level}\nowner: {owner}\nbody: |\n{indented}\n{tail}")


def run_lint(root: Path, files: dict, config: LintConfig | None = None):
    write_repo(root, files)
    return lint(open_worktree(root), config or LintConfig())


def found(problems, code):
    return [(p.code, p.path, p.line, p.column) for p in problems if p.code == code]


CLAUSE = "policy/social-media/posting.yaml"

# (code, files, expected (path, line, column) of the first problem of that code)
FLAGGED = [
    pytest.param("C001", {CLAUSE: clause_yaml("posting", "Never share a client's name.")},
                 (CLAUSE, 7, 3), id="C001-must-without-must"),
    pytest.param("C001", {CLAUSE: clause_yaml("posting", "Teams post news.\nYou should ask first.", level="info",
                                              tail="")},
                 (CLAUSE, 8, 7), id="C001-info-obliges"),
    pytest.param("C002", {CLAUSE: clause_yaml("posting", "You must remove posts as appropriate.")},
                 (CLAUSE, 7, 25), id="C002-as-appropriate"),
    pytest.param("C002", {CLAUSE: clause_yaml("posting", "You must answer in a reasonable time.")},
                 (CLAUSE, 7, 24), id="C002-reasonable-without-test"),
    pytest.param("C003", {CLAUSE: clause_yaml("posting", "Short first sentence. You must " + "really " * 36 + "stop.")},
                 (CLAUSE, 7, 25), id="C003-long-sentence"),
    pytest.param("C004", {CLAUSE: clause_yaml("posting", (
        "You must acknowledge that notwithstanding organisational communication infrastructure considerations, "
        "personnel utilising institutional dissemination mechanisms for non-operational purposes shall be "
        "subject to proportionate disciplinary consideration, irrespective of contractual characterisation. "
        "Organisational determinations regarding applicability remain discretionary."))},
                 (CLAUSE, 7, 3), id="C004-hard-to-read"),
    pytest.param("C005", {CLAUSE: clause_yaml("posting", "You must ask first.", tail="")},
                 (CLAUSE, 4, 8), id="C005-no-examples"),
    pytest.param("C005", {CLAUSE: clause_yaml("posting", "You must ask first.",
                                              tail="examples:\n  do:\n    - Ask.\n")},
                 (CLAUSE, 9, 3), id="C005-no-dont"),
    pytest.param("C006", {CLAUSE: clause_yaml("posting", "You must read the [rules](#monitorng).")},
                 (CLAUSE, 7, 29), id="C006-unknown-anchor"),
    pytest.param("C006", {CLAUSE: clause_yaml("posting", "You must read\nthe [guide](guide.md).")},
                 (CLAUSE, 8, 15), id="C006-relative"),
    pytest.param("C006", {CLAUSE: clause_yaml("posting", "You must read the [guide][g].")},
                 (CLAUSE, 7, 21), id="C006-undefined-reference"),
    pytest.param("C006", {CLAUSE: clause_yaml("posting", "You must read the [guide](https://example.com.")},
                 (CLAUSE, 7, 21), id="C006-unclosed"),
    pytest.param("C007", {"policy/social-media/secrecy.yaml": clause_yaml(
        "secrecy", "You must keep client information confidential.")},
                 ("policy/social-media/secrecy.yaml", 7, 3), id="C007-duplicate"),
    pytest.param("X001", {CLAUSE: clause_yaml("posting", "You must <b>never</b> post.")},
                 (CLAUSE, 7, 12), id="X001-raw-html"),
    pytest.param("X001", {CLAUSE: clause_yaml("posting", "You must ask.\n<!-- hidden -->")},
                 (CLAUSE, 8, 3), id="X001-comment"),
    pytest.param("X002", {CLAUSE: clause_yaml("posting", "You must [check](JavaScript:alert(1)).")},
                 (CLAUSE, 7, 20), id="X002-javascript"),
    pytest.param("X002", {CLAUSE: clause_yaml("posting", "You must [see][s].\n\n[s]: data:text/html,hi")},
                 (CLAUSE, 9, 8), id="X002-data-definition"),
    pytest.param("X003", {CLAUSE: clause_yaml("posting", "You must read http://example.com/rules today.")},
                 (CLAUSE, 7, 17), id="X003-bare-http"),
    pytest.param("X003", {CLAUSE: clause_yaml("posting", "You must read [it](http://example.com).")},
                 (CLAUSE, 7, 22), id="X003-link"),
    pytest.param("X004", {CLAUSE: clause_yaml("posting", "You must see\n![logo](https://cdn.example.com/l.png)")},
                 (CLAUSE, 8, 3), id="X004-remote-image"),
    pytest.param("X004", {CLAUSE: clause_yaml("posting", 'You must see <iframe src="https://e.example"></iframe>')},
                 (CLAUSE, 7, 16), id="X004-iframe"),
]

NOT_FLAGGED = [
    pytest.param("C001", {CLAUSE: clause_yaml("posting", "You must not share a client's name.")}, id="C001"),
    pytest.param("C001", {CLAUSE: clause_yaml("posting", "Teams post news every week.", level="info", tail="")},
                 id="C001-info"),
    pytest.param("C002", {CLAUSE: clause_yaml("posting", "You must answer within a reasonable time, for example "
                                                         "two working days. Code like `a and/or b` is fine.")},
                 id="C002"),
    pytest.param("C003", {CLAUSE: clause_yaml("posting", "You must ask first.\n\n- " + "\n- ".join(
        ["one short item of a list"] * 10))}, id="C003"),
    pytest.param("C004", {CLAUSE: clause_yaml("posting", (
        "You must ask your manager before you post about a client. Tell them what you want to say and where. "
        "If they say no, do not post it. You can ask the comms team for help."))}, id="C004"),
    pytest.param("C005", {CLAUSE: clause_yaml("posting", "You should ask first.", level="should", tail="")},
                 id="C005"),
    pytest.param("C006", {CLAUSE: clause_yaml("posting", "You must read [this](#monitoring), [that][t] and "
                                                         "<https://example.com>.\n\n[t]: https://example.com/t")},
                 id="C006"),
    pytest.param("C007", {CLAUSE: clause_yaml("posting", "You must ask your manager before you post.")},
                 id="C007"),
    pytest.param("X001", {CLAUSE: clause_yaml("posting", "You must use `<b>` never; see <https://example.com>. "
                                                         "2 < 3 and 4 > 1.")}, id="X001"),
    pytest.param("X002", {CLAUSE: clause_yaml("posting", "You must [write](mailto:legal@example.com).")}, id="X002"),
    pytest.param("X003", {CLAUSE: clause_yaml("posting", "You must read [it](https://example.com), "
                                                         "`http://localhost` is code.")}, id="X003"),
    pytest.param("X004", {CLAUSE: clause_yaml("posting", "You must watch the [video](https://example.com/v).")},
                 id="X004"),
]


@pytest.mark.parametrize("code, files, expected", FLAGGED)
def test_rule_flags(tmp_path, code, files, expected):
    problems = found(run_lint(tmp_path / "repo", files), code)
    assert problems, f"{code} found nothing"
    assert problems[0] == (code, *expected)


@pytest.mark.parametrize("code, files", NOT_FLAGGED)
def test_rule_passes(tmp_path, code, files):
    problems = run_lint(tmp_path / "repo", files)
    assert found(problems, code) == []


def test_fixture_repository_is_clean(tmp_path):
    assert run_lint(tmp_path / "repo", {}) == []


# --- problems an overlay creates are reported at the overlay -----------------------------------------

def test_overlay_level_change_is_reported_at_the_overlay(tmp_path):
    overlay = ("clause: monitoring\naction: amend\nreason: Works council agreement.\n"
               "set:\n  level: must\n")
    problems = run_lint(tmp_path / "repo", {"jurisdictions/de/overlays/monitoring.yaml": overlay})
    assert found(problems, "C001") == [("C001", "jurisdictions/de/overlays/monitoring.yaml", 5, 10)]


def test_overlay_note_is_checked_at_its_own_line(tmp_path):
    overlay = ("clause: confidentiality\naction: amend\nreason: Local law.\nappend: |\n"
               "  Ask the works council.\n  Use <em>judgement</em> as appropriate.\n")
    problems = run_lint(tmp_path / "repo", {"jurisdictions/eu/overlays/confidentiality.yaml": overlay})
    path = "jurisdictions/eu/overlays/confidentiality.yaml"
    assert found(problems, "X001") == [("X001", path, 6, 7)]
    # the same note reaches de through eu: reported once
    assert found(problems, "C002") == [("C002", path, 6, 26)]


def test_link_to_a_clause_a_jurisdiction_removes_is_reported_at_the_removal(tmp_path):
    files = {
        CLAUSE: clause_yaml("posting", "You must read [monitoring](#monitoring)."),
        "jurisdictions/de/overlays/monitoring.yaml": "clause: monitoring\naction: remove\nreason: Not used here.\n",
    }
    problems = run_lint(tmp_path / "repo", files)
    assert found(problems, "C006") == [("C006", "jurisdictions/de/overlays/monitoring.yaml", 2, 9)]
    assert "posting" in next(p.message for p in problems if p.code == "C006")


def test_replaced_body_is_checked_in_the_overlay(tmp_path):
    overlay = ("clause: confidentiality\naction: replace\nreason: Local law.\nwith:\n  title: Confidentiality\n"
               "  level: must\n  owner: legal\n  body: |\n    Keep secrets etc.\n")
    problems = run_lint(tmp_path / "repo", {"jurisdictions/eu/overlays/confidentiality.yaml": overlay})
    path = "jurisdictions/eu/overlays/confidentiality.yaml"
    assert ("C001", path, 9, 5) in found(problems, "C001")
    assert found(problems, "C002") == [("C002", path, 9, 18)]


def test_plain_scalar_positions_follow_the_word(tmp_path):
    # Bodies written as plain or folded scalars: the word is found in the file.
    text = ("id: posting\ntitle: Posting\nsection: scope\nlevel: should\nowner: legal\n"
            "body: You should post news\n  and updates etc. when ready.\n")
    problems = run_lint(tmp_path / "repo", {CLAUSE: text})
    assert found(problems, "C002") == [("C002", CLAUSE, 7, 15)]


# --- legal rules declared as data -----------------------------------------------------------------

EU_RULES = """\
id: eu
name: European Union
rules:
  - id: monitoring-purpose
    message: A monitoring clause has to state its purpose.
    reference: GDPR Art. 5(1)(b)
    tags: [monitoring]
    require: purpose
  - id: no-consent-basis
    message: Do not base monitoring on consent.
    reference: GDPR Art. 6
    forbid: based\\s+on\\s+(your\\s+)?consent
"""


def test_require_rule_flags_the_tagged_clause_once(tmp_path):
    problems = run_lint(tmp_path / "repo", {"jurisdictions/eu/jurisdiction.yaml": EU_RULES})
    flagged = found(problems, "L/eu/monitoring-purpose")
    # the base clause is shared by eu and de: one problem, at its body
    assert flagged == [("L/eu/monitoring-purpose", "policy/social-media/monitoring.yaml", 6, 7)]
    problem = next(p for p in problems if p.code == "L/eu/monitoring-purpose")
    assert "GDPR Art. 5(1)(b)" in problem.message and problem.hint == "GDPR Art. 5(1)(b)"
    assert problem.severity == "error"


def test_require_rule_is_met_by_an_overlay_note(tmp_path):
    overlay = ("clause: monitoring\naction: amend\nreason: GDPR.\nappend: |\n"
               "  The purpose is to protect the company's accounts.\n")
    problems = run_lint(tmp_path / "repo", {"jurisdictions/eu/jurisdiction.yaml": EU_RULES,
                                            "jurisdictions/eu/overlays/monitoring.yaml": overlay})
    assert found(problems, "L/eu/monitoring-purpose") == []


def test_forbid_rule_reports_the_overlay_text_and_skips_dont_examples(tmp_path):
    overlay = ("clause: monitoring\naction: amend\nreason: GDPR.\nappend: |\n"
               "  The purpose is security. Monitoring is based on\n  your consent.\n"
               "examples:\n  dont:\n    - Say monitoring is based on consent.\n")
    problems = run_lint(tmp_path / "repo", {"jurisdictions/eu/jurisdiction.yaml": EU_RULES,
                                            "jurisdictions/de/overlays/monitoring.yaml": overlay})
    # the match spans a line break; the "don't" example is not checked; global and eu are untouched
    assert found(problems, "L/eu/no-consent-basis") == [
        ("L/eu/no-consent-basis", "jurisdictions/de/overlays/monitoring.yaml", 5, 42)]


def test_forbid_rule_does_not_apply_above_its_jurisdiction(tmp_path):
    de = ("id: de\nname: Germany\nparent: eu\nrules:\n  - id: no-secrets\n    message: No secrets.\n"
          "    reference: Law\n    forbid: confidential\n")
    problems = run_lint(tmp_path / "repo", {"jurisdictions/de/jurisdiction.yaml": de})
    # confidentiality's base title and body say "confidential": flagged once each, for de only
    path = "policy/social-media/confidentiality.yaml"
    assert found(problems, "L/de/no-secrets") == [("L/de/no-secrets", path, 2, 8),
                                                  ("L/de/no-secrets", path, found_line(tmp_path / "repo"), 40)]


def found_line(root: Path) -> int:
    text = (root / "policy/social-media/confidentiality.yaml").read_text()
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith("body:"))


def test_rule_severity_comes_from_the_data(tmp_path):
    rules = EU_RULES.replace("    forbid:", "    severity: warning\n    forbid:")
    overlay = "clause: monitoring\naction: amend\nreason: GDPR.\nappend: |\n  It is based on consent.\n"
    problems = run_lint(tmp_path / "repo", {"jurisdictions/eu/jurisdiction.yaml": rules,
                                            "jurisdictions/eu/overlays/monitoring.yaml": overlay})
    assert [p.severity for p in problems if p.code == "L/eu/no-consent-basis"] == ["warning"]
