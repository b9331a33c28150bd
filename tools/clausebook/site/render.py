"""The handbook pages as Markdown, independent of any site generator.

`build_site(workspace, options)` turns a loaded repository into pages
({docs-relative path: Markdown}) and their navigation. The MkDocs plugin
serves these pages from memory; `clausebook render --out DIR` writes them
to disk for any Material-compatible generator (MkDocs, Zensical). Both
therefore publish byte-for-byte the same Markdown.

This module only assembles the site: each page kind has its own module
(`landing`, `policy_page`, `changes_page`, `review_page`, `rules_page`), one
clause's block is `clause`, and what they share is `context`, `banners` and
`blocks`. Every value that comes from an editor passes through `safe` first.

A page is a function of the commit: history and review status come from
git (`facts.gather`), and the review "as of" date is the HEAD commit's date,
not today, so two builds of one commit are identical.

URLs (with MkDocs' directory URLs):

    /                          pick a jurisdiction, grouped by region
    /global/, /<j>/            a jurisdiction's landing page
    /<j>/<policy>/             one page per policy; each clause at #<clause-id>
    /changes/ /review/ /rules/ what changed (an index), review status, the lint rules
    /<j>/changes/, /<j>/changes/<n>/   one handbook's changes by month, with redlines, paged
    /versions/                 releases, their material changes and manifests
    /<j>/<lang>/               a translated handbook in its other languages and the approved source
                               text (/de/en/social-media/), see `languages`
    /<j>/feed.xml              Atom feed of the handbook's material changes
    /<j>/acknowledgements/<version>.json, latest.json   acknowledgement manifests
    /matrix/                   every clause in every version: what changed where, why, which law
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import resources

from clausebook.core.model import GLOBAL
from clausebook.site.blocks import nav_title
from clausebook.site.changes_page import changes_nav, changes_pages
from clausebook.site.context import SiteContext, landing_path, policy_path
from clausebook.site.facts import Facts, gather
from clausebook.site.feed import feed_path, feed_xml
from clausebook.site.i18n import native_name, t
from clausebook.site.landing import index_page, landing_page
from clausebook.site.languages import View, localized_policy
from clausebook.site.matrix_page import PATH as MATRIX_PATH
from clausebook.site.matrix_page import matrix_page
from clausebook.site.options import RenderOptions
from clausebook.site.page import Page, Site
from clausebook.site.policy_page import policy_page
from clausebook.site.releases import TimeFacts, gather_time
from clausebook.site.review_page import PATH as REVIEW_PATH
from clausebook.site.review_page import review_page
from clausebook.site.rules_page import PATH as RULES_PATH
from clausebook.site.rules_page import rules_page
from clausebook.site.versions_page import PATH as VERSIONS_PATH
from clausebook.site.versions_page import versions_page
from clausebook.workspace import Workspace

# Shipped with the package and added to every site (badges, switcher, print).
ASSETS = ("clausebook.css", "clausebook.js")
ASSET_DIR = "assets/clausebook"
# The navigation section for the people who change the policy, apart from what employees read;
# hand-written pages other than the about page join it.
EDITORS_SECTION = "For policy editors"


def asset_files() -> dict[str, bytes]:
    """{docs-relative path: content} of the stylesheet and script every site gets."""
    package = resources.files("clausebook.site") / "assets"
    return {f"{ASSET_DIR}/{name}": (package / name).read_bytes() for name in ASSETS}


def known(path: str) -> Page:
    """A page another build writes (`site/part.py`): its path, so links and the navigation find it."""
    return Page(path, "", "")


def render_site(workspace: Workspace, facts: Facts, options: RenderOptions | None = None,
                time: TimeFacts | None = None, writes: Callable[[str], bool] | None = None) -> Site:
    """The pages, navigation and published files of the handbook; pure given the facts.

    `writes(path)` says which pages this build writes; the others are
    `known` pages with no text (default: every page is written).
    """
    options = options or RenderOptions()
    time = time or TimeFacts()
    facts.upcoming = time.upcoming
    ctx = SiteContext(time.in_force or workspace, facts, options)
    wanted = writes or (lambda path: True)
    pages: list[Page] = [index_page(ctx) if wanted("index.md") else known("index.md")]
    scopes: dict[str, str] = {}
    for jurisdiction in ctx.jurisdictions:
        mine = wanted(landing_path(jurisdiction))  # a handbook's pages are all in its folder
        for view in ctx.views(jurisdiction):
            scopes[view.folder] = view.lang
            pages.append(landing_page(ctx, jurisdiction, view) if mine else known(landing_path(view.folder)))
            for policy in ctx.handbooks[jurisdiction].policies():
                pages.append(policy_page(ctx, jurisdiction, policy, view) if mine
                             else known(policy_path(view.folder, policy.id)))
    pages += changes_pages(ctx, wanted)
    pages += [versions_page(ctx, time) if wanted(VERSIONS_PATH) else known(VERSIONS_PATH),
              review_page(ctx) if wanted(REVIEW_PATH) else known(REVIEW_PATH),
              matrix_page(ctx) if wanted(MATRIX_PATH) else known(MATRIX_PATH),
              rules_page(ctx) if wanted(RULES_PATH) else known(RULES_PATH)]
    files = {path: content for path, content in time.files().items() if wanted(path)}
    if facts.history is not None:
        files.update({feed_path(j): feed_xml(ctx, time, j, options.site_url) for j in ctx.jurisdictions
                      if wanted(feed_path(j))})
    handbooks = [GLOBAL, *ctx.picker_order] if GLOBAL in ctx.handbooks else list(ctx.picker_order)
    return Site({p.path: p for p in pages}, navigation(ctx, [p.path for p in pages]), files=files, handbooks=handbooks,
                scopes=scopes)


def build_site(workspace: Workspace, options: RenderOptions | None = None, with_history: bool = True,
               writes: Callable[[str], bool] | None = None) -> Site:
    """The handbook of `workspace`, with the facts read from its git history (the text in force today)."""
    options = options or RenderOptions()
    facts = gather(workspace, with_history)
    return render_site(workspace, facts, options, gather_time(workspace, facts.history, options), writes)


def navigation(ctx: SiteContext, paths: Sequence[str] = ()) -> list:
    """The MkDocs `nav`: home, the base handbook, each region's versions, then the upkeep pages."""

    def jurisdiction_entry(jurisdiction: str) -> dict:
        views = ctx.views(jurisdiction)
        children: list = [landing_path(jurisdiction)]
        children += [{nav_title(title): policy_path(jurisdiction, pid)} for pid, title in titles(views[0])]
        children += changes_nav([p for p in paths if p.startswith(f"{jurisdiction}/changes/")], ctx.name(jurisdiction))
        for view in views[1:]:  # the handbook in its other languages and the approved source text
            entries: list = [landing_path(view.folder)]
            entries += [{nav_title(title): policy_path(view.folder, pid)} for pid, title in titles(view)]
            label = native_name(view.lang) if view.translated else t(view.lang, "source_label",
                                                                        language=native_name(view.lang))
            # named with the country too: every translated handbook has such a section, and a screen
            # reader's list of navigation landmarks needs each name once
            children.append({nav_title(f"{label} · {ctx.name(jurisdiction)}"): entries})
        return {nav_title(ctx.name(jurisdiction)): children}

    def titles(view: View) -> list[tuple[str, str]]:
        policies = ctx.handbooks[view.jurisdiction].policies()
        if view.translated:
            policies = [localized_policy(ctx.assessment, view, p).policy for p in policies]
        return [(p.id, p.title) for p in policies]

    nav: list = [{"Home": "index.md"}]
    if GLOBAL in ctx.handbooks:
        nav.append(jurisdiction_entry(GLOBAL))
    for region, members in ctx.regions:
        nav.append({nav_title(region): [jurisdiction_entry(j) for j in members]})
    nav.append({"Keeping it current": [{"What changed": "changes.md"}, {"Versions": "versions.md"},
                                       {"Review status": "review.md"},
                                       {"Where countries differ": "matrix.md"}]})
    nav.append({EDITORS_SECTION: [{"Lint rules": "rules.md"}]})
    return nav


def with_handwritten(nav: list, handwritten: list[str], about_page: str | None = "about.md") -> list:
    """The navigation with the hand-written pages: the about page for everyone, the rest for editors.

    Hand-written pages are the project's own (how to edit, the CI setup), so
    they join the editors' section rather than the employees' navigation.
    """
    out = [dict(entry) if isinstance(entry, dict) else entry for entry in nav]
    editors = [p for p in handwritten if p != about_page]
    if about_page in handwritten:
        out.insert(1, {"About this handbook": about_page})
    for entry in out:
        if isinstance(entry, dict) and EDITORS_SECTION in entry:
            entry[EDITORS_SECTION] = [*entry[EDITORS_SECTION], *editors]
            return out
    return out + editors
