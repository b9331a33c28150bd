'''Content that would embed or run in the handbook page: remote images, iframes, scripts, objects.

A remote image or frame loads from another site each time an employee opens
the handbook: it can track readers, change after review, or break. Scripts,
frames, objects and embeds are never allowed. Reported: Markdown images with
a remote (`https://`, `http://`, `//`) source, and HTML `iframe`, `frame`,
`script`, `object`, `embed`, `applet`, plus `img`, `video`, `audio`,
`source`, `track` and `link` tags that load remote content. Link to the page
instead.

**Bad:**

```yaml
body: |
  ![Our logo](https://cdn.example.com/logo.png)
  <iframe src="https://www.youtube.com/embed/xyz"></iframe>
```

**Good:**

```yaml
body: |
  Watch the [training video](https://www.youtube.com/watch?v=xyz).
```
'''

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from clausebook.core.markdown import html_tags, links
from clausebook.core.problems import Problem
from clausebook.lint.urls import LOADING_ATTRIBUTES, attribute_urls, is_remote

if TYPE_CHECKING:
    from clausebook.lint.engine import LintContext

CODE = "X004"
SEVERITY = "error"
SUMMARY = "An image, frame, script or other embed loads remote content into the handbook page."

ALWAYS = ("iframe", "frame", "frameset", "script", "object", "embed", "applet")
LOADING = ("img", "image", "video", "audio", "source", "track", "link", "picture", "input")


def check(ctx: LintContext) -> Iterator[Problem]:
    for part, clause in ctx.rendered_texts():
        for link in links(part.text):
            if link.image and link.target and is_remote(link.target):
                yield ctx.problem(part.locate(link.start), f"image in {part.label} loads '{link.target}' from "
                                                           "another site; link to it instead", clause=clause)
        for tag in html_tags(part.text):
            if tag.closing:
                continue
            if tag.name in ALWAYS:
                yield ctx.problem(part.locate(tag.start), f"<{tag.name}> in {part.label} would run or embed "
                                                          "content in the handbook page", clause=clause)
            elif tag.name in LOADING:
                sources = [url for name in LOADING_ATTRIBUTES if name in tag.attributes
                           for url, _ in attribute_urls(name, tag.attributes[name][0])]
                if any(is_remote(source) for source in sources):
                    yield ctx.problem(part.locate(tag.start), f"<{tag.name}> in {part.label} loads remote content "
                                                              "into the handbook page", clause=clause)
