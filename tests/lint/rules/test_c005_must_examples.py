"""C005: fixtures it flags (file, line, column of the first problem) and fixtures it does not."""

from __future__ import annotations

import pytest

from .helpers import CLAUSE, clause_yaml, found, run_lint

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


@pytest.mark.parametrize("code, files, expected", FLAGGED)
def test_flags(tmp_path, code, files, expected):
    problems = found(run_lint(tmp_path / "repo", files), code)
    assert problems, f"{code} found nothing"
    assert problems[0] == (code, *expected)


@pytest.mark.parametrize("code, files", NOT_FLAGGED)
def test_passes(tmp_path, code, files):
    problems = run_lint(tmp_path / "repo", files)
    assert found(problems, code) == []
