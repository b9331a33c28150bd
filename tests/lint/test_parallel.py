"""Lint on two cores finds exactly what lint in one process finds, silences and errors included."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import yaml
from benchmarks.corpus import CorpusSpec, build

from clausebook.core.errors import UsageError
from clausebook.cores import can_fork
from clausebook.lint.engine import lint
from clausebook.lint.rules import c007_duplicate_text
from clausebook.workspace import open_worktree


def seeded_corpus(root: Path) -> tuple[Path, str, str]:
    """A generated repository with real git history, two planted duplicates, two broken links and two silences:
    the root, the file with the reported links and the file whose broken link is silenced."""
    corpus = build(CorpusSpec(clauses=120, jurisdictions=4, commits=40), root)
    files = sorted(p for p in (corpus.root / "policy").rglob("*.yaml") if p.name != "policy.yaml")
    first, second, third = (yaml.safe_load(p.read_text(encoding="utf-8")) for p in files[:3])
    copy = dict(first, id=f"{first['id']}-copy")
    # The duplicate is reported at the later file: "<id>-copy.yaml" sorts before "<id>.yaml".
    first["lint_ignore"] = [{"rule": "C007", "reason": "kept apart until the two policies merge"}]
    files[0].write_text(yaml.safe_dump(first, sort_keys=False), encoding="utf-8")
    (files[0].with_name(f"{copy['id']}.yaml")).write_text(yaml.safe_dump(copy, sort_keys=False), encoding="utf-8")
    reported = dict(second, id=f"{second['id']}-copy")
    (files[1].with_name(f"{reported['id']}.yaml")).write_text(yaml.safe_dump(reported, sort_keys=False),
                                                             encoding="utf-8")
    second["body"] += ("\n\nShare them as appropriate. See [the missing clause](#no-such-clause) and "
                       "[the other one](#no-other-clause).\n")
    files[1].write_text(yaml.safe_dump(second, sort_keys=False), encoding="utf-8")
    third["body"] += "\n\nSee [the missing clause](#no-such-clause).\n"
    third["lint_ignore"] = [{"rule": "C006", "reason": "the linked clause arrives next quarter"}]
    files[2].write_text(yaml.safe_dump(third, sort_keys=False), encoding="utf-8")
    return corpus.root, files[1].relative_to(corpus.root).as_posix(), files[2].relative_to(corpus.root).as_posix()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, str, str]:
    return seeded_corpus(tmp_path_factory.mktemp("parallel") / "repo")


@pytest.mark.skipif(not can_fork(), reason="no fork on this platform")
def test_two_processes_find_exactly_what_one_finds(corpus):
    root, linking, silenced = corpus
    assert threading.active_count() == 1, "with other threads running, lint would not fork"
    alone = lint(open_worktree(root), jobs=1)
    shared = lint(open_worktree(root), jobs=2)
    assert [(p.to_dict(), p.hint) for p in shared] == [(p.to_dict(), p.hint) for p in alone]
    codes = {p.code for p in alone}
    # Both families found something, so the comparison covers the worker's results too.
    assert {"C007", "C006", "R001", "C002"} <= codes
    broken = [p for p in shared if p.code == "C006"]
    assert {p.path for p in broken} == {linking} and len(broken) == 2
    assert not [p for p in shared if p.path == silenced and p.code in ("C006", "C008")]
    # The duplicates are found by the worker: its problems are tied back to this process's clauses,
    # so the silence on one pair applies (and counts as used) while the other pair is reported.
    duplicates = [p for p in shared if p.code == "C007"]
    assert len(duplicates) == 1 and "-copy'" in duplicates[0].message
    assert not [p for p in shared if p.code == "C008"]


@pytest.mark.skipif(not can_fork(), reason="no fork on this platform")
def test_a_rule_that_refuses_in_the_worker_refuses_the_run(corpus, monkeypatch):
    def refuse(ctx):
        raise UsageError("rule C007 cannot run here")
        yield  # pragma: no cover

    monkeypatch.setattr(c007_duplicate_text, "check", refuse)
    with pytest.raises(UsageError, match="rule C007 cannot run here"):
        lint(open_worktree(corpus[0]), jobs=2)
