'''Sentences longer than the limit (default 35 words).

Long sentences hide obligations and conditions. Split them, or turn a run of
cases into a list. Each list item, heading and table row counts as its own
sentence; link targets and code do not count as words. Set the limit with
`max-sentence-words` under `[tool.clausebook.lint]`.

**Bad:**

```yaml
body: |
  You must not post about clients, projects, prices or plans that have not been announced, and if you are
  not sure whether something has been announced you must ask your manager or the communications team
  before you post anything at all about it.
```

**Good:**

```yaml
body: |
  You must not post about clients, projects, prices or plans that have not been announced.
  If you are not sure, ask your manager or the communications team first.
```
'''

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from clausebook.core.problems import Problem
from clausebook.core.prose import sentence_lengths, sentences
from clausebook.lint.config import Option
from clausebook.lint.text import PROSE

if TYPE_CHECKING:
    from clausebook.lint.engine import LintContext

CODE = "C003"
SEVERITY = "warning"
SUMMARY = "A sentence is longer than the configured number of words (default 35)."
OPTIONS = (Option("max-sentence-words", 35, "longest sentence, in words", minimum=1),)


def check(ctx: LintContext) -> Iterator[Problem]:
    limit = ctx.option("max-sentence-words")
    for shared in ctx.clauses():
        clause = shared.clause
        for part in ctx.texts(clause, PROSE):
            for (start, _), count in zip(sentences(part.text), sentence_lengths(part.text), strict=True):
                if count > limit:
                    yield ctx.problem(part.locate(start),
                                      f"sentence of {count} words in {part.label}; the limit is {limit}: "
                                      "split it or make a list", clause=clause)
