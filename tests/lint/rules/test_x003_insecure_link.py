"""X003: fixtures it flags (file, line, column of the first problem) and fixtures it does not."""

from __future__ import annotations

import pytest

from .helpers import CLAUSE, clause_yaml, found, run_lint

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


@pytest.mark.parametrize("code, files, expected", FLAGGED)
def test_flags(tmp_path, code, files, expected):
    problems = found(run_lint(tmp_path / "repo", files), code)
    assert problems, f"{code} found nothing"
    assert problems[0] == (code, *expected)


@pytest.mark.parametrize("code, files", NOT_FLAGGED)
def test_passes(tmp_path, code, files):
    problems = run_lint(tmp_path / "repo", files)
    assert found(problems, code) == []
