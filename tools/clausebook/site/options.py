"""Where the handbook is published: the settings every page needs for its links.

`RenderOptions` is plain data, filled in from the MkDocs plugin's settings
or from `mkdocs.yml` by `clausebook render`, so the renderer never reads
configuration itself.

The handbook has two audiences. Employees read it; policy editors change
it. Editor tooling (an edit link on every clause and page) is off unless
`edit_links` is set, since employees cannot use those links; the lint rules
and hand-written editor pages sit in their own navigation section.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DEFAULT_NOTICE = ("The content of this handbook is a starting point written from public sources. "
                  "It is not legal advice.")


@dataclass(frozen=True)
class RenderOptions:
    """What the pages need to know about where they are published."""

    repo_url: str | None = None  # e.g. https://github.com/example/clausebook
    edit_branch: str = "main"
    edit_url_template: str = "{repo_url}/edit/{branch}/{path}"
    about_page: str | None = None  # docs-relative path of a hand-written "about" page, if the site has one
    changes_limit: int = 20
    site_url: str | None = None  # where the site is published (feed ids and links)
    in_force_on: dt.date | None = None  # the day whose text in force is shown; None: the build's day (UTC)
    edit_links: bool = False  # show "Edit this clause" links (for an editors' build of the site)
    legal_notice: str = DEFAULT_NOTICE  # Markdown; "" shows no notice
    legal_notice_title: str = "Not legal advice"

    def edit_url(self, path: str) -> str | None:
        if not self.repo_url or not self.edit_links:
            return None
        return self.edit_url_template.format(repo_url=self.repo_url.rstrip("/"), branch=self.edit_branch, path=path)

    def commit_url(self, sha: str) -> str | None:
        return f"{self.repo_url.rstrip('/')}/commit/{sha}" if self.repo_url else None
