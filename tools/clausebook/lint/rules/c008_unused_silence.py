'''A `lint_ignore` entry that silences nothing.

A silence outlives the problem it was written for: once the wording is
fixed, the entry only hides the next real problem. An entry is reported when
its rule ran over the clause and found nothing to silence, when it names a
rule that does not exist, or when it names a structure (S) code, which
cannot be silenced. (An entry without a `reason` is a schema error, S001.)

**Bad:**

```yaml
body: |
  Ask the communications team before you speak for the company.
lint_ignore:
  - rule: C002
    reason: "'as appropriate' is defined in the training"
```

**Good:**

```yaml
body: |
  Ask the communications team before you speak for the company.
```
'''

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from clausebook.core.problems import Problem
from clausebook.lint.registry import JURISDICTION_RULE, get

if TYPE_CHECKING:
    from clausebook.lint.engine import LintContext

CODE = "C008"
SEVERITY = "warning"
SUMMARY = "A lint_ignore entry matches no problem, names an unknown rule, or names an S code."
# Runs once the other rules' problems have been silenced, to know which silences were used.
AFTER_SILENCES = True


def _applies(ctx: LintContext, code: str, jurisdictions: tuple[str, ...]) -> bool | None:
    """Whether rule `code` ran over a clause in these jurisdictions; None when the rule is unknown."""
    match = JURISDICTION_RULE.match(code)
    if match:
        owner, rule_id = match.groups()
        jurisdiction = ctx.repo.jurisdictions.get(owner)
        if jurisdiction is None or not any(r.get("id") == rule_id for r in jurisdiction.rules):
            return None
        return any(owner in ctx.repo.ancestors(j) for j in jurisdictions)
    try:
        get(code)
    except KeyError:
        return None
    return True


def check(ctx: LintContext) -> Iterator[Problem]:
    jurisdictions_of = {id(shared.clause): shared.jurisdictions for shared in ctx.clauses()}
    for silence in ctx.silences:
        if silence.used:
            continue
        code = silence.rule
        jurisdictions = jurisdictions_of.get(id(silence.clause), ())
        if code.startswith("S"):
            yield ctx.problem(silence.location(), f"'{code}' is a structure check and cannot be silenced; "
                                                  "fix the problem instead", clause=silence.clause)
            continue
        applies = _applies(ctx, code, jurisdictions)
        if applies is None:
            yield ctx.problem(silence.location(), f"lint_ignore names unknown rule '{code}' "
                                                  "(see `clausebook rules`)", clause=silence.clause)
        elif applies and ctx.config.enabled(code) and code != CODE:
            yield ctx.problem(silence.location(), f"lint_ignore of {code} silences nothing here; remove it",
                              clause=silence.clause)
