"""C004: fixtures it flags (file, line, column of the first problem) and fixtures it does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import CLAUSE, clause_yaml, rule_cases

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


EDGE_TEXTS = ["", "Hi.", "Yes. No. Maybe so, then.", "A - b. ... !? Word word word.", "Naïve café staff don't "
              "re-enter the office; they e-mail HR. İstanbul's rules apply.", "one two three four five six"]


def body_texts(root) -> list[str]:
    from clausebook.lint.rules.c004_readability import reader_text
    from clausebook.workspace import open_worktree

    workspace = open_worktree(root)
    texts = set(EDGE_TEXTS)
    for handbook in workspace.handbooks.values():
        for clause in handbook.clauses.values():
            for key in ("body", "rationale"):
                if isinstance(clause.get(key), str):
                    texts.update((clause.get(key), reader_text(clause.get(key))[0]))
    return sorted(texts)


def test_reading_ease_is_textstats_to_the_last_digit(tmp_path):
    """The per-word cache gives textstat's own score on the shipped content and a seeded corpus."""
    import textstat
    from benchmarks.corpus import CorpusSpec, build

    from clausebook.lint.rules.c004_readability import reading_ease

    corpus = build(CorpusSpec(clauses=200, jurisdictions=4, commits=50), tmp_path / "repo")
    texts = body_texts(corpus.root) + body_texts(Path(__file__).resolve().parents[3])
    assert len(texts) > 400
    assert [reading_ease(text) for text in texts] == [float(textstat.flesch_reading_ease(text)) for text in texts]


test_flags, test_passes = rule_cases(FLAGGED, NOT_FLAGGED)
