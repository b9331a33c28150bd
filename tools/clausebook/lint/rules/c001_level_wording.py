'''The wording of a clause matches its level.

`level` is what the handbook shows as the clause's strength (RFC 2119), so
the body has to say the same thing: a `must` clause says "must" or "must
not", a `should` clause says "should", a `may` clause says "may", and an
`info` clause explains and obliges nothing (no "must", "shall", "should" or
"required to"). When a jurisdiction sets a new level, or replaces the body,
the problem is reported at the overlay that made them disagree.

**Bad:**

```yaml
level: must
body: |
  Never share a client's name without written approval.
```

**Good:**

```yaml
level: must
body: |
  You must not share a client's name without written approval.
```
'''

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from clausebook.core.problems import Problem
from clausebook.core.prose import plain_prose
from clausebook.lint.text import BODY, newest, value_start

if TYPE_CHECKING:
    from clausebook.lint.engine import LintContext

CODE = "C001"
SEVERITY = "error"
SUMMARY = ("The wording does not match the level: must says must, should says should, may says may, "
           "info obliges nothing.")

_SAYS = {level: re.compile(rf"\b{level}\b", re.I) for level in ("must", "should", "may")}
_OBLIGES = re.compile(r"\b(must|shall|should|(?:is|are)\s+required\s+to)\b", re.I)


def check(ctx: LintContext) -> Iterator[Problem]:
    for shared in ctx.clauses():
        clause = shared.clause
        level = clause.get("level")
        body = next(iter(ctx.texts(clause, (BODY,))), None)
        if body is None or level not in ("must", "should", "may", "info"):
            continue
        plain = plain_prose(body.text)
        if level in _SAYS:
            if not _SAYS[level].search(plain):
                where = value_start(clause, newest(clause, ("body",), ("level",)))
                yield ctx.problem(where, f"a '{level}' clause has to say \"{level}\" in its body "
                                         f"(or change its level)", clause=clause)
        else:
            for match in _OBLIGES.finditer(plain):
                yield ctx.problem(body.locate(match.start()),
                                  f"an 'info' clause obliges nothing, but its body says \"{match.group()}\"; "
                                  "reword it or raise the level", clause=clause)
