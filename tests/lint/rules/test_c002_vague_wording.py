"""C002: fixtures it flags (file, line, column of the first problem) and fixtures it does not."""

from __future__ import annotations

import pytest

from .helpers import CLAUSE, clause_yaml, rule_cases

# (code, files, expected (path, line, column) of the first problem of that code)
FLAGGED = [
    pytest.param("C002", {CLAUSE: clause_yaml("posting", "You must remove posts as appropriate.")},
                 (CLAUSE, 7, 25), id="C002-as-appropriate"),
    pytest.param("C002", {CLAUSE: clause_yaml("posting", "You must answer in a reasonable time.")},
                 (CLAUSE, 7, 24), id="C002-reasonable-without-test"),
]

NOT_FLAGGED = [
    pytest.param("C002", {CLAUSE: clause_yaml("posting", "You must answer within a reasonable time, for example "
                                                         "two working days. Code like `a and/or b` is fine.")},
                 id="C002"),
]


test_flags, test_passes = rule_cases(FLAGGED, NOT_FLAGGED)
