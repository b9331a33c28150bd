"""X003: fixtures it flags (file, line, column of the first problem) and fixtures it does not."""

from __future__ import annotations

import pytest

from .helpers import CLAUSE, clause_yaml, rule_cases

# (code, files, expected (path, line, column) of the first problem of that code)
FLAGGED = [
    pytest.param("X003", {CLAUSE: clause_yaml("posting", "You must read http://example.com/rules today.")},
                 (CLAUSE, 7, 17), id="X003-bare-http"),
    pytest.param("X003", {CLAUSE: clause_yaml("posting", "You must read [it](http://example.com).")},
                 (CLAUSE, 7, 22), id="X003-link"),
]

NOT_FLAGGED = [
    pytest.param("X003", {CLAUSE: clause_yaml("posting", "You must read [it](https://example.com), "
                                                         "`http://localhost` is code.")}, id="X003"),
]


test_flags, test_passes = rule_cases(FLAGGED, NOT_FLAGGED)
