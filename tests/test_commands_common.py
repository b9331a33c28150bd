"""commands/_common.py: the refusal on errors every command shares, and problem printing."""

from __future__ import annotations

import pytest

from clausebook.commands._common import emit, refuse_on_errors
from clausebook.core.problems import Problem

from .repos import write_repo

ERROR = Problem("policy/a.yaml", 3, 1, "error", "S001", "bad level")
WARNING = Problem("policy/a.yaml", 4, 1, "warning", "C003", "long sentence")


def test_refusal_prints_only_the_errors_and_what_was_not_done(capsys):
    assert refuse_on_errors([ERROR, WARNING], "nothing was written") == 1
    out, err = capsys.readouterr()
    assert out == f"{ERROR}\n"
    assert err == "clausebook: the repository has errors (above); nothing was written\n"


def test_no_refusal_without_errors(capsys):
    assert refuse_on_errors([WARNING]) == 0
    assert capsys.readouterr() == ("", "")


def test_emit_returns_1_on_errors_and_prints_the_summary_for_text_only(capsys):
    assert emit([WARNING], "text", 2) == 0
    out, err = capsys.readouterr()
    assert out == f"{WARNING}\n" and err == "2 files checked: 0 errors, 1 warning\n"
    assert emit([ERROR], "json", 2) == 1
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("argv, consequence", [
    (("resolve", "-j", "global"), "fix them first (`clausebook validate`)"),
    (("explain", "x", "-j", "global"), "fix them first (`clausebook validate`)"),
    (("render", "--out", "{out}"), "the handbook is not rendered until they are fixed"),
    (("codeowners",), ".github/CODEOWNERS would miss the files they affect, so it was not written"),
    (("codeowners", "--check"), ".github/CODEOWNERS would miss the files they affect, so it was not checked"),
    (("review", "status"), "fix them first (`clausebook validate`)"),
])
def test_every_command_refuses_a_repository_with_errors_the_same_way(run, tmp_path, argv, consequence):
    root = write_repo(tmp_path / "repo", {"policy/social-media/broken.yaml": "id: broken\nlevel: [\n"})
    result = run("--root", root, *(a.format(out=tmp_path / "out") for a in argv))
    assert result.code == 1, result
    assert result.out and all(" error " in line for line in result.out.splitlines())
    assert result.err.endswith("clausebook: the repository has errors (above); " + consequence + "\n")
