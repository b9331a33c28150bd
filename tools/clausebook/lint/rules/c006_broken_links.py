'''Broken Markdown links, and links to clause anchors that do not exist.

In a handbook every clause is anchored at `#<clause-id>`, so a link to
another clause is `[text](#clause-id)`. Reported: a link with no target or
no closing parenthesis, a reference link whose `[label]:` is not defined, a
relative link (`other.md`, `../x`) that points nowhere in the generated site,
and an anchor that is not a clause in the handbook the text appears in. When a
jurisdiction removes a clause that base text links to, the problem is
reported at the overlay that removes it.

**Bad:**

```yaml
body: |
  See the [monitoring rules](#monitorng) and [our guide](guide.md).
```

**Good:**

```yaml
body: |
  See the [monitoring rules](#monitoring) and [our guide](https://example.com/guide).
```
'''

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from clausebook.core.markdown import links
from clausebook.core.problems import Problem
from clausebook.lint.text import DO, DONT, PROSE
from clausebook.lint.urls import Verdict, verdict

if TYPE_CHECKING:
    from clausebook.core.model import Repository
    from clausebook.core.problems import Location
    from clausebook.lint.engine import LintContext, SharedClause
    from clausebook.lint.text import TextPart

CODE = "C006"
SEVERITY = "error"
SUMMARY = "A Markdown link is broken, or links to a clause anchor that does not exist."


def _overlay_location(repo: Repository, jurisdiction: str, path: str) -> Location | None:
    for overlay in repo.jurisdictions[jurisdiction].overlays:
        if overlay.path == path:
            return overlay.doc.loc(("action",))
    return None


def check(ctx: LintContext) -> Iterator[Problem]:
    repo = ctx.repo
    every_id: set[str] = set()
    for handbook in ctx.workspace.handbooks.values():
        every_id.update(handbook.clauses)
    for shared in ctx.clauses():
        clause = shared.clause
        for part in ctx.texts(clause, (*PROSE, DO, DONT)):
            from_overlay = not part.doc.path.startswith("policy/")
            for link in links(part.text):
                what = "image" if link.image else "link"
                if not link.closed:
                    yield ctx.problem(part.locate(link.start), f"{what} in {part.label} is missing its closing ')'",
                                      clause=clause)
                    continue
                target = link.target
                if target is None:
                    yield ctx.problem(part.locate(link.start), f"reference [{link.label}] has no definition "
                                      f"'[{link.label}]: URL' in {part.label}", clause=clause)
                    continue
                if not target.strip():
                    yield ctx.problem(part.locate(link.start), f"{what} in {part.label} has no target", clause=clause)
                    continue
                if target.startswith("#"):
                    yield from _anchor(ctx, repo, shared, part, target[1:], link.target_start, from_overlay, every_id)
                    continue
                if verdict(target) is Verdict.RELATIVE:  # other targets the site drops are X002
                    yield ctx.problem(part.locate(link.target_start),
                                      f"relative {what} '{target}' does not point anywhere in the handbook; "
                                      "link a clause as #clause-id, or use a full https:// URL", clause=clause)


def _anchor(ctx: LintContext, repo: Repository, shared: SharedClause, part: TextPart, anchor: str, offset: int,
            from_overlay: bool, every_id: set[str]) -> Iterator[Problem]:
    clause = shared.clause
    if anchor not in every_id:
        yield ctx.problem(part.locate(offset), f"link to '#{anchor}' in {part.label}: there is no clause '{anchor}'",
                          clause=clause)
        return
    missing = [j for j in shared.jurisdictions if anchor not in ctx.handbooks[j].clauses]
    if not missing:
        return
    elsewhere = []
    for jurisdiction in missing:
        removed = ctx.handbooks[jurisdiction].removed.get(anchor)
        if removed is not None and not from_overlay:
            remover, path = removed
            location = _overlay_location(repo, remover, path)
            if location is not None:
                yield ctx.problem(location, f"'{remover}' removes clause '{anchor}', but '{clause.id}' links to it "
                                            f"({part.doc.path}); amend '{clause.id}' here too")
                continue
        elsewhere.append(jurisdiction)
    if elsewhere:
        yield ctx.problem(part.locate(offset), f"link to '#{anchor}' in {part.label}: clause '{anchor}' is not in the "
                                 f"{', '.join(elsewhere)} handbook", clause=clause)
