"""C001: fixtures it flags (file, line, column of the first problem) and fixtures it does not."""

from __future__ import annotations

import pytest

from .helpers import CLAUSE, clause_yaml, rule_cases

# (code, files, expected (path, line, column) of the first problem of that code)
FLAGGED = [
    pytest.param("C001", {CLAUSE: clause_yaml("posting", "Never share a client's name.")},
                 (CLAUSE, 7, 3), id="C001-must-without-must"),
    pytest.param("C001", {CLAUSE: clause_yaml("posting", "Teams post news.\nYou should ask first.", level="info",
                                              tail="")},
                 (CLAUSE, 8, 7), id="C001-info-obliges"),
]

NOT_FLAGGED = [
    pytest.param("C001", {CLAUSE: clause_yaml("posting", "You must not share a client's name.")}, id="C001"),
    pytest.param("C001", {CLAUSE: clause_yaml("posting", "Teams post news every week.", level="info", tail="")},
                 id="C001-info"),
]


test_flags, test_passes = rule_cases(FLAGGED, NOT_FLAGGED)
