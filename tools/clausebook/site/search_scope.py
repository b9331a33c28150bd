"""One search scope per handbook: Material's site-wide index split by handbook, loaded when the reader searches.

mkdocs-material 9 writes one index for the whole site
(`search/search_index.json`, 1.2 MB for the shipped handbook) and every page
fetches it at start-up (`bundle.ts` `fetchSearchIndex`, subscribed by
`setupSearchWorker` as soon as the protocol is not `file:`). A search from
the German handbook therefore finds every country's pages. This module
turns that one index into one index per handbook, written next to the
handbook's pages:

    /<jurisdiction>/search_index.json   the pages under /<jurisdiction>/ only
    /search/shared_index.json           the pages outside every handbook, and the base handbook

Each section entry of a clause carries that clause's own tags (Material
copies a page's tags onto every section of it, so a policy page's results
showed every clause's tags), and each index declares the handbook's own
languages for stemming (`lunr_language`). A translated handbook's other
languages are scopes of their own (`/de/en/search_index.json`). Locations stay relative to the site root, as
Material resolves them against `config.base`.

The pages get `assets/clausebook/search-scope.js` in front of Material's
bundle (see `loader_tag`); it points Material's one request for the index at
the page's scope, holds that request until the reader opens search, and
makes each query tolerant of typos (see the script's header). Why this
route rather than one MkDocs build per handbook or Material's `projects`
plugin is in the README ("Search").
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

INDEX_NAME = "search_index.json"
SHARED_INDEX = "search/shared_index.json"
MATERIAL_INDEX = "search/search_index.json"
LOADER = "assets/clausebook/search-scope.js"
# Where Material ships lunr-languages; its worker loads lunr.<lang>.min.js from here.
LUNR_DIR = "assets/javascripts/lunr/min"

# Material's bundle: the first script that is not ours, by its file name.
_BUNDLE = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"></script>')


def scope_of(src_uri: str, handbooks: Iterable[str]) -> str | None:
    """The scope a docs page belongs to (its deepest folder that is a scope: `de/en`, `de`), or None."""
    known = set(handbooks)
    folder = posixpath.dirname(src_uri)
    while folder:
        if folder in known:
            return folder
        folder = posixpath.dirname(folder)
    return None


def lunr_language(tag: str, site_dir: Path) -> str | None:
    """The lunr-languages code Material's worker stems `tag` with, if the site ships it (else None: English)."""
    code = tag.split("-", 1)[0].lower()
    if code == "en":
        return "en"
    return code if (site_dir / LUNR_DIR / f"lunr.{code}.min.js").is_file() else None


def index_path(scope: str | None) -> str:
    """Where a scope's index is published, relative to the site root."""
    return f"{scope}/{INDEX_NAME}" if scope else SHARED_INDEX


def split_index(index: Mapping[str, Any], handbooks: Sequence[str],
                clause_tags: Mapping[str, Mapping[str, Sequence[str]]],
                languages: Mapping[str, Sequence[str]] | None = None,
                shared_with: str | None = None) -> dict[str, dict[str, Any]]:
    """{site-relative index path: index} for every handbook and for the shared pages.

    `clause_tags` is {page URL, e.g. "de/social-media/": {clause id: tags}};
    `languages` {handbook: lunr languages} overrides the site's `lang` per
    handbook; `shared_with` names the handbook whose pages the shared scope
    also searches (the base handbook, so a reader on the home page finds clauses).
    """
    config = dict(index.get("config") or {})
    known = set(handbooks)
    docs_by_scope: dict[str | None, list[dict[str, Any]]] = {scope: [] for scope in [*handbooks, None]}
    for doc in index.get("docs") or []:
        location = str(doc.get("location", ""))
        page, _, anchor = location.partition("#")
        entry = {key: value for key, value in doc.items() if key != "tags"}
        tags = clause_tags.get(page, {}).get(anchor) if anchor else None
        if tags:
            entry["tags"] = list(tags)
        scope = scope_of(page.rstrip("/") + "/index.md", known) if "/" in page else None
        docs_by_scope[scope].append(entry)
        if shared_with is not None and scope == shared_with:
            docs_by_scope[None].append(entry)
    out: dict[str, dict[str, Any]] = {}
    for scope, docs in docs_by_scope.items():
        scope_config = dict(config)
        if scope is not None and languages and languages.get(scope):
            scope_config["lang"] = list(languages[scope])
        out[index_path(scope)] = {"config": scope_config, "docs": docs}
    return out


def dump(index: Mapping[str, Any]) -> str:
    """An index as compact JSON (Material's own is compact too)."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def loader_tag(page_url: str, scope: str | None) -> str:
    """The <script> that scopes search on the page at `page_url` (site-relative, e.g. "de/social-media/")."""
    here = posixpath.dirname(page_url.rstrip("/") + "/x") if page_url else ""

    def relative(target: str) -> str:
        return posixpath.relpath(target, here or ".")

    return (f'<script src="{html.escape(relative(LOADER))}" '
            f'data-cb-index="{html.escape(relative(index_path(scope)))}"></script>')


def scope_page(page_html: str, tag: str) -> str:
    """The page with the loader in front of Material's bundle."""
    match = _BUNDLE.search(page_html)
    if match is None:  # not a Material page (or a future Material): leave search as it is
        return page_html
    return page_html[:match.start()] + tag + page_html[match.start():]


def loader_script() -> bytes:
    """The loader's source, shipped in the package beside the stylesheet."""
    from importlib import resources

    return (resources.files("clausebook.site") / "assets" / "search-scope.js").read_bytes()
