"""X002: fixtures it flags (file, line, column of the first problem) and fixtures it does not."""

from __future__ import annotations

import pytest

from .helpers import CLAUSE, clause_yaml, rule_cases

# (code, files, expected (path, line, column) of the first problem of that code)
FLAGGED = [
    pytest.param("X002", {CLAUSE: clause_yaml("posting", "You must [check](JavaScript:alert(1)).")},
                 (CLAUSE, 7, 20), id="X002-javascript"),
    pytest.param("X002", {CLAUSE: clause_yaml("posting", "You must [see][s].\n\n[s]: data:text/html,hi")},
                 (CLAUSE, 9, 8), id="X002-data-definition"),
]

NOT_FLAGGED = [
    pytest.param("X002", {CLAUSE: clause_yaml("posting", "You must [write](mailto:legal@example.com).")}, id="X002"),
]


test_flags, test_passes = rule_cases(FLAGGED, NOT_FLAGGED)
