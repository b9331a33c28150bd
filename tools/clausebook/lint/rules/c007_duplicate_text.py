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

import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from clausebook.core.identity import normalize_text
from clausebook.core.problems import Problem
from clausebook.core.prose import WORD
from clausebook.lint.config import Option
from clausebook.lint.similar import similar_pairs
from clausebook.lint.text import BODY, clause_texts

if TYPE_CHECKING:
    from clausebook.lint.engine import LintContext

CODE = "C007"
SEVERITY = "warning"
SUMMARY = "Two clauses have the same or nearly the same body."
OPTIONS = (Option("duplicate-threshold", 0.9, "similarity (0.5 to 1) from which two bodies count as duplicates",
                  minimum=0.5, maximum=1),)


def _tokens(body: str) -> tuple[str, ...]:
    """The body's words, case-folded. Each word is interned: at 20,000 clauses the bodies hold millions
    of words but a few thousand distinct ones, and one string per distinct word keeps that in memory."""
    # Case-folding the words joined by spaces folds each word as on its own (no fold makes a space).
    found = WORD.findall(normalize_text(body))
    return tuple(map(sys.intern, " ".join(found).casefold().split(" "))) if found else ()


def check(ctx: LintContext) -> Iterator[Problem]:
    threshold = ctx.option("duplicate-threshold")
    # One node per distinct (clause id, body) across the handbooks linted: a clause that a
    # jurisdiction amends without touching its body is the same node as the base clause.
    nodes: dict[tuple[str, tuple[str, ...]], int] = {}
    clauses: list = []
    bodies: dict[int, tuple[str, ...]] = {}
    present: dict[int, set[str]] = {}
    words: dict[int, tuple[str, ...] | None] = {}  # by clause object: most are shared by every handbook
    for jurisdiction, handbook in ctx.handbooks.items():
        for clause in handbook.clauses.values():
            tokens = words.get(id(clause), ())
            if tokens == ():
                body = clause.get("body")
                tokens = words[id(clause)] = _tokens(body) if isinstance(body, str) else None
            if tokens is None:
                continue
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
