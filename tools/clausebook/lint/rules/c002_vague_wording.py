'''Vague or weasel wording that leaves a reader unsure what is asked.

"As appropriate", "where necessary", "etc.", "and/or" and "reasonable"
hand the decision to whoever reads the clause later. Say who decides and by
what test, list the cases, or choose "and" or "or". "Reasonable" is accepted
when the same sentence gives its test (a number, "for example", "such as",
"within", "at least", "that is"). Checked in the body, the rationale and
jurisdiction notes; text in code is skipped.

**Bad:**

```yaml
body: |
  Remove posts as appropriate, and answer within a reasonable time.
```

**Good:**

```yaml
body: |
  The communications lead removes posts that break this policy, and answers within two working days.
```
'''

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from clausebook.core.problems import Problem
from clausebook.core.prose import plain_prose, sentences
from clausebook.lint.text import PROSE

if TYPE_CHECKING:
    from clausebook.lint.engine import LintContext

CODE = "C002"
SEVERITY = "warning"
SUMMARY = "Vague wording such as \"as appropriate\", \"etc.\", \"and/or\", or \"reasonable\" without a test."

_VAGUE = re.compile(
    r"\b(?:as|where|when|if)\s+(?:appropriate|necessary|needed|applicable)\b"
    r"|\betc\b\.?|\band/or\b|\band so on\b|\band the like\b",
    re.I,
)
_REASONABLE = re.compile(r"\breasonabl[ey]\b", re.I)
_TEST = re.compile(
    r"\d|\b(?:for example|for instance|e\.g\.|i\.e\.|such as|that is|meaning|means|defined as|within|"
    r"at least|at most|no more than|no later than|no longer than|one|two|three|four|five|six|seven|"
    r"eight|nine|ten)\b",
    re.I,
)


def check(ctx: LintContext) -> Iterator[Problem]:
    for shared in ctx.clauses():
        clause = shared.clause
        for part in ctx.texts(clause, PROSE):
            plain = plain_prose(part.text)
            for match in _VAGUE.finditer(plain):
                yield ctx.problem(part.locate(match.start()),
                                  f"vague wording \"{match.group()}\" in {part.label}: say who decides and by what "
                                  "test, or list the cases", clause=clause)
            if _REASONABLE.search(plain):
                for start, end in sentences(part.text):
                    sentence = plain[start:end]
                    if _TEST.search(sentence):
                        continue
                    for match in _REASONABLE.finditer(sentence):
                        yield ctx.problem(part.locate(start + match.start()),
                                          f"\"{match.group()}\" without a test in {part.label}: give a number, "
                                          "a deadline or an example of what counts", clause=clause)
