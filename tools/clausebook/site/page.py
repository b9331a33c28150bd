"""What the renderer produces: `Page`s and the `Site` that holds them with the navigation.

Plain records: the MkDocs plugin serves them from memory and
`clausebook render` writes them to disk, so both publish the same Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Page:
    path: str  # docs-relative, e.g. "de/social-media.md"
    title: str  # plain text
    markdown: str
    source: str | None = None  # the file its edit button opens, relative to the git work tree
    clause_tags: dict[str, tuple[str, ...]] = field(default_factory=dict)  # {clause id: its tags}, for search
    lang: str | None = None  # BCP 47 tag of the page's text; None: the site's language


@dataclass
class Site:
    pages: dict[str, Page]
    nav: list  # MkDocs `nav` structure (titles HTML-escaped, as MkDocs templates print them raw)
    files: dict[str, bytes] = field(default_factory=dict)  # other published files: manifests, feeds
    handbooks: list[str] = field(default_factory=list)  # the jurisdictions with a handbook, `global` first
    # {search scope (a view's folder: "de", "de/en"): its language}; every handbook view is a scope
    scopes: dict[str, str] = field(default_factory=dict)

    def markdown(self) -> dict[str, str]:
        return {path: page.markdown for path, page in self.pages.items()}
