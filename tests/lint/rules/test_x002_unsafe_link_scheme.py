"""X002: fixtures it flags (file, line, column of the first problem) and fixtures it does not."""

from __future__ import annotations

import pytest

from .helpers import CLAUSE, clause_yaml, found, run_lint

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


@pytest.mark.parametrize("code, files, expected", FLAGGED)
def test_flags(tmp_path, code, files, expected):
    problems = found(run_lint(tmp_path / "repo", files), code)
    assert problems, f"{code} found nothing"
    assert problems[0] == (code, *expected)


@pytest.mark.parametrize("code, files", NOT_FLAGGED)
def test_passes(tmp_path, code, files):
    problems = run_lint(tmp_path / "repo", files)
    assert found(problems, code) == []
