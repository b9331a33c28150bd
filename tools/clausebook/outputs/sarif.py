"""Problems as SARIF 2.1.0, the format GitHub code scanning reads.

Every rule is listed in `tool.driver.rules` (summary, description, bad and
good examples as help), so code scanning can explain a finding; `ruleId` is
the stable code and `name` a readable identifier made from the summary
("RawHtmlInClauseText"; the SARIF multitool warns when the two are equal).
X (security) rules carry a `security-severity` and the `security` tag, so
code scanning ranks them; the driver's `informationUri` is the project's
home page. `partialFingerprints` do not depend on the line, so a
finding that moves because lines were added above it stays the same alert.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from importlib import metadata
from typing import TYPE_CHECKING, Any

from clausebook import __version__
from clausebook.core.problems import Problem

if TYPE_CHECKING:  # the rule registry imports every rule: load it only when a log is written
    from clausebook.lint.registry import RuleDoc

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "clausebookFinding/v1"
# Where a reader of a code-scanning alert learns what clausebook is (pyproject's [project.urls] Homepage).
DEFAULT_INFORMATION_URI = "https://github.com/example/clausebook"
# Code scanning's scale: 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low.
SECURITY_SEVERITY = {"error": "7.5", "warning": "5.0", "info": "2.0"}


def information_uri() -> str:
    try:
        urls = metadata.metadata("clausebook").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return DEFAULT_INFORMATION_URI
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "homepage" and url.strip():
            return url.strip()
    return DEFAULT_INFORMATION_URI


def rule_name(code: str, summary: str) -> str:
    """A readable identifier from the summary, never equal to the code: "RawHtmlInClauseText"."""
    words = [w for w in re.findall(r"[A-Za-z0-9]+", summary) if w.lower() not in {"a", "an", "the", "s"}][:6]
    name = "".join(w[:1].upper() + w[1:] for w in words)
    return name if name and name != code else f"Rule{code.replace('/', '')}"


def _rule_entry(doc: RuleDoc) -> dict[str, Any]:
    from clausebook.lint.registry import FAMILIES

    help_text = f"{doc.description}\n\nBad:\n\n{doc.bad}\n\nGood:\n\n{doc.good}"
    help_markdown = f"{doc.description}\n\n**Bad:**\n\n```yaml\n{doc.bad}\n```\n\n**Good:**\n\n```yaml\n{doc.good}\n```"
    properties: dict[str, Any] = {"tags": [FAMILIES.get(doc.family, doc.family)]}
    if doc.family == "X":
        properties["tags"].append("security")
        properties["security-severity"] = SECURITY_SEVERITY.get(doc.severity, "5.0")
    return {
        "id": doc.code,
        "name": rule_name(doc.code, doc.summary),
        "shortDescription": {"text": doc.summary},
        "fullDescription": {"text": doc.description or doc.summary},
        "help": {"text": help_text, "markdown": help_markdown},
        "defaultConfiguration": {"level": _LEVELS.get(doc.severity, "warning")},
        "properties": properties,
    }


def _jurisdiction_rule_entry(problem: Problem) -> dict[str, Any]:
    _, jurisdiction, rule_id = problem.code.split("/", 2)
    summary = f"Legal rule '{rule_id}' of jurisdiction '{jurisdiction}' (declared in its jurisdiction.yaml)."
    entry = {
        "id": problem.code,
        "name": rule_name(problem.code, f"Legal rule {rule_id} of {jurisdiction}"),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": summary + (f" Reference: {problem.hint}" if problem.hint else "")},
        "help": {"text": f"See `clausebook rules {problem.code}`."
                         + (f" Reference: {problem.hint}" if problem.hint else "")},
        "defaultConfiguration": {"level": _LEVELS.get(problem.severity, "error")},
        "properties": {"tags": ["Legal"]},
    }
    return entry


def _fingerprint(problem: Problem, occurrence: int) -> str:
    key = "\0".join((problem.code, problem.path, problem.message, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def format_sarif(problems: Sequence[Problem]) -> str:
    from clausebook.lint.registry import rule_docs

    rules = [_rule_entry(doc) for doc in rule_docs()]
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = []
    seen: dict[tuple[str, str, str], int] = {}
    for problem in problems:
        if problem.code not in index:
            if problem.code.startswith("L/") and problem.code.count("/") == 2:
                rules.append(_jurisdiction_rule_entry(problem))
            else:
                rules.append({"id": problem.code, "shortDescription": {"text": problem.code}})
            index[problem.code] = len(rules) - 1
        key = (problem.code, problem.path, problem.message)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        message = problem.message
        if problem.hint and problem.hint not in message:
            message = f"{message} ({problem.hint})"
        results.append({
            "ruleId": problem.code,
            "ruleIndex": index[problem.code],
            "level": _LEVELS.get(problem.severity, "warning"),
            "message": {"text": message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": problem.path, "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": max(problem.line, 1), "startColumn": max(problem.column, 1)},
                }
            }],
            "partialFingerprints": {FINGERPRINT: _fingerprint(problem, occurrence)},
        })
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "clausebook",
                "version": __version__,
                "informationUri": information_uri(),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
