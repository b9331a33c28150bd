"""X004: fixtures it flags (file, line, column of the first problem) and fixtures it does not."""

from __future__ import annotations

import pytest

from .helpers import CLAUSE, clause_yaml, found, run_lint

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


@pytest.mark.parametrize("code, files, expected", FLAGGED)
def test_flags(tmp_path, code, files, expected):
    problems = found(run_lint(tmp_path / "repo", files), code)
    assert problems, f"{code} found nothing"
    assert problems[0] == (code, *expected)


@pytest.mark.parametrize("code, files", NOT_FLAGGED)
def test_passes(tmp_path, code, files):
    problems = run_lint(tmp_path / "repo", files)
    assert found(problems, code) == []
