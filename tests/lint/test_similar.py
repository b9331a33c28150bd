"""The near-duplicate index finds exactly what comparing every pair with difflib finds."""

from __future__ import annotations

import functools
import itertools
import random
from difflib import SequenceMatcher
from pathlib import Path

import pytest
import yaml
from benchmarks.corpus import CorpusSpec, build

from clausebook.lint.engine import lint
from clausebook.lint.rules import c007_duplicate_text
from clausebook.lint.similar import similar_pairs
from clausebook.workspace import open_worktree


def every_pair(bodies: dict, threshold: float) -> dict:
    """The old algorithm's definition: difflib's ratio of every pair, shorter body first."""
    keys = sorted((k for k, words in bodies.items() if words), key=lambda k: (len(bodies[k]), k))
    found = {}
    for a, b in itertools.combinations(keys, 2):
        ratio = SequenceMatcher(None, bodies[a], bodies[b], autojunk=False).ratio()
        if ratio >= threshold:
            found[(a, b)] = ratio
    return found


@functools.cache
def all_ratios(seed: int) -> dict:
    return every_pair(seeded_bodies(seed), 0.0)


def edited(words: tuple[str, ...], rate: float, rng: random.Random) -> tuple[str, ...]:
    """The words with about `rate` of them replaced, deleted or inserted."""
    out = list(words)
    for _ in range(round(len(out) * rate)):
        at = rng.randrange(len(out))
        action = rng.random()
        if action < 1 / 3:
            out[at] = rng.choice(words)
        elif action < 2 / 3 and len(out) > 1:
            del out[at]
        else:
            out.insert(at, rng.choice(words))
    return tuple(out)


@functools.cache
def seeded_bodies(seed: int) -> dict[int, tuple[str, ...]]:
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(60)]  # a small vocabulary: unrelated bodies share most words
    bodies: dict[int, tuple[str, ...]] = {}
    for _ in range(60):
        words = tuple(rng.choice(vocabulary) for _ in range(rng.randint(1, 70)))
        bodies[len(bodies)] = words
        for rate in (0.0, 0.03, 0.06, 0.1, 0.15, 0.3):
            if rng.random() < 0.4:
                bodies[len(bodies)] = edited(words, rate, rng)
    bodies[len(bodies)] = ()
    return bodies


@pytest.mark.parametrize("threshold", [0.5, 0.7, 0.85, 0.9, 0.95, 1.0])
@pytest.mark.parametrize("seed", [1, 2])
def test_the_index_finds_the_same_pairs_and_ratios_as_every_pair(seed, threshold):
    bodies = seeded_bodies(seed)
    expected = {pair: ratio for pair, ratio in all_ratios(seed).items() if ratio >= threshold}
    assert similar_pairs(bodies, threshold) == expected
    if threshold <= 0.95:
        assert expected, "the seeded bodies hold near-duplicates at this threshold"


def test_a_threshold_outside_its_range_is_refused():
    with pytest.raises(ValueError):
        similar_pairs({1: ("a",)}, 0)


def plant_duplicates(root: Path, count: int, seed: int) -> int:
    """Copies of clause files under new ids, their bodies lightly edited; how many were planted."""
    rng = random.Random(seed)
    files = sorted(p for p in (root / "policy").rglob("*.yaml") if p.name != "policy.yaml")
    planted = 0
    for path in rng.sample(files, count):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data.get("body"), str):
            continue
        words = data["body"].split()
        for _ in range(rng.choice((0, 1, 3, 6, 12))):
            words[rng.randrange(len(words))] = rng.choice(words)
        data["id"] = f"{data['id']}-copy"
        data["body"] = " ".join(words)
        path.with_name(f"{data['id']}.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        planted += 1
    return planted


def test_lint_findings_on_a_seeded_corpus_are_the_same_as_with_every_pair_compared(tmp_path, monkeypatch):
    corpus = build(CorpusSpec(clauses=150, jurisdictions=4, commits=50), tmp_path / "repo")
    assert plant_duplicates(corpus.root, 25, seed=3) > 0
    indexed = lint(open_worktree(corpus.root))
    monkeypatch.setattr(c007_duplicate_text, "similar_pairs", every_pair)
    compared = lint(open_worktree(corpus.root))
    assert indexed == compared
    duplicates = [p for p in indexed if p.code == "C007"]
    assert len(duplicates) >= 10
    assert not [p for p in indexed if p.severity == "error"]
