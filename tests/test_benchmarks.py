"""The benchmark generator and harness, at a tiny size, so that `make bench` cannot rot.

The corpus must be a repository clausebook accepts (the timings would
otherwise measure error reporting), the same for the same seed, and shaped
like the real thing: every overlay action, parent chains, review commits.
The harness must run end to end and print its one table with the peers.
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
import yaml
from benchmarks import __main__ as harness
from benchmarks.corpus import CorpusSpec, build, ensure_corpus
from benchmarks.corpus.files import ClauseFile
from benchmarks.harness.case import NOT_AVAILABLE, Case
from benchmarks.harness.corpus_cases import verify_check_jsonschema
from benchmarks.harness.process import Step
from benchmarks.harness.table import table

from clausebook.core.identity import content_key

SPEC = CorpusSpec(clauses=30, jurisdictions=10, commits=60)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build(SPEC, tmp_path_factory.mktemp("corpus") / "repo")


def git(root, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout


def test_the_corpus_validates_cleanly(corpus, run):
    result = run("--root", corpus.root, "validate")
    assert result.code == 0, result.out
    assert "0 errors, 0 warnings" in result.err


def test_every_revision_of_the_history_validates(corpus):
    from clausebook.source import GitSource
    from clausebook.workspace import open_source

    revisions = git(corpus.root, "rev-list", "main").split()
    assert len(revisions) == SPEC.total_commits
    for revision in revisions[::7]:
        with GitSource(corpus.root, revision) as source:
            problems = open_source(corpus.root, source).problems
        assert [p for p in problems if p.severity == "error"] == [], revision


def test_the_corpus_has_the_shape_of_a_real_policy_repository(corpus):
    meta = corpus.meta
    assert meta["clauses"] == SPEC.clauses
    assert meta["policies"] >= 3
    assert set(meta["overlay_actions"]) == {"amend", "replace", "remove", "add"}
    parents = meta["jurisdictions"]
    assert len(parents) == SPEC.jurisdictions

    def depth(jurisdiction: str) -> int:
        return 1 + (depth(parents[jurisdiction]) if parents[jurisdiction] else 0)

    assert max(depth(j) for j in parents) == 3
    trailers = git(corpus.root, "log", "--format=%(trailers:key=Policy-Reviewed,valueonly)").split()
    assert len(trailers) >= 5
    years = {line[:4] for line in git(corpus.root, "log", "--format=%cI").split()}
    assert len(years) >= 5  # fixed dates spread over years
    renames = git(corpus.root, "log", "--format=", "-M", "--diff-filter=R", "--name-status").strip()
    subjects = git(corpus.root, "log", "--format=%s")
    assert "reflow" in subjects and "clearer wording" in subjects
    assert renames or "Move " in subjects or "Rename " in subjects


def test_the_same_spec_gives_the_same_commits(corpus, tmp_path):
    again = build(SPEC, tmp_path / "again")
    assert again.head == corpus.head
    assert again.first == corpus.first


def test_a_reflow_is_formatting_only():
    clause = ClauseFile("lost-devices", "social-media",
                        {"id": "lost-devices", "title": "Lost devices", "section": "sm-devices", "level": "must",
                         "owner": "it", "tags": ["devices"], "related": ["account-access"]},
                        [["You {modal} report company devices within one working day.", "Ask your manager when a "
                          "situation is not covered here."], ["- One item.", "- Another item."]])
    before = clause.render()
    clause.wrap, clause.alternate_order, clause.comment = 30, True, False
    after = clause.render()
    assert before != after
    assert content_key(yaml.safe_load(before)) == content_key(yaml.safe_load(after))
    assert "You must report" in yaml.safe_load(after)["body"]


def test_corpora_are_cached_by_spec(tmp_path):
    spec = CorpusSpec(clauses=12, jurisdictions=3, commits=15)
    first = ensure_corpus(spec, tmp_path)
    marker = first.root / "marker"
    marker.write_text("kept")
    second = ensure_corpus(spec, tmp_path)
    assert second.root == first.root and marker.exists()
    assert second.head == first.head


def test_check_jsonschema_really_validates_our_files_offline():
    assert verify_check_jsonschema() is None


def test_a_command_that_is_not_available_yet_shows_as_not_available():
    case = Case("corpus", "diff", "clausebook diff", [Step(
        [sys.executable, "-c", "import sys; sys.stderr.write(\"'diff' is not available yet\\n\"); sys.exit(2)"])],
        ours=True)
    assert case.measure() is None
    assert case.no_result == NOT_AVAILABLE
    assert "| n/a (not available) |" in table([case])


def test_a_command_over_its_time_limit_is_stopped_and_says_so():
    case = Case("corpus", "lint", "clausebook lint", [Step(
        [sys.executable, "-c", "import time; time.sleep(30)"])], ours=True)
    started = time.monotonic()
    assert case.measure(timeout=0.5) is None
    assert time.monotonic() - started < 10
    assert case.no_result is not None and case.no_result.startswith("over")
    assert "(stopped)" in table([case])


def test_a_sampled_peer_is_scaled_up_with_start_up_counted_once():
    sleep = "import time; time.sleep({})"
    case = Case("corpus", "review status", "naive", [Step(
        [sys.executable, "-c", sleep.format(0.3)], scale=4.0)])
    case.fixed = Step([sys.executable, "-c", sleep.format(0.0)])
    seconds = case.measure()
    assert seconds is not None and 1.0 < seconds < 1.2 + 3 * 0.5  # 0.3 s of work counted 4 times, start-up once


def test_the_harness_prints_one_table_with_every_comparison(tmp_path):
    printed: list[str] = []
    code = harness.main(["--sizes", "30", "--runs", "1", "--review-corpus", "30:40",
                         "--skip", "lint,mkdocs,site-overhead,site-parallel", "--cache-dir", str(tmp_path)], out=printed.append)
    report = "".join(printed)
    assert code == 0
    rows = [line for line in report.splitlines() if line.startswith("|")]
    assert rows[0].startswith("| corpus | task | command | median |")
    text = "\n".join(rows)
    for command in ("clausebook validate", "parse floor", "check-jsonschema", "clausebook review status",
                    "naive: `git log -1`", "clausebook diff"):
        assert command in text, command
    validate = next(r for r in rows if "clausebook validate" in r)
    assert "the parse floor" in validate and "check-jsonschema" in validate
    assert "failed" not in text
    assert "Targets:" in report and "Machine:" in report


def test_the_translated_copy_has_three_languages_and_some_stale(corpus, run, tmp_path):
    from benchmarks.harness.translation_cases import translated_copy

    root = translated_copy(corpus, tmp_path)
    result = run("--root", root, "translate", "status")
    assert result.code == 0, result.err
    languages = {line.split(", ")[1].rstrip("):") for line in result.out.splitlines() if not line.startswith(" ")}
    assert {"de-DE", "fr-FR", "es-US"} <= {lang.split(")")[0] for lang in languages}
    assert "stale-material" in result.out
