'''Links that run code or carry their content inline: `javascript:`, `vbscript:`, `data:`, `file:`.

A `javascript:` link runs a script in the reader's browser when clicked; a
`data:` URL can carry a whole page or script. Checked in every Markdown link,
image, reference definition and autolink, in `href`/`src` attributes of raw
HTML, and in `references[].url`, however the scheme is disguised (upper
case, entities, whitespace).

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

import html
import re
from collections.abc import Iterator

from clausebook.core.markdown import html_tags, links
from clausebook.core.problems import Problem

CODE = "X002"
SEVERITY = "error"
SUMMARY = "A link or image uses a javascript:, vbscript:, data: or file: URL."

UNSAFE = ("javascript", "vbscript", "data", "file")
_URL_ATTRIBUTES = ("href", "src", "srcset", "action", "formaction", "poster", "data", "xlink:href", "background")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def scheme(url: str) -> str | None:
    """The URL's scheme as a browser reads it (entities decoded, whitespace and controls dropped), lower-case."""
    cleaned = _INVISIBLE.sub("", html.unescape(url)).lower()
    name, colon, _ = cleaned.partition(":")
    return name if colon and re.fullmatch(r"[a-z][a-z0-9+.\-]*", name) else None


def urls(part):
    """(url, offset) of every link target in a text part: Markdown links and HTML attributes."""
    for link in links(part.text):
        if link.target:
            yield link.target, link.target_start, link
    for tag in html_tags(part.text):
        for name in _URL_ATTRIBUTES:
            if name in tag.attributes:
                value, offset = tag.attributes[name]
                yield value, offset, tag


def reference_urls(clause):
    """(url, location) of each `references[].url` of a clause."""
    for index, reference in enumerate(clause.get("references") or []):
        if isinstance(reference, dict) and isinstance(reference.get("url"), str):
            yield reference["url"], clause.locate(("references", index, "url"))


def check(ctx) -> Iterator[Problem]:
    for part, clause in ctx.rendered_texts():
        for url, offset, _ in urls(part):
            found = scheme(url)
            if found in UNSAFE:
                yield ctx.problem(part.locate(offset), f"unsafe '{found}:' link in {part.label}; link to an "
                                                       "https:// page instead", clause=clause)
    for shared in ctx.clauses():
        for url, location in reference_urls(shared.clause):
            found = scheme(url)
            if found in UNSAFE:
                yield ctx.problem(location, f"unsafe '{found}:' URL in references", clause=shared.clause)
