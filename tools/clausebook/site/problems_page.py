"""The page `mkdocs serve` shows while the repository has validation errors.

A live preview must not hang or die over a typo in a clause: the plugin
builds a site made of this one page instead, published at every page path
the handbook had (so the reader's refresh lands on it) and as the not-found
page (so any other address shows it too). The problem lines are shown in a
code block, one per line, exactly as `clausebook validate` prints them, and
every character of them escaped (`safe.code_block`). Fixing the files brings
the handbook back on the next rebuild.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from clausebook.site import safe
from clausebook.site.page import Page, Site

TITLE = "The handbook has errors"
INDEX = "index.md"
_NOT_FOUND_HEADING = "<h1>404 - Not found</h1>"  # Material's 404.html content block


def markdown(lines: Sequence[str], total: int) -> str:
    """The page: a heading, what to do, and the problem lines (`total` counts those left out too)."""
    errors = f"{total} error{'s' if total != 1 else ''}"
    parts = [
        f"# {TITLE}",
        "",
        safe.plain(f"The repository has {errors}, so the handbook is not built. Fix the files below and save: "
                   "this page comes back as the handbook on the next rebuild."),
        "",
        safe.code_block("\n".join(lines), "text"),
    ]
    if total > len(lines):
        parts += ["", safe.plain(f"... and {total - len(lines)} more: run clausebook validate to see them all.")]
    return "\n".join(parts) + "\n"


def problems_site(lines: Sequence[str], total: int, paths: Iterable[str] = ()) -> Site:
    """A site of the problems page at `index.md` and at every one of `paths` (docs-relative `.md` paths)."""
    text = markdown(lines, total)
    pages = {path: Page(path=path, title=TITLE, markdown=text)
             for path in dict.fromkeys([INDEX, *paths]) if path.endswith(".md")}
    return Site(pages=pages, nav=[{TITLE: INDEX}])


def not_found_page(not_found_html: str, page_html: str) -> str | None:
    """Material's 404 page with the problems page's article in place of "404 - Not found"; None if either moved."""
    start = page_html.find("<article")
    end = page_html.find("</article>", start)
    if start == -1 or end == -1 or _NOT_FOUND_HEADING not in not_found_html:
        return None
    content_start = page_html.find(">", start) + 1
    return not_found_html.replace(_NOT_FOUND_HEADING, page_html[content_start:end], 1)
