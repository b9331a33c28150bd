"""C002: fixtures it flags (file, line, column of the first problem) and fixtures it does not."""

from __future__ import annotations

import pytest

from .helpers import CLAUSE, clause_yaml, found, run_lint

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


@pytest.mark.parametrize("code, files, expected", FLAGGED)
def test_flags(tmp_path, code, files, expected):
    problems = found(run_lint(tmp_path / "repo", files), code)
    assert problems, f"{code} found nothing"
    assert problems[0] == (code, *expected)


@pytest.mark.parametrize("code, files", NOT_FLAGGED)
def test_passes(tmp_path, code, files):
    problems = run_lint(tmp_path / "repo", files)
    assert found(problems, code) == []
