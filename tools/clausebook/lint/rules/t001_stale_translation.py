'''A translation is out of date: its source text changed since it was translated.

A translation file's `source` is the digest of the source text it
translates (`clausebook translate digest`). When the source changes, the
history says how: an editorial change (same duties, new wording) leaves the
translation usable, and the site still shows it with a notice; a material
change (a duty added or dropped, another level, audience or channel) means
the translation says something the approved text no longer says, and the
site shows the approved source instead. Stale-editorial is a warning;
stale-material is a warning too, and an error in a handbook whose
jurisdiction sets `requires_translation: true` (France, Quebec: rules in
another language cannot be enforced). Update the text, then set `source` to
the new digest (or `clausebook translate export` / `import`).

**Bad:**

```yaml
# jurisdictions/de/jurisdiction.yaml
id: de
name: Germany
locale: de
---
# policy/social-media/example.yaml
title: Passwords
level: must
body: You must never share your password.
---
# policy/social-media/i18n/de/example.yaml
source: sha256:43e7e87ba3b1da1f995d97b7d5f6cc8c1f38103c514bd88784113b31f490dbc1
title: Passwörter
body: Sie dürfen ein Passwort niemals weitergeben.
```

**Good:**

```yaml
# policy/social-media/example.yaml
title: Passwords
level: must
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

from clausebook.core.problems import Problem
from clausebook.translate.status import STALE_EDITORIAL, STALE_MATERIAL, assess, by_document

if TYPE_CHECKING:
    from clausebook.lint.engine import LintContext

CODE = "T001"
SEVERITY = "warning"
SUMMARY = "A translation is stale: its source changed since it was translated (editorial or material)."


def check(ctx: LintContext) -> Iterator[Problem]:
    for item in by_document(assess(ctx.workspace)):
        translation = item.translation
        if translation is None or item.verdict.status not in (STALE_EDITORIAL, STALE_MATERIAL):
            continue
        clause = item.source.clause
        if ctx.scope is not None and (clause is None or not ctx.in_scope(clause)):
            continue
        verdict = item.verdict
        material = verdict.status == STALE_MATERIAL
        since = f" on {verdict.changed.isoformat()}" if verdict.changed else ""
        why = f" ({'; '.join(verdict.reasons)})" if verdict.reasons else ""
        fields = f"; changed: {', '.join(verdict.fields)}" if verdict.fields else ""
        shown = ("the handbook shows the approved source text instead" if material
                 else "the handbook still shows it, with a notice")
        yield ctx.problem(
            translation.doc.loc(("source",)),
            f"{verdict.status} translation of {item.source.path}: the source changed{since}{why}{fields}; "
            f"{shown} ({', '.join(item.handbooks)}). Update it and set 'source' to the new digest",
            severity="error" if material and item.required else "warning")
