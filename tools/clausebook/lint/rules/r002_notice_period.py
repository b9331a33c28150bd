'''A material change takes effect with less notice than the repository asks for.

With `[tool.clausebook.release] notice_days = N` (default 0: off), every
material change since the last release (the diff's definition: a duty or
prohibition added or dropped, the level, audience or channels changed)
must carry an `effective` date at least N days after it was merged, so
employees hear of it before it binds them. The merge date is the clause's
last content change on the branch (from the one-pass history scan), or
today for a change not committed yet. A change without `effective` takes
effect at once, which is no notice at all. A warning.

Nothing is checked before the first release (nobody has acknowledged
anything yet) or outside a git work tree. Only changes that reach a
clause (added or modified) are checked: a removal has no text to date.

**Bad:**

```text
# pyproject.toml: [tool.clausebook.release] notice_days = 30
$ git log -1 --format='%cs %s' -- policy/social-media/confidentiality.yaml
2025-03-03 Forbid posting client names        # merged with no `effective` date
```

**Good:**

```text
# the same change, with a notice period of 30 days or more
effective: 2025-04-07
```
'''

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from clausebook.core.problems import Problem
from clausebook.git import NotAGitRepository, uncommitted
from clausebook.release import load_config, releases, workspace_of

CODE = "R002"
SEVERITY = "warning"
SUMMARY = "A material change takes effect with less notice than `notice_days` asks for."


def check(ctx: Any) -> Iterator[Problem]:
    from clausebook.diff.compare import compare
    from clausebook.timeline import effective_of, today

    root = ctx.workspace.root
    notice = load_config(root).notice_days
    if notice <= 0:
        return
    try:
        known = releases(root)
        if not known:
            return
        history = ctx.history()
        where = ctx.workspace.root
        dirty = set(uncommitted(where, ["policy", "jurisdictions"]))
    except NotAGitRepository:
        return
    diff = compare(workspace_of(root, known[-1]), ctx.workspace)
    now = today()
    for change in diff.material:
        for jurisdiction in change.jurisdictions:
            handbook = ctx.handbooks.get(jurisdiction)
            clause = handbook.clauses.get(change.clause) if handbook else None
            if clause is None or not ctx.in_scope(change.clause, jurisdiction):
                continue
            last = history.last_change(change.clause)
            merged = now if last is None or clause.path in dirty else last.date
            effective = effective_of(clause.fields)
            if effective is not None and (effective - merged).days >= notice:
                continue
            given = (f"takes effect on {effective.isoformat()}, {(effective - merged).days} day(s) after it was "
                     f"merged ({merged.isoformat()})" if effective is not None
                     else f"has no `effective` date, so it binds from its merge ({merged.isoformat()})")
            earliest = (merged + dt.timedelta(days=notice)).isoformat()
            yield ctx.problem(clause.locate(("effective",) if "effective" in clause.fields else ("id",)),
                              f"material change to '{change.clause}' since {known[-1].tag} ({change.reason}) "
                              f"{given}; notice_days = {notice} asks for `effective: {earliest}` or later",
                              clause=clause)
            break  # one warning per clause
