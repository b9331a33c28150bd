"""A handbook as a PDF, from the same pages the site publishes.

The pages come from the site's renderer (`landing_page` and `policy_page`,
the Markdown the site publishes), are converted to HTML by Python-Markdown
with the extensions `mkdocs.yml` lists, checked by `safe.unsafe_html` as the
site's build is, and laid out by WeasyPrint with `assets/pdf.css`. There is
no second template system: what the PDF adds is only what paper needs,

* a cover with the jurisdiction, version, commit, date and handbook digest;
* a table of contents with page numbers (`target-counter`);
* one PDF outline item per policy, section and clause (CSS `bookmark-level`);
* the version, date and digest in every page's footer, the page number and
  the policy in the running header (`@page` margin boxes, `string-set`);
* links between pages of this handbook turned into links inside the PDF;
  links to other versions of the handbook become plain text.

WeasyPrint embeds (subsets of) the fonts it uses. It never fetches anything:
the URL fetcher refuses every URL but `data:`, so a clause cannot make the
renderer read a file or the network. The command writes the PDF with `files.write_atomically`: the target is
either the new PDF or what it was.
"""

from __future__ import annotations

import html
import posixpath
from importlib import resources
from typing import Any
from xml.etree import ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor

from clausebook.core.errors import UsageError
from clausebook.core.model import LEVELS
from clausebook.core.resolve import ResolvedPolicy
from clausebook.site import safe
from clausebook.site.blocks import nav_title
from clausebook.site.context import GLOBAL_TITLE, SiteContext, landing_path, policy_path
from clausebook.site.edition import Edition
from clausebook.site.facts import Facts
from clausebook.site.i18n import SOURCE_UI, t
from clausebook.site.landing import landing_page
from clausebook.site.languages import View, localized_policy
from clausebook.site.options import RenderOptions
from clausebook.site.policy_page import policy_page
from clausebook.workspace import Workspace

# As in mkdocs.yml; the project's own list is used when it has one.
DEFAULT_EXTENSIONS: list[Any] = ["admonition", "attr_list", "tables", "toc", "pymdownx.details",
                                 "pymdownx.superfences", {"pymdownx.tabbed": {"alternate_style": True}}]
DOCUMENT_TITLE = "Policy handbook"


def stylesheet() -> str:
    return (resources.files("clausebook.site") / "assets" / "pdf.css").read_text(encoding="utf-8")


def _extensions(configured: list[Any] | None) -> tuple[list[str], dict[str, dict]]:
    """Extension names and their settings; `toc` without permalinks (a pilcrow means nothing on paper)."""
    names: list[str] = []
    settings: dict[str, dict] = {}
    for entry in configured or DEFAULT_EXTENSIONS:
        if isinstance(entry, str):
            name, options = entry, {}
        elif isinstance(entry, dict) and len(entry) == 1:
            name, value = next(iter(entry.items()))
            options = dict(value) if isinstance(value, dict) else {}
        else:
            continue
        if name == "toc":
            options = {k: v for k, v in options.items() if k != "permalink"}
        names.append(name)
        settings[name] = options
    return names, settings


class _Links(Treeprocessor):
    """Links to pages of this handbook point inside the PDF; links elsewhere in the site become text."""

    def __init__(self, md: markdown.Markdown, anchors: dict[str, str]) -> None:
        super().__init__(md)
        self.anchors = anchors  # docs-relative page path -> the id its section has in the PDF
        self.page = ""

    def run(self, root: etree.Element) -> None:
        for element in root.iter("a"):
            href = element.get("href", "")
            if href.startswith(("http://", "https://", "mailto:", "#")):
                continue
            path, _, anchor = href.partition("#")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(self.page), path))
            if target in self.anchors:
                element.set("href", f"#{anchor or self.anchors[target]}")
            else:
                element.tag = "span"
                element.attrib.pop("href", None)


def _converter(extensions: list[Any] | None, anchors: dict[str, str]) -> tuple[markdown.Markdown, _Links]:
    names, settings = _extensions(extensions)
    try:
        md = markdown.Markdown(extensions=names, extension_configs=settings)
    except (ImportError, AttributeError, TypeError, ValueError) as exc:
        raise UsageError(f"mkdocs.yml markdown_extensions: cannot load them for the PDF: {exc}") from None
    links = _Links(md, anchors)
    md.treeprocessors.register(links, "clausebook-links", 1)
    return md, links


def _page_html(md: markdown.Markdown, links: _Links, path: str, text: str) -> str:
    if text.startswith("---\n"):  # front matter: MkDocs reads it, Python-Markdown would print it
        end = text.find("\n---\n", 4)
        text = text[end + 5:] if end >= 0 else text
    md.reset()
    links.page = path
    body = md.convert(text)
    found = safe.unsafe_html(body)
    if found:
        raise UsageError(f"{path}: the page would contain unsafe HTML ({', '.join(found)}); run `clausebook lint`")
    return body


def _fact(label: str, value: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<tr><th>{html.escape(label)}</th><td{attr}>{html.escape(value)}</td></tr>"


def cover(edition: Edition, site_name: str, lang: str = SOURCE_UI) -> str:
    commit = edition.commit or t(lang, "pdf.not_in_git")
    sub = (t(lang, "pdf.sub_global") if edition.name == GLOBAL_TITLE
           else t(lang, "pdf.sub", name=html.escape(edition.name)))
    return "\n".join([
        '<section class="cover">',
        f'<p class="cover-kicker">{html.escape(site_name)}</p>',
        f'<p class="cover-title">{html.escape(edition.name)}</p>',
        f'<p class="cover-sub">{sub}</p>',
        '<table class="cover-facts">',
        _fact(t(lang, "pdf.version"), edition.version),
        _fact(t(lang, "pdf.commit"), commit, "mono"),
        _fact(t(lang, "pdf.date"), edition.date.isoformat()),
        _fact(t(lang, "pdf.clauses"), str(edition.clauses)),
        _fact(t(lang, "pdf.digest"), edition.digest, "mono digest"),
        "</table>",
        f'<p class="cover-note">{html.escape(t(lang, "pdf.note"))}</p>',
        "</section>",
    ])


def contents(policies: list[ResolvedPolicy], about: str, lang: str = SOURCE_UI) -> str:
    """The table of contents: the about page, then each policy with its sections and clauses."""
    out = ['<nav class="contents">', f'<h1 class="contents-title">{html.escape(t(lang, "pdf.contents"))}</h1>',
           "<ol>", f'<li class="toc-page"><a href="#{about}">{html.escape(t(lang, "pdf.about"))}</a></li>']
    for policy in policies:
        out.append(f'<li class="toc-policy"><a href="#page-{policy.id}">{html.escape(policy.title)}</a><ol>')
        for section in policy.sections:
            if not section.clauses:
                continue
            out.append(f'<li class="toc-section"><span>{html.escape(section.title)}</span><ol>')
            for clause in section.clauses:
                level = clause.get("level")
                badge = (f'<span class="cb-level cb-level-{level}">{html.escape(t(lang, f"level.{level}"))}</span> '
                         if level in LEVELS else "")
                title = html.escape(str(clause.get("title", clause.id)))
                out.append(f'<li class="toc-clause"><a href="#{clause.id}">{badge}{title}</a></li>')
            out.append("</ol></li>")
        out.append("</ol></li>")
    out += ["</ol>", "</nav>"]
    return "\n".join(out)


def handbook_html(workspace: Workspace, facts: Facts, edition: Edition,
                  extensions: list[Any] | None = None, site_name: str = DOCUMENT_TITLE,
                  options: RenderOptions | None = None, view: View | None = None,
                  context: SiteContext | None = None) -> str:
    """The whole handbook of `edition.jurisdiction` as one HTML document for WeasyPrint.

    `view` picks the language, as on the site (default: the handbook's locale,
    `/<j>/`); the digest always names the approved text the pages render.
    `context` is the site context to render with: one for every handbook of a
    run, so the translation status is worked out once.
    """
    jurisdiction = edition.jurisdiction
    # The site's own page functions, for this handbook's pages only.
    ctx = context or SiteContext(workspace, facts, options or RenderOptions())
    view = view or ctx.view(jurisdiction)
    lang = view.lang
    landing = landing_path(view.folder)
    pages = {landing: landing_page(ctx, jurisdiction, view).markdown}
    printed = [localized_policy(ctx.assessment, view, policy).policy
               for policy in workspace.handbooks[jurisdiction].policies()]
    for policy in workspace.handbooks[jurisdiction].policies():
        pages[policy_path(view.folder, policy.id)] = policy_page(ctx, jurisdiction, policy, view).markdown
    policies = list(pages)[1:]
    anchors = {landing: "page-about", **{path: f"page-{posixpath.basename(path)[:-3]}" for path in policies}}
    md, links = _converter(extensions, anchors)
    parts = [cover(edition, site_name, lang), contents(printed, "page-about", lang)]
    for path, text in pages.items():
        kind = "about" if path == landing else "policy"
        parts.append(f'<section class="page {kind}" id="{anchors[path]}">{_page_html(md, links, path, text)}'
                     "</section>")
    footer = f"{edition.name} · {edition.version} · {edition.date.isoformat()}"
    meta = [f'<meta name="author" content="{html.escape(site_name)}">',
            f'<meta name="description" content="{html.escape(footer)} · {edition.digest}">',
            '<meta name="generator" content="clausebook">',
            f'<meta name="dcterms.created" content="{edition.date.isoformat()}">',
            f'<meta name="keywords" content="{html.escape(edition.digest)}">']
    # "Page 3 of 40" in the document's language, as CSS: quoted text around the two page counters.
    page_text = t(lang, "pdf.page_of", page="\0", pages="\1").split("\0")
    before, after = page_text[0], page_text[1].split("\1")
    page_of = (f"{_css_string(before)} counter(page) {_css_string(after[0])} counter(pages) "
               f"{_css_string(after[1])}")
    style = stylesheet().replace("__PAGE_OF__", page_of).replace("__PAPER__", edition.paper).replace(
        "__FOOTER__", _css_string(footer)).replace("__DIGEST__", _css_string(edition.digest))
    title = nav_title(f"{site_name}: {edition.name}")
    return (f"<!DOCTYPE html>\n<html lang=\"{html.escape(lang)}\"><head><meta charset=\"utf-8\">"
            f"<title>{title}</title>{''.join(meta)}<style>{style}</style></head>\n"
            f"<body>\n{''.join(parts)}\n</body></html>\n")


def _css_string(text: str) -> str:
    """`text` as a CSS string literal."""
    escaped = "".join(ch if ch.isprintable() and ch not in '"\\' else f"\\{ord(ch):x} " for ch in text)
    return f'"{escaped}"'


def render_pdf(document: str) -> bytes:
    """The PDF of an HTML document from `handbook_html`."""
    try:
        import weasyprint
        import weasyprint.urls
    except (ImportError, OSError) as exc:  # OSError: Pango or its libraries are missing
        raise UsageError(f"the PDF cannot be made: WeasyPrint does not load ({exc}); "
                         "install its libraries (`make pdf-deps`)") from None
    # Only data: URLs load; a file, http or any other URL in a clause is left out of the PDF.
    fetcher = weasyprint.urls.URLFetcher(allowed_protocols=("data",))
    pdf = weasyprint.HTML(string=document, base_url=None, url_fetcher=fetcher).write_pdf()
    assert pdf is not None
    return bytes(pdf)
