"""X001: fixtures it flags (file, line, column of the first problem) and fixtures it does not."""

from __future__ import annotations

import pytest

from .helpers import CLAUSE, clause_yaml, found, run_lint

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


@pytest.mark.parametrize("code, files, expected", FLAGGED)
def test_flags(tmp_path, code, files, expected):
    problems = found(run_lint(tmp_path / "repo", files), code)
    assert problems, f"{code} found nothing"
    assert problems[0] == (code, *expected)


@pytest.mark.parametrize("code, files", NOT_FLAGGED)
def test_passes(tmp_path, code, files):
    problems = run_lint(tmp_path / "repo", files)
    assert found(problems, code) == []
