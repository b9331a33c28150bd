"""C003: fixtures it flags (file, line, column of the first problem) and fixtures it does not."""

from __future__ import annotations

import pytest

from .helpers import CLAUSE, clause_yaml, rule_cases

# (code, files, expected (path, line, column) of the first problem of that code)
FLAGGED = [
    pytest.param("C003", {CLAUSE: clause_yaml("posting", "Short first sentence. You must " + "really " * 36 + "stop.")},
                 (CLAUSE, 7, 25), id="C003-long-sentence"),
]

NOT_FLAGGED = [
    pytest.param("C003", {CLAUSE: clause_yaml("posting", "You must ask first.\n\n- " + "\n- ".join(
        ["one short item of a list"] * 10))}, id="C003"),
]


test_flags, test_passes = rule_cases(FLAGGED, NOT_FLAGGED)
