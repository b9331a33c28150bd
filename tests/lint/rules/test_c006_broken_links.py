"""C006: fixtures it flags (file, line, column of the first problem) and fixtures it does not."""

from __future__ import annotations

import pytest

from .helpers import CLAUSE, clause_yaml, rule_cases

# (code, files, expected (path, line, column) of the first problem of that code)
FLAGGED = [
    pytest.param("C006", {CLAUSE: clause_yaml("posting", "You must read the [rules](#monitorng).")},
                 (CLAUSE, 7, 29), id="C006-unknown-anchor"),
    pytest.param("C006", {CLAUSE: clause_yaml("posting", "You must read\nthe [guide](guide.md).")},
                 (CLAUSE, 8, 15), id="C006-relative"),
    pytest.param("C006", {CLAUSE: clause_yaml("posting", "You must read the [guide][g].")},
                 (CLAUSE, 7, 21), id="C006-undefined-reference"),
    pytest.param("C006", {CLAUSE: clause_yaml("posting", "You must read the [guide](https://example.com.")},
                 (CLAUSE, 7, 21), id="C006-unclosed"),
]

NOT_FLAGGED = [
    pytest.param("C006", {CLAUSE: clause_yaml("posting", "You must read [this](#monitoring), [that][t] and "
                                                         "<https://example.com>.\n\n[t]: https://example.com/t")},
                 id="C006"),
]


test_flags, test_passes = rule_cases(FLAGGED, NOT_FLAGGED)
