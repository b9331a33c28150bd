'''Two clauses whose bodies are the same or nearly the same.

Two clauses that say the same thing drift apart when one is edited and the
other is not. The bodies are compared word by word (`difflib`, formatting
ignored) within each handbook; a pair at or above `duplicate-threshold`
(default 0.9, under `[tool.clausebook.lint]`) is reported once, on the clause
whose file comes later, naming the other. Merge them, or link one from the
other with `related`.

**Bad:**

```yaml
# policy/social-media/press.yaml
body: You must send every press question to the communications team.
---
# policy/social-media/media-inquiries.yaml
body: You must send every press question to the communications team!
```

**Good:**

```yaml
# policy/social-media/media-inquiries.yaml
body: You must send every press question to the communications team.
related: [speaking-for-the-company]
```
'''

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING

from clausebook.core.identity import normalize_text
from clausebook.core.markdown import WORD
from clausebook.core.problems import Problem
from clausebook.lint.config import Option
from clausebook.lint.text import BODY, clause_texts

if TYPE_CHECKING:
    from clausebook.lint.engine import LintContext

CODE = "C007"
SEVERITY = "warning"
SUMMARY = "Two clauses have the same or nearly the same body."
OPTIONS = (Option("duplicate-threshold", 0.9, "similarity (0.5 to 1) from which two bodies count as duplicates",
                  minimum=0.5, maximum=1),)


@lru_cache(maxsize=1 << 15)
def _tokens(body: str) -> tuple[str, ...]:
    return tuple(m.group().casefold() for m in WORD.finditer(normalize_text(body)))


def similar_pairs(bodies: dict[int, tuple[str, ...]], threshold: float) -> dict[tuple[int, int], float]:
    """Pairs of keys whose word sequences have a difflib ratio >= threshold.

    difflib's ratio is 2M/(|a|+|b|) with M matched words, and M is at most the
    words the two have in common, so a pair can only qualify if it has at
    least t(|a|+|b|)/2 words in common. That is a set-similarity join, done the
    way PPJoin does it: words are numbered by occurrence and ordered rarest
    first; two bodies can only qualify if their short prefixes of rarest
    words meet (prefix filter), and only while the words left after the
    meeting point could still reach the bound (positional filter). Only the
    survivors are compared with difflib, so thousands of clauses do not cost
    an all-pairs comparison.
    """
    frequency: Counter[str] = Counter()
    numbered: dict[int, list[str]] = {}
    for key, words in bodies.items():
        seen: Counter[str] = Counter()
        items = []
        for word in words:
            seen[word] += 1
            items.append(f"{word}\0{seen[word]}")
        numbered[key] = items
        frequency.update(items)
    rank = {item: position for position, item in enumerate(sorted(frequency, key=lambda i: (frequency[i], i)))}
    ordered = {key: sorted(rank[item] for item in items) for key, items in numbered.items()}
    # token -> postings (size, key, position), appended in increasing size; `first` skips the
    # postings that have become too short for every later (longer) body.
    index: dict[int, list[tuple[int, int, int]]] = {}
    first: dict[int, int] = {}
    result: dict[tuple[int, int], float] = {}
    sets: dict[int, frozenset[int]] = {}
    half = threshold / 2
    for key in sorted(bodies, key=lambda k: (len(ordered[k]), k)):
        tokens = ordered[key]
        size = len(tokens)
        if size == 0:
            continue
        shortest = threshold * size / (2 - threshold) - 1e-9
        prefix = max(size - math.ceil(shortest) + 1, 1)
        # Later bodies are at least as long, so they need t*size words in common with this
        # one: only this body's first size - t*size + 1 tokens can be their first match.
        indexed = max(size - math.ceil(threshold * size - 1e-9) + 1, 1)
        overlap: dict[int, int] = {}
        for i in range(prefix):
            token = tokens[i]
            postings = index.get(token)
            if postings is None:
                if i < indexed:
                    index[token] = [(size, key, i)]
                    first[token] = 0
                continue
            start = first[token]
            while start < len(postings) and postings[start][0] < shortest:
                start += 1
            first[token] = start
            left = size - i - 1
            for other_size, other, j in postings[start:]:
                count = overlap.get(other, 0)
                if count < 0:
                    continue
                rest = other_size - j - 1
                if count + 1 + (left if left < rest else rest) >= half * (size + other_size) - 1e-9:
                    overlap[other] = count + 1
                else:
                    overlap[other] = -1  # cannot reach the bound any more
            if i < indexed:
                postings.append((size, key, i))
        candidates = [other for other, count in overlap.items() if count > 0]
        if not candidates:
            continue
        mine = sets.setdefault(key, frozenset(tokens))
        for other in candidates:
            other_size = len(ordered[other])
            theirs = sets.setdefault(other, frozenset(ordered[other]))
            if 2 * len(mine & theirs) < threshold * (size + other_size) - 1e-9:
                continue
            ratio = SequenceMatcher(None, bodies[other], bodies[key], autojunk=False).ratio()
            if ratio >= threshold:
                result[(other, key)] = ratio
    return result


def check(ctx: LintContext) -> Iterator[Problem]:
    threshold = ctx.option("duplicate-threshold")
    # One node per distinct (clause id, body) across the handbooks linted: a clause that a
    # jurisdiction amends without touching its body is the same node as the base clause.
    nodes: dict[tuple[str, tuple[str, ...]], int] = {}
    clauses: list = []
    bodies: dict[int, tuple[str, ...]] = {}
    present: dict[int, set[str]] = {}
    for jurisdiction, handbook in ctx.handbooks.items():
        for clause in handbook.clauses.values():
            body = clause.get("body")
            if not isinstance(body, str):
                continue
            tokens = _tokens(body)
            node = nodes.setdefault((clause.id, tokens), len(clauses))
            if node == len(clauses):
                clauses.append(clause)
                bodies[node] = tokens
            present.setdefault(node, set()).add(jurisdiction)
    for (a, b), ratio in sorted(similar_pairs(bodies, threshold).items()):
        first, second = clauses[a], clauses[b]
        shared = sorted(present[a] & present[b])
        if first.id == second.id or not shared:
            continue
        if not any(ctx.in_scope(c.id, j) for c in (first, second) for j in shared):
            continue
        first_part = next(clause_texts(first, (BODY,)))
        second_part = next(clause_texts(second, (BODY,)))
        if (second_part.start.path, second_part.start.line, second.id) < (first_part.start.path,
                                                                          first_part.start.line, first.id):
            first, second, first_part, second_part = second, first, second_part, first_part
        if not any(ctx.in_scope(second.id, j) for j in shared):
            first, second, first_part, second_part = second, first, second_part, first_part
        same = "the same as" if ratio >= 0.999 else f"{ratio:.0%} the same as"
        yield ctx.problem(second_part.start, f"the body of '{second.id}' is {same} the body of '{first.id}' "
                                             f"({first_part.start.path}); merge them or make the difference clear",
                          clause=second)
