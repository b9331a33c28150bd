"""C005: fixtures it flags (file, line, column of the first problem) and fixtures it does not."""

from __future__ import annotations

import pytest

from .helpers import CLAUSE, clause_yaml, rule_cases

# (code, files, expected (path, line, column) of the first problem of that code)
FLAGGED = [
    pytest.param("C005", {CLAUSE: clause_yaml("posting", "You must ask first.", tail="")},
                 (CLAUSE, 4, 8), id="C005-no-examples"),
    pytest.param("C005", {CLAUSE: clause_yaml("posting", "You must ask first.",
                                              tail="examples:\n  do:\n    - Ask.\n")},
                 (CLAUSE, 9, 3), id="C005-no-dont"),
]

NOT_FLAGGED = [
    pytest.param("C005", {CLAUSE: clause_yaml("posting", "You should ask first.", level="should", tail="")},
                 id="C005"),
]


test_flags, test_passes = rule_cases(FLAGGED, NOT_FLAGGED)
