"""X004: fixtures it flags (file, line, column of the first problem) and fixtures it does not."""

from __future__ import annotations

import pytest

from .helpers import CLAUSE, clause_yaml, rule_cases

# (code, files, expected (path, line, column) of the first problem of that code)
FLAGGED = [
    pytest.param("X004", {CLAUSE: clause_yaml("posting", "You must see\n![logo](https://cdn.example.com/l.png)")},
                 (CLAUSE, 8, 3), id="X004-remote-image"),
    pytest.param("X004", {CLAUSE: clause_yaml("posting", 'You must see <iframe src="https://e.example"></iframe>')},
                 (CLAUSE, 7, 16), id="X004-iframe"),
]

NOT_FLAGGED = [
    pytest.param("X004", {CLAUSE: clause_yaml("posting", "You must watch the [video](https://example.com/v).")},
                 id="X004"),
]


test_flags, test_passes = rule_cases(FLAGGED, NOT_FLAGGED)
