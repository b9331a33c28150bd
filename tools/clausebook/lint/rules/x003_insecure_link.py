'''External links that are not https.

An `http://` (or `ftp://`) link can be read or changed on the way, and
browsers flag it. Checked in Markdown links and images, autolinks, bare URLs
in running text, HTML attributes and `references[].url`. `mailto:` and
`tel:` links, clause anchors (`#id`) and the unsafe schemes of X002 are not
reported here.

**Bad:**

```yaml
references:
  - title: GDPR
    url: http://eur-lex.europa.eu/eli/reg/2016/679/oj
```

**Good:**

```yaml
references:
  - title: GDPR
    url: https://eur-lex.europa.eu/eli/reg/2016/679/oj
```
'''

from __future__ import annotations

from collections.abc import Iterator

from clausebook.core.problems import Problem
from clausebook.lint.rules.x002_unsafe_link_scheme import (
    UNSAFE,
    reference_urls,
    scheme,
    urls,
)

CODE = "X003"
SEVERITY = "warning"
SUMMARY = "An external link uses http:// or another scheme that is not https."

ALLOWED = ("https", "mailto", "tel")


def _insecure(url: str) -> str | None:
    found = scheme(url)
    if found is None:
        return "//" if url.strip().startswith("//") else None
    return None if found in ALLOWED or found in UNSAFE else found


def check(ctx) -> Iterator[Problem]:
    for part, clause in ctx.rendered_texts():
        for url, offset, _ in urls(part):
            found = _insecure(url)
            if found:
                yield ctx.problem(part.locate(offset), f"'{url}' in {part.label} is not https; use an https:// link",
                                  clause=clause)
    for shared in ctx.clauses():
        for url, location in reference_urls(shared.clause):
            if _insecure(url):
                yield ctx.problem(location, f"reference URL '{url}' is not https; use an https:// link",
                                  clause=shared.clause)
