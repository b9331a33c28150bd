"""C001: fixtures it flags (file, line, column of the first problem) and fixtures it does not."""

from __future__ import annotations

import pytest

from .helpers import CLAUSE, clause_yaml, found, run_lint

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


@pytest.mark.parametrize("code, files, expected", FLAGGED)
def test_flags(tmp_path, code, files, expected):
    problems = found(run_lint(tmp_path / "repo", files), code)
    assert problems, f"{code} found nothing"
    assert problems[0] == (code, *expected)


@pytest.mark.parametrize("code, files", NOT_FLAGGED)
def test_passes(tmp_path, code, files):
    problems = run_lint(tmp_path / "repo", files)
    assert found(problems, code) == []
