"""C003: fixtures it flags (file, line, column of the first problem) and fixtures it does not."""

from __future__ import annotations

import pytest

from .helpers import CLAUSE, clause_yaml, found, run_lint

# (code, files, expected (path, line, column) of the first problem of that code)
FLAGGED = [
    pytest.param("C003", {CLAUSE: clause_yaml("posting", "Short first sentence. You must " + "really " * 36 + "stop.")},
                 (CLAUSE, 7, 25), id="C003-long-sentence"),
]

NOT_FLAGGED = [
    pytest.param("C003", {CLAUSE: clause_yaml("posting", "You must ask first.\n\n- " + "\n- ".join(
        ["one short item of a list"] * 10))}, id="C003"),
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
