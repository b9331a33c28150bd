"""L: legal rules that jurisdictions declare as data (forbid, require), reported as L/<jurisdiction>/<id>."""

from __future__ import annotations

from pathlib import Path

from .helpers import found, run_lint

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
