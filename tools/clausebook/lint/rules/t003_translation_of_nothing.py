'''A translation translates nothing: no such source document, section or field.

A translation file sits beside what it translates and is named after it.
One whose clause, policy or overlay does not exist (a typo, or a clause
renamed or removed since), a section id the policy does not have, or a text
the source does not have (a `rationale` the clause never had, a third
example of two) is never shown: it is either a mistake or left over.

**Bad:**

```yaml
# policy/social-media/example.yaml
title: Passwords
body: You must never share your password.
---
# policy/social-media/i18n/de/pasword.yaml
source: sha256:336022da46408a6710fd6d3ba9b0ec361aebafdb672c9ffcb8115874eff1d89c
title: Passwörter
body: Sie dürfen Ihr Passwort niemals weitergeben.
```

**Good:**

```yaml
# policy/social-media/example.yaml
title: Passwords
body: You must never share your password.
---
# policy/social-media/i18n/de/example.yaml
source: sha256:336022da46408a6710fd6d3ba9b0ec361aebafdb672c9ffcb8115874eff1d89c
title: Passwörter
body: Sie dürfen Ihr Passwort niemals weitergeben.
```
'''

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from clausebook.core.loader import Document
from clausebook.core.problems import Location, Problem
from clausebook.core.translation import Sources, lookup, units

if TYPE_CHECKING:
    from clausebook.lint.engine import LintContext

CODE = "T003"
SEVERITY = "warning"
SUMMARY = "A translation file translates nothing: no such clause, policy, overlay, section or field."


def check(ctx: LintContext) -> Iterator[Problem]:
    sources = Sources(ctx.repo)
    for translation in ctx.repo.translations.values():
        source = sources.source_of(translation)
        doc = translation.doc
        if source is None:
            where = {"policy": f"policy '{translation.folder}'",
                     "clause": f"policy '{translation.folder}'",
                     "overlay": f"jurisdiction '{translation.folder}'"}[translation.kind]
            what = "an overlay on" if translation.kind == "overlay" else "a clause"
            name = "policy.yaml" if translation.kind == "policy" else f"'{translation.target}'"
            yield ctx.problem(doc.loc(()), f"{translation.path} translates nothing: {where} has no "
                                           f"{what} {name}; rename or remove it")
            continue
        if ctx.scope is not None and source.clause is not None and not ctx.in_scope(source.clause):
            continue
        text = source.text()
        for at, _ in units(doc.data):
            if lookup(text, at) is None:
                shown = ".".join(str(p) for p in at)
                yield ctx.problem(_where(doc, at), f"'{shown}' translates nothing: {source.path} has no such text")


def _where(doc: Document, at: tuple) -> Location:
    if at[:1] == ("sections",):
        for index, section in enumerate(doc.data.get("sections") or []):
            if isinstance(section, dict) and section.get("id") == at[1]:
                return doc.loc(("sections", index, "id"))
    return doc.loc(at, key=True)
