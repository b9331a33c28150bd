"""C007: fixtures it flags (file, line, column of the first problem) and fixtures it does not."""

from __future__ import annotations

import pytest

from .helpers import CLAUSE, clause_yaml, found, run_lint

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


@pytest.mark.parametrize("code, files, expected", FLAGGED)
def test_flags(tmp_path, code, files, expected):
    problems = found(run_lint(tmp_path / "repo", files), code)
    assert problems, f"{code} found nothing"
    assert problems[0] == (code, *expected)


@pytest.mark.parametrize("code, files", NOT_FLAGGED)
def test_passes(tmp_path, code, files):
    problems = run_lint(tmp_path / "repo", files)
    assert found(problems, code) == []
