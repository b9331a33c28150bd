"""C007: fixtures it flags (file, line, column of the first problem) and fixtures it does not."""

from __future__ import annotations

import pytest

from .helpers import CLAUSE, clause_yaml, rule_cases

# (code, files, expected (path, line, column) of the first problem of that code)
FLAGGED = [
    pytest.param("C007", {"policy/social-media/secrecy.yaml": clause_yaml(
        "secrecy", "You must keep client information confidential.")},
                 ("policy/social-media/secrecy.yaml", 7, 3), id="C007-duplicate"),
]

NOT_FLAGGED = [
    pytest.param("C007", {CLAUSE: clause_yaml("posting", "You must ask your manager before you post.")},
                 id="C007"),
]


test_flags, test_passes = rule_cases(FLAGGED, NOT_FLAGGED)
