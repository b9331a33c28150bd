'''A handbook in another language has no translation of a text it shows.

A jurisdiction's handbook is published in its `locale` (and its
`languages`); every text it shows needs a translation file: the policy's
headings (`policy/<policy>/i18n/<lang>/policy.yaml`), each base clause
(`policy/<policy>/i18n/<lang>/<clause>.yaml`) and each overlay it applies
(`jurisdictions/<j>/i18n/<lang>/<clause>.yaml`). A handbook in `fr-CA`
reads `fr-CA/` where the file exists, else `fr/`. Until then the site shows
the approved source text with a notice. A warning; an error where the
jurisdiction sets `requires_translation: true` (France, Quebec), where rules
an employee cannot read in French cannot be enforced against them.

The problem points at the source document and names the file to write.
The examples are a whole handbook, so they are shown as commands.

**Bad:**

```text
$ clausebook translate status --jurisdiction fr
fr (France, fr-FR): 41 current, 0 stale-editorial, 0 stale-material, 1 missing; translation required by law
  missing         monitoring [title, body, rationale, examples]: policy/social-media/i18n/fr/monitoring.yaml
```

**Good:**

```text
$ clausebook translate export --lang fr --out fr.xlf    # a translator fills it in
$ clausebook translate import fr.xlf
wrote policy/social-media/i18n/fr/monitoring.yaml
```
'''

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from clausebook.core.problems import Problem
from clausebook.core.resolve import ResolvedClause
from clausebook.translate.status import MISSING, assess, by_document

if TYPE_CHECKING:
    from clausebook.lint.engine import LintContext

CODE = "T002"
SEVERITY = "warning"
SUMMARY = "A translated handbook shows a text that has no translation (an error where translation is required)."


def check(ctx: LintContext) -> Iterator[Problem]:
    assessment = assess(ctx.workspace)
    for item in by_document(assessment):
        if item.verdict.status != MISSING:
            continue
        source = item.source
        if ctx.scope is not None and not (ctx.in_scope(source.clause) if source.clause is not None
                                          else ctx.document_in_scope(source.path)):
            continue
        key = {"policy": "title", "clause": "id", "overlay": "clause"}[source.kind]
        what = "policy headings" if source.kind == "policy" else f"'{source.target}'"
        clause: ResolvedClause | None = None
        if source.kind == "clause":
            clause = ctx.workspace.handbooks["global"].clauses.get(source.target)
        yield ctx.problem(
            source.doc.loc((key,)),
            f"no translation of {what} for {', '.join(item.handbooks)}: write {item.expected_path} "
            "(`clausebook translate export`); until then the handbook shows this text in the source language",
            clause=clause, severity="error" if item.required else "warning")
