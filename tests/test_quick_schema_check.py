"""The compiled yes/no schema check (jsonschema-rs) answers exactly as jsonschema does.

A wrong "valid" would hide a real error, so the check is compared with
`Draft202012Validator.is_valid` on thousands of documents: real clause,
overlay, policy, jurisdiction and owners files, and random mutations of
them (missing keys, wrong types, bad ids, impossible dates, broken regexes,
repeated list items, unknown keys, wrong overlay actions).
"""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path

import pytest

from clausebook.core import schemas
from clausebook.core.assemble import classify
from clausebook.core.loader import parse

from .repos import BASE_FILES

PROJECT_ROOT = Path(__file__).resolve().parent.parent

OVERLAYS = {
    "jurisdictions/de/overlays/monitoring.yaml": """\
clause: monitoring
action: amend
reason: Works council co-determination.
references:
  - {title: BetrVG § 87, url: "https://www.gesetze-im-internet.de/betrvg/__87.html", cite: § 87(1) Nr. 6}
set: {level: must, review_months: 6, audience: [employees]}
append: The works council must agree first.
examples: {do: [Ask the works council.], dont: [Start without it.]}
""",
    "jurisdictions/de/overlays/new-rule.yaml": """\
clause: new-rule
action: add
reason: Local law.
with: {title: New rule, section: scope, level: may, owner: legal, body: You may ask., order: 3, tags: [a-b]}
""",
    "jurisdictions/eu/overlays/confidentiality.yaml": """\
clause: confidentiality
action: replace
reason: Stricter here.
with: {title: Confidentiality, level: must, owner: legal, body: Keep it secret., effective: 2024-02-29}
""",
    "jurisdictions/eu/overlays/monitoring.yaml": "clause: monitoring\naction: remove\nreason: Not allowed.\n",
    "jurisdictions/de/jurisdiction.yaml": """\
id: de
name: Germany
parent: eu
locale: de-DE
rules:
  - {id: no-x, message: No x., reference: Law 1, forbid: "\\\\bx\\\\b", severity: warning}
  - {id: needs-y, message: Needs y., reference: Law 2, tags: [monitoring], require: "works council|Betriebsrat"}
""",
}


TRANSLATION = """\
source: sha256:0000000000000000000000000000000000000000000000000000000000000000
title: Überwachung
body: Das Sicherheitsteam prüft öffentliche Beiträge.
examples: {do: [Fragen Sie nach.], dont: [Raten Sie.]}
"""


def _documents() -> list[tuple[str, dict]]:
    files = {**BASE_FILES, **OVERLAYS, "policy/social-media/i18n/de/monitoring.yaml": TRANSLATION}
    for folder in ("policy", "jurisdictions"):
        for path in sorted((PROJECT_ROOT / folder).rglob("*.yaml")):
            files[path.relative_to(PROJECT_ROOT).as_posix()] = path.read_text(encoding="utf-8")
    found = []
    for path, text in files.items():
        kind = classify(path)
        doc, problems = parse(path, text.encode("utf-8"))
        if kind is not None and doc is not None and not problems:
            found.append((kind[0], doc.data))
    return found


REPLACEMENTS = [None, True, False, 0, 1, 1.0, 1.5, -3, 61, "", " ", "\n", "x", "Bad_Id", "bad--id", "a" * 130,
                "2024-02-30", "2024-2-3", "2024-02-29", "must", "mandatory", "amend", "replace", "remove", "add",
                "(unclosed", "https://example.org/x", "http://insecure", "@example/team", "no-at-sign",
                "someone@example.com", [], ["a"], ["a", "a"], ["a", 1], [{"title": "T"}], {}, {"title": "T"},
                {"do": ["x"]}, {"do": [""]}, [[]], [{}]]


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, path + (index,))


def _mutate(data: dict, rng: random.Random) -> dict:
    data = copy.deepcopy(data)
    for _ in range(rng.randint(1, 3)):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = rng.choice(paths)
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        move = rng.random()
        if move < 0.2 and isinstance(parent, dict):
            del parent[path[-1]]
        elif move < 0.3 and isinstance(parent, dict):
            parent[rng.choice(["extra", "Title", "with", "set", "append", "examples", "tags", "lint_ignore"])] = \
                copy.deepcopy(rng.choice(REPLACEMENTS))
        elif move < 0.35 and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
        else:
            parent[path[-1]] = copy.deepcopy(rng.choice(REPLACEMENTS))
    return data


@pytest.fixture(scope="module")
def checkers():
    quick = schemas.quick_checks(schemas.PACKAGED_SCHEMAS)
    full = schemas.validators(schemas.PACKAGED_SCHEMAS)
    return quick, full


def test_every_shipped_schema_compiles(checkers):
    quick, _ = checkers
    assert sorted(quick) == sorted(schemas.KINDS)


# Patterns where Python's `re` and ECMA-262 (jsonschema-rs' own `regex` format) disagree.
DISPUTED_PATTERNS = [r"(?P<name>x)", r"(?<name>x)", r"\p{L}+", r"\Ax\Z", r"(?i)works council", r"[[:alpha:]]",
                     r"x{2,1}", r"(?<=a)b", r"a++", r"\u00e9", r"(", "\\"]


@pytest.mark.filterwarnings("ignore:Possible nested set:FutureWarning")  # Python's own word on "[[:alpha:]]"
@pytest.mark.parametrize("pattern", DISPUTED_PATTERNS)
def test_jurisdiction_rule_patterns_are_judged_as_python_judges_them(checkers, pattern):
    quick, full = checkers
    document = parse("jurisdictions/de/jurisdiction.yaml", OVERLAYS["jurisdictions/de/jurisdiction.yaml"].encode())[0]
    assert document is not None
    data = document.data
    data["rules"][0]["forbid"] = pattern
    assert quick["jurisdiction"](data) is full["jurisdiction"].is_valid(data)


def test_answers_exactly_as_jsonschema_on_real_and_mutated_documents(checkers):
    quick, full = checkers
    documents = _documents()
    assert {kind for kind, _ in documents} == set(schemas.KINDS)
    rng = random.Random(7)
    compared = invalid = 0
    for kind, data in documents:
        if kind not in quick:
            continue
        for candidate in [data] + [_mutate(data, rng) for _ in range(60)]:
            expected = full[kind].is_valid(candidate)
            assert quick[kind](candidate) is expected, (kind, candidate)
            compared += 1
            invalid += not expected
    assert compared > 2000 and invalid > compared // 3  # the mutations really produce errors


def test_a_repository_with_a_broken_schema_folder_still_fails_as_before(tmp_path):
    for file in schemas.PACKAGED_SCHEMAS.glob("*.schema.json"):
        (tmp_path / file.name).write_bytes(file.read_bytes())
    (tmp_path / "clause.schema.json").write_text(
        json.dumps({"$id": "https://clausebook.dev/schema/clause.schema.json", "type": 5}), encoding="utf-8")
    from jsonschema.exceptions import SchemaError

    with pytest.raises(SchemaError):
        schemas.quick_checks(tmp_path)
