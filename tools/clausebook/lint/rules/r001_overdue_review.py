'''A clause is overdue for review.

Every clause is reviewed at least every `review_months` months (the clause's
own value, else its policy's). Its last review is the newer of its last
content change and its last `Policy-Reviewed: <clause-id>` trailer in the git
history; it is overdue the day after last review + `review_months` calendar
months. A warning; an error under `clausebook lint --fail-on overdue`.

In a shallow clone (CI checkouts often have depth 1) a clause whose history
reaches past the clone's oldest commit has no known date: that is reported
as `info` (an error under `--fail-on overdue`, which cannot be promised
without the dates) instead of a wrong answer. Outside a git work tree the
rule has nothing to read and reports nothing; under `--changed-since` it
reports nothing either: the clauses a change touches are, by that change,
just reviewed, and the others are not the change's business.

**Bad:**

```text
$ git log --format='%cs %s%n%(trailers:key=Policy-Reviewed)' -- policy/social-media/monitoring.yaml
2024-03-02 Monitoring: name the tools we use
# review_months: 12, and no review since: overdue from 2025-03-03
```

**Good:**

```text
$ clausebook review record monitoring --message "Annual review"
$ git log -1 --format='%cs %s%n%(trailers:key=Policy-Reviewed)'
2025-02-20 Annual review
Policy-Reviewed: monitoring
```
'''

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from clausebook.core.problems import Location, Problem
from clausebook.core.resolve import ResolvedClause
from clausebook.git import NotAGitRepository
from clausebook.review import review_status

if TYPE_CHECKING:
    from clausebook.lint.engine import LintContext

CODE = "R001"
SEVERITY = "warning"
SUMMARY = "A clause is overdue for review (from the git history)."


def _where(clause: ResolvedClause) -> Location:
    """The clause's own `review_months` when it sets one, else its id."""
    return clause.locate(("review_months",) if "review_months" in clause.fields else ("id",))


def check(ctx: LintContext) -> Iterator[Problem]:
    if ctx.scope is not None:  # --changed-since
        return
    try:
        history = ctx.history()
    except NotAGitRepository:
        return
    failing = "overdue" in ctx.fail_on
    today = dt.datetime.now(dt.UTC).date()
    clauses: dict[str, ResolvedClause] = {}
    for shared in ctx.clauses():
        clauses.setdefault(shared.clause.id, shared.clause)
    for item in review_status(ctx.repo, history, today):
        clause = clauses.get(item.clause)
        if clause is None:  # out of --changed-since scope, or removed everywhere
            continue
        if item.status == "overdue" and item.last_reviewed is not None and item.due is not None:
            last = item.last_reviewed
            how = "reviewed" if last.kind == "review" else "changed"
            yield ctx.problem(
                _where(clause),
                f"review of '{item.clause}' overdue since {item.due.isoformat()}: last {how} "
                f"{last.date.isoformat()} ({last.commit[:12]}), every {item.review_months} months, "
                f"owner {item.owner}; review it, then `clausebook review record {item.clause}`",
                clause=clause, severity="error" if failing else "warning")
        elif item.status == "unknown" and item.clause in history.truncated:
            yield ctx.problem(
                _where(clause),
                f"review state of '{item.clause}' unknown: this shallow clone does not reach its last change "
                "or review; fetch the full history (git fetch --unshallow)",
                clause=clause, severity="error" if failing else "info")
