"""X001: fixtures it flags (file, line, column of the first problem) and fixtures it does not."""

from __future__ import annotations

import pytest

from .helpers import CLAUSE, clause_yaml, rule_cases

# (code, files, expected (path, line, column) of the first problem of that code)
FLAGGED = [
    pytest.param("X001", {CLAUSE: clause_yaml("posting", "You must <b>never</b> post.")},
                 (CLAUSE, 7, 12), id="X001-raw-html"),
    pytest.param("X001", {CLAUSE: clause_yaml("posting", "You must ask.\n<!-- hidden -->")},
                 (CLAUSE, 8, 3), id="X001-comment"),
]

NOT_FLAGGED = [
    pytest.param("X001", {CLAUSE: clause_yaml("posting", "You must use `<b>` never; see <https://example.com>. "
                                                         "2 < 3 and 4 > 1.")}, id="X001"),
]


test_flags, test_passes = rule_cases(FLAGGED, NOT_FLAGGED)
