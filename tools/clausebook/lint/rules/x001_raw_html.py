'''Raw HTML in clause text.

Clause text is Markdown without raw HTML (DESIGN.md): HTML can run scripts,
restyle the page or hide text from some readers. The site escapes it anyway,
so it would show up as literal tags. Checked in every text the site renders:
title, body, rationale, notes, examples, references, policy summaries and
section intros, jurisdiction summaries. Autolinks such as
`<https://example.com>` and anything in code are not HTML.

**Bad:**

```yaml
body: |
  You must <b>never</b> share passwords. <span style="display:none">hidden</span>
```

**Good:**

```yaml
body: |
  You must **never** share passwords.
```
'''

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from clausebook.core.markdown import html_tags
from clausebook.core.problems import Problem

if TYPE_CHECKING:
    from clausebook.lint.engine import LintContext

CODE = "X001"
SEVERITY = "error"
SUMMARY = "Raw HTML in Markdown text; use Markdown instead."


def check(ctx: LintContext) -> Iterator[Problem]:
    for part, clause in ctx.rendered_texts():
        for tag in html_tags(part.text):
            if tag.closing:
                continue  # the opening tag is reported already
            what = {"!--": "an HTML comment", "!": "an HTML declaration", "?": "an XML instruction"}.get(
                tag.name, f"raw HTML <{tag.name}>")
            yield ctx.problem(part.locate(tag.start), f"{what} in {part.label}; clause text is Markdown "
                                                      "without HTML", clause=clause)
