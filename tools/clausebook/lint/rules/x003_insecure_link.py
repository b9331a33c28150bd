'''External links that use http, not https.

An `http://` link can be read or changed on the way, and browsers flag it.
The handbook keeps it (see `lint/urls.py`), so this is a warning. Checked in
Markdown links and images, autolinks, bare URLs in running text, HTML
attributes and `references[].url`. `mailto:` and `tel:` links, clause
anchors (`#id`) are fine; schemes and `//host` links the handbook drops are
X002.

**Bad:**

```yaml
body: |
  Read the [GDPR](http://eur-lex.europa.eu/eli/reg/2016/679/oj) first.
```

**Good:**

```yaml
body: |
  Read the [GDPR](https://eur-lex.europa.eu/eli/reg/2016/679/oj) first.
```
'''

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from clausebook.core.problems import Problem
from clausebook.lint.urls import (
    SECURE_SCHEMES,
    UNSAFE_SCHEMES,
    Verdict,
    bare_urls,
    link_targets,
    reference_urls,
    scheme,
    verdict,
)

if TYPE_CHECKING:
    from clausebook.lint.engine import LintContext

CODE = "X003"
SEVERITY = "warning"
SUMMARY = "An external link uses http:// instead of https://."


def _insecure(url: str) -> bool:
    return verdict(url) is Verdict.INSECURE


def _insecure_text(url: str) -> bool:
    """A URL in running text that readers copy: anything but https, mailto, tel (and X002's unsafe schemes)."""
    found = scheme(url)
    return found is not None and found not in SECURE_SCHEMES and found not in UNSAFE_SCHEMES


def check(ctx: LintContext) -> Iterator[Problem]:
    for part, clause in ctx.rendered_texts():
        found = [(url, offset) for url, offset in link_targets(part.text) if _insecure(url)]
        found += [(url, offset) for url, offset in bare_urls(part.text) if _insecure_text(url)]
        for url, offset in found:
            yield ctx.problem(part.locate(offset), f"'{url}' in {part.label} is not https; use an https:// link",
                                  clause=clause)
    for shared in ctx.clauses():
        for url, location in reference_urls(shared.clause):
            if _insecure(url):
                yield ctx.problem(location, f"reference URL '{url}' is not https; use an https:// link",
                                  clause=shared.clause)
