'''Legal rules that jurisdictions declare as data, reported as `L/<jurisdiction>/<id>`.

A legal team adds a rule to `jurisdictions/<id>/jurisdiction.yaml` without
code. It applies to that jurisdiction's resolved handbook and to every
jurisdiction below it:

- `forbid: REGEX`: no clause text may match. Text is the title, body,
  jurisdiction notes, rationale and "do" examples; "don't" examples are
  meant to show what is wrong and are not checked. The match is reported at
  the file and line that supplied the matching text: the base clause, or the
  overlay that added it.
- `tags: [...]` with `require: REGEX`: every clause with one of the tags
  must match somewhere in that text; reported at the clause's body.

Expressions are case-insensitive, and runs of whitespace (line breaks
included) in the text read as one space. The message carries the rule's
`message` and `reference`; `severity` defaults to error. One finding shared
by several jurisdictions (a base clause in `us`, `us-ca` and `us-ny`) is
reported once. Purpose and legal basis for monitoring in the EU, blanket
bans on criticising the employer in the US, requests for personal account
passwords: each is a data rule, so no legal rule is built into the code.

**Bad:**

```yaml
# jurisdictions/us/jurisdiction.yaml
id: us
name: United States
rules:
  - id: no-disparagement-ban
    message: Employees may criticise their employer (NLRA Section 7).
    reference: NLRA Section 7
    forbid: "must not post (anything )?negative"
---
# policy/social-media/conduct.yaml
level: must
body: |
  Employees must not post negative comments about the company.
```

**Good:**

```yaml
# policy/social-media/conduct.yaml
level: must
body: |
  You must not harass, threaten or discriminate against anyone online, including colleagues.
  You may criticise the company and discuss your working conditions.
```
'''

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from clausebook.core.markdown import TEXT_CACHE
from clausebook.core.model import Jurisdiction
from clausebook.core.problems import Problem
from clausebook.lint.patterns import MATCH_SECONDS, Pattern, PatternTimeout, compile_pattern, finditer, search
from clausebook.lint.text import BODY, DO, NOTE, RATIONALE, TITLE, TextPart, value_start

if TYPE_CHECKING:
    from clausebook.core.resolve import ResolvedClause
    from clausebook.lint.engine import LintContext

CODE = "L"
SEVERITY = "error"
SUMMARY = ("A clause breaks a legal rule its jurisdiction declares as data (forbid or require), "
           "as L/<jurisdiction>/<id>.")

# The text a legal rule reads ("don't" examples show what is wrong on purpose).
if TYPE_CHECKING:
    from clausebook.lint.engine import LintContext

LEGAL_TEXT = (TITLE, NOTE, BODY, RATIONALE, DO)
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=TEXT_CACHE)
def squeeze(text: str) -> str:
    """`text` with each run of whitespace as one space."""
    return _SPACE.sub(" ", text)


def original_offset(text: str, offset: int) -> int:
    """Where character `offset` of `squeeze(text)` is in `text`."""
    shift = 0
    for match in _SPACE.finditer(text):
        if match.start() - shift >= offset:
            break
        if match.start() - shift + 1 > offset:
            return match.start()
        shift += len(match.group()) - 1
    return offset + shift


def _slow(ctx: LintContext, owner: Jurisdiction, index: int, key: str, code: str, clause_id: str) -> Problem:
    return ctx.problem(owner.doc.loc(("rules", index, key)),
                       f"rule {code}: the '{key}' pattern took longer than {MATCH_SECONDS}s on clause "
                       f"'{clause_id}' and was not applied; simplify it (nested repetition such as "
                       "'(a+)+' makes matching exponential)", code=code, severity="error")


def check(ctx: LintContext) -> Iterator[Problem]:
    repo = ctx.repo
    joined: dict[int, str] = {}  # a clause's legal text as one string, built once for all its rules
    for owner_id in repo.jurisdiction_ids():
        owner = repo.jurisdictions.get(owner_id)
        if owner is None or not owner.rules:
            continue
        reach = [j for j in repo.descendants(owner_id) if j in ctx.handbooks]
        targets: list[tuple[ResolvedClause, list[TextPart]]] | None = None  # made for the first enabled rule
        for index, rule in enumerate(owner.rules):
            code = f"L/{owner_id}/{rule.get('id')}"
            if not ctx.config.enabled(code):
                continue
            key = "forbid" if "forbid" in rule else "require" if "require" in rule else None
            pattern = compile_pattern(rule.get(key)) if key else None
            if pattern is None:
                continue  # the schema's regex format check reports an invalid pattern
            severity = rule.get("severity") or SEVERITY
            message, reference = rule.get("message", ""), rule.get("reference", "")
            tags = set(rule.get("tags") or ())
            if targets is None:
                targets = _targets(ctx, reach)
            # Anchors and lookarounds would see the parts' edges differently inside the joined text.
            whole = not _CONTEXTUAL.search(pattern.pattern)
            try:
                for clause, parts in targets:
                    current = clause.id
                    if key == "forbid":
                        # Nearly every clause passes every rule: one search of all its parts joined by a
                        # non-word character settles that, as a match inside one part is a match in the
                        # join (word boundaries fall the same way at "\n"); a hit is then located part by
                        # part. (`search` is the time-bounded one: a runaway pattern still stops.)
                        if whole and not search(pattern, _joined(joined, clause, parts)):
                            continue
                        yield from list(_forbid(ctx, clause, parts, pattern, code, severity, message, reference))
                    elif tags & set(clause.get("tags") or ()):
                        if not any(search(pattern, squeeze(p.text)) for p in parts):
                            yield ctx.problem(value_start(clause, ("body",)),
                                              f"{message} (clause '{clause.id}', tagged "
                                              f"{', '.join(sorted(tags & set(clause.get('tags'))))}; "
                                              f"{reference})",
                                              clause=clause, code=code, severity=severity, hint=reference)
            except PatternTimeout:
                # Reported once, at the pattern; the rule is not applied any further in this run.
                yield _slow(ctx, owner, index, key or "forbid", code, current)


def _targets(ctx: LintContext, reach: list[str]) -> list[tuple[ResolvedClause, list[TextPart]]]:
    """Each distinct clause of these handbooks in scope, once (most are shared by all of them), with its text."""
    checked: set[int] = set()
    found = []
    for jurisdiction in reach:
        for clause in ctx.handbooks[jurisdiction].clauses.values():
            if id(clause) in checked or not ctx.in_scope(clause.id, jurisdiction):
                continue  # shared by a jurisdiction already checked, or not changed
            checked.add(id(clause))
            found.append((clause, list(ctx.texts(clause, LEGAL_TEXT))))
    return found


_CONTEXTUAL = re.compile(r"[$^]|\\[AZ]|\(\?[=!<]")


def _joined(cache: dict[int, str], clause: ResolvedClause, parts: list[TextPart]) -> str:
    """A clause's legal text as one string, built once for all the rules that read it."""
    text = cache.get(id(clause))
    if text is None:
        text = cache[id(clause)] = "\n".join(squeeze(p.text) for p in parts)
    return text


def _forbid(ctx: LintContext, clause: ResolvedClause, parts: list[TextPart], pattern: Pattern, code: str,
            severity: str, message: str, reference: str) -> Iterator[Problem]:
    for part in parts:
        for match in finditer(pattern, squeeze(part.text)):
            if match.end() == match.start():
                continue
            quoted = match.group().strip()
            yield ctx.problem(part.locate(original_offset(part.text, match.start())),
                              f"{message} (\"{quoted}\" in {part.label}; {reference})",
                              clause=clause, code=code, severity=severity, hint=reference)
