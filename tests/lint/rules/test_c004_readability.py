"""C004: fixtures it flags (file, line, column of the first problem) and fixtures it does not."""

from __future__ import annotations

import pytest

from .helpers import CLAUSE, clause_yaml, found, run_lint

# (code, files, expected (path, line, column) of the first problem of that code)
FLAGGED = [
    pytest.param("C004", {CLAUSE: clause_yaml("posting", (
        "You must acknowledge that notwithstanding organisational communication infrastructure considerations, "
        "personnel utilising institutional dissemination mechanisms for non-operational purposes shall be "
        "subject to proportionate disciplinary consideration, irrespective of contractual characterisation. "
        "Organisational determinations regarding applicability remain discretionary."))},
                 (CLAUSE, 7, 3), id="C004-hard-to-read"),
]

NOT_FLAGGED = [
    pytest.param("C004", {CLAUSE: clause_yaml("posting", (
        "You must ask your manager before you post about a client. Tell them what you want to say and where. "
        "If they say no, do not post it. You can ask the comms team for help."))}, id="C004"),
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
