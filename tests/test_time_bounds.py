"""Pathological but valid input: every command stays within a few seconds.

Each text is under the 20,000-character body limit: brackets nested and
unmatched, long words, a few words repeated thousands of times, deep lists,
a long chain of jurisdictions each amending one clause, and a user pattern
that backtracks exponentially. Each used to take from tens of seconds to
forever (in `lint`, `mkdocs build`, the word redline, a jurisdiction rule).
"""

from __future__ import annotations

import time

import pytest

from clausebook.diff.redline import redline
from clausebook.site.safe import markdown

from .lint.rules.helpers import clause_yaml
from .repos import write_repo

LIMIT = 4.0  # seconds, on a shared machine; each case took 0.3-2 s when measured

PATHOLOGICAL = {
    "nested-brackets": "You must " + "[" * 4000 + "x" + "]" * 4000,
    "unclosed-links": "You must " + "[a](" * 3000,
    "bracket-parens": "You must " + "[" * 2500 + "](" * 2500,
    "images": "You must " + "![" * 4000,
    "emphasis": "You must " + "*a " * 2500 + "_b " * 2500,
    "backticks": "You must " + "`a ``b " * 2000,
    "angle-brackets": "You must " + "<a " * 4000,
    "long-word": "You must " + "a" * 19000,
    "repeated-words": "You must " + "the " * 4500,
    "deep-list": "You must\n" + "".join("  " * i + "- x\n" for i in range(120)),
}
CLAUSE = "policy/social-media/slow.yaml"


def _timed(run, *args: str) -> tuple[object, float]:
    start = time.perf_counter()
    result = run(*args)
    return result, time.perf_counter() - start


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_lint_and_render_stay_fast(name, tmp_path, run):
    root = write_repo(tmp_path / "repo", {CLAUSE: clause_yaml("slow", PATHOLOGICAL[name])})
    for args in (("validate",), ("lint",), ("resolve", "--jurisdiction", "de"),
                 ("explain", "slow", "--jurisdiction", "de"), ("render", "--out", str(tmp_path / "out"))):
        result, elapsed = _timed(run, "--root", root, *args)
        assert result.code in (0, 1), result
        assert elapsed < LIMIT, f"{args[0]} took {elapsed:.1f}s on {name}"


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_the_site_markdown_for_editor_text_stays_fast_to_render(name):
    import markdown as python_markdown

    start = time.perf_counter()
    python_markdown.markdown(markdown(PATHOLOGICAL[name]), extensions=["attr_list", "admonition"])
    assert time.perf_counter() - start < LIMIT


def test_redline_of_a_19_kb_clause_of_few_words_is_bounded():
    before = " ".join("ab"[i * 7 % 3 % 2] for i in range(9000))
    after = " ".join("ab"[i * 5 % 3 % 2] for i in range(9000))
    start = time.perf_counter()
    segments = redline(before, after)
    assert time.perf_counter() - start < LIMIT
    # Still a correct redline: the kept and deleted words give the old text, kept and inserted the new.
    assert "".join(s.text for s in segments if s.op != "insert").split() == before.split()
    assert "".join(s.text for s in segments if s.op != "delete").split() == after.split()


def test_diff_of_a_19_kb_clause_is_bounded(tmp_path, run, git_repo):
    git_repo.commit("Start", {CLAUSE: clause_yaml("slow", "You must " + "the law " * 2300)}, base=True)
    write_repo(git_repo.root, {CLAUSE: clause_yaml("slow", "You must " + "a law the " * 1800)}, base=False)
    result, elapsed = _timed(run, "--root", git_repo.root, "diff", "HEAD")
    assert result.code == 0 and "slow" in result.out
    assert elapsed < LIMIT


def test_many_overlays_on_one_clause(tmp_path, run):
    files = {}
    parent = None
    for depth in range(60):
        jid = f"j{depth}"
        files[f"jurisdictions/{jid}/jurisdiction.yaml"] = (f"id: {jid}\nname: J{depth}\n"
                                                           + (f"parent: {parent}\n" if parent else ""))
        files[f"jurisdictions/{jid}/overlays/monitoring.yaml"] = (
            f"clause: monitoring\naction: amend\nreason: local law {depth}\nappend: Note {depth} [a](https://x.example)\n")
        parent = jid
    root = write_repo(tmp_path / "repo", files)
    for args in (("validate",), ("lint",), ("explain", "monitoring", "--jurisdiction", "j59"),
                 ("render", "--out", str(tmp_path / "out"))):
        result, elapsed = _timed(run, "--root", root, *args)
        assert result.code in (0, 1), result
        assert elapsed < LIMIT, f"{args[0]} took {elapsed:.1f}s"


def test_a_backtracking_rule_pattern_is_stopped_and_reported(tmp_path, run):
    root = write_repo(tmp_path / "repo", {
        "jurisdictions/eu/jurisdiction.yaml": "id: eu\nname: EU\nrules:\n  - id: runaway\n    message: m\n"
                                              "    reference: r\n    forbid: \"(a|aa)+$\"\n",
        CLAUSE: clause_yaml("slow", "You must " + "a" * 60 + "!"),
    })
    result, elapsed = _timed(run, "--root", root, "lint")
    assert elapsed < LIMIT
    assert result.code == 1
    reported = [line for line in result.out.splitlines() if "L/eu/runaway" in line]
    assert len(reported) == 1 and reported[0].startswith("jurisdictions/eu/jurisdiction.yaml:7:")
    assert "took longer" in reported[0]
