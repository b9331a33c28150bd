'''A `must` clause without both "do" and "don't" examples.

An obligation is understood through cases. Every `must` clause gives at
least one `examples.do` and one `examples.dont` item (a jurisdiction may add
more with an amend overlay's `examples`).

**Bad:**

```yaml
level: must
body: |
  You must not share client names without written approval.
```

**Good:**

```yaml
level: must
body: |
  You must not share client names without written approval.
examples:
  do:
    - Share a case study after the client approved it in writing.
  dont:
    - Tag a client in a photo from their office.
```
'''

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from clausebook.core.problems import Problem
from clausebook.lint.text import newest, value_start

if TYPE_CHECKING:
    from clausebook.lint.engine import LintContext

CODE = "C005"
SEVERITY = "warning"
SUMMARY = "A must clause has no \"do\" or no \"don't\" examples."


def check(ctx: LintContext) -> Iterator[Problem]:
    for shared in ctx.clauses():
        clause = shared.clause
        if clause.get("level") != "must":
            continue
        examples = clause.get("examples")
        examples = examples if isinstance(examples, dict) else {}
        missing = [name for name, key in (('"do"', "do"), ('"don\'t"', "dont")) if not examples.get(key)]
        if not missing:
            continue
        # Point at the examples when there are some, else at the level that asks for them.
        where = newest(clause, ("examples",), ("level",)) if "examples" in clause.fields else ("level",)
        yield ctx.problem(value_start(clause, where),
                          f"a 'must' clause needs {' and '.join(missing)} examples under 'examples'", clause=clause)
