'''Links the handbook drops: `javascript:`, `vbscript:`, `data:`, `file:`, other schemes, `//host`.

A `javascript:` link runs a script in the reader's browser when clicked; a
`data:` URL can carry a whole page or script. The site keeps only `https:`,
`http:`, `mailto:`, `tel:` and `#anchor` links (see `lint/urls.py`), so any
other scheme, a protocol-relative `//host` link and a scheme spelled with an
entity or escape are dropped there: reported here, so that a link never
vanishes silently. Checked in every Markdown link, image, reference
definition and autolink, in the URL attributes of raw HTML, and in
`references[].url`, however the scheme is disguised (upper case, entities,
whitespace, control characters).

**Bad:**

```yaml
body: |
  [Check your account](javascript:alert(document.cookie))
```

**Good:**

```yaml
body: |
  [Check your account](https://accounts.example.com/security)
```
'''

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from clausebook.core.problems import Problem
from clausebook.lint.urls import UNSAFE_SCHEMES, Verdict, bare_urls, link_targets, reference_urls, scheme, verdict

if TYPE_CHECKING:
    from clausebook.lint.engine import LintContext

CODE = "X002"
SEVERITY = "error"
SUMMARY = "A link or image uses a javascript:, vbscript:, data:, file: or other URL the handbook drops."


def _message(url: str, where: str, noun: str = "link") -> str:
    found = scheme(url)
    if found in UNSAFE_SCHEMES:
        return f"unsafe '{found}:' {noun} in {where}; link to an https:// page instead"
    what = f"'{found}:' {noun}" if found else f"{noun} '{url}'"
    return (f"{what} in {where} is dropped by the handbook, which keeps only https, http, mailto, tel and "
            "#anchor links; link to an https:// page instead")


def check(ctx: LintContext) -> Iterator[Problem]:
    for part, clause in ctx.rendered_texts():
        for url, offset in link_targets(part.text):
            if verdict(url) is Verdict.BLOCKED:
                yield ctx.problem(part.locate(offset), _message(url, part.label), clause=clause)
        for url, offset in bare_urls(part.text):  # text on the site, but a link in other renderers
            if scheme(url) in UNSAFE_SCHEMES:
                yield ctx.problem(part.locate(offset), _message(url, part.label), clause=clause)
    for shared in ctx.clauses():
        for url, location in reference_urls(shared.clause):
            if verdict(url) is Verdict.BLOCKED:
                yield ctx.problem(location, _message(url, "references", "URL"), clause=shared.clause)
