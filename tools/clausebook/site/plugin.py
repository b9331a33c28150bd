"""The `clausebook` MkDocs plugin: a thin shell over `site.render`.

Once per build it loads, checks and resolves the repository, renders every
handbook page with `render.build_site`, and hands the pages to MkDocs from
memory (`File.generated`); nothing is written into `docs/`. A repository
with validation errors fails the build with the problem lines (a
`PluginError`, never a traceback); lint findings do not fail it. Under
`mkdocs serve` it watches `policy/`, `jurisdictions/` and `schema/`, and
validation errors do not stop the preview: they are logged, and the site
is built from a page listing them (`site/problems_page.py`) at every page
path the handbook had and as the not-found page, until the files are fixed.

`mkdocs build` (not `--dirty`) writes into a staging folder next to
`site_dir` and the finished site replaces the old one only when the whole
build succeeded (`site/staging.py`); an error, `--strict` failing, Ctrl-C or
SIGTERM leave the previous site as it was.

A build of some handbooks (the `handbooks` option, `$CLAUSEBOOK_HANDBOOKS`,
or a worker of `clausebook build`) still knows the whole site
(`site/part.py`): the navigation and the shared pages list every handbook,
and the pages it does not write are handed to MkDocs as excluded files, so
links to them resolve without MkDocs rendering them.

Search is scoped per handbook (`site/search_scope.py`): after Material's
search plugin wrote its one index, this plugin writes one per handbook and
puts a small loader in front of Material's bundle on every page. Each scope's
index declares the handbook's language, so Material's worker stems German
pages in German (it loads `assets/javascripts/lunr/min/lunr.<lang>.min.js`).

Languages (`site/languages.py`): a page in another language than the
site's gets `<html lang>` set to its locale, and Material's interface strings
in that language in the same build: the plugin puts `theme/partials/language.html`
in front of Material's own, which picks the language from the page's
`cb_language` instead of `theme.language`.

    plugins:
      - search
      - tags
      - clausebook:
          edit_links: false           # true: "Edit this clause" links (an editors' build)
          repo_url: https://github.com/example/clausebook   # where edit links point; default: mkdocs' repo_url
          edit_branch: main
          legal_notice: "..."         # Markdown; "" for none
"""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import os
import re
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage

from clausebook.core.errors import UsageError
from clausebook.core.model import GLOBAL
from clausebook.core.problems import has_errors
from clausebook.interrupts import Handler, restore_terminate, terminate_as_interrupt
from clausebook.outputs.terminal import one_line
from clausebook.site import problems_page, safe, search_scope
from clausebook.site.a11y import accessible_page
from clausebook.site.blocks import nav_title
from clausebook.site.i18n import primary
from clausebook.site.options import DEFAULT_NOTICE, RenderOptions
from clausebook.site.page import Site
from clausebook.site.part import Part, alone
from clausebook.site.render import asset_files, build_site, with_handwritten
from clausebook.site.staging import StagedSite
from clausebook.workspace import Workspace, open_worktree

log = logging.getLogger("mkdocs.plugins.clausebook")

MAX_PROBLEM_LINES = 50
WATCHED = ("policy", "jurisdictions", "schema")
HANDBOOKS_ENV = "CLAUSEBOOK_HANDBOOKS"
THEME_OVERRIDES = Path(__file__).parent / "theme"
_HTML_LANG = re.compile(r'<html lang="[^"]*"')


def material_language(tag: str, theme_dirs: list[str]) -> str | None:
    """The name of Material's interface language for BCP 47 `tag` (pt-BR, then pt), or None."""
    for name in (tag, primary(tag)):
        if any((Path(d) / "partials" / "languages" / f"{name}.html").is_file() for d in theme_dirs):
            return name
    return None


class ClausebookConfig(base.Config):
    root = c.Optional(c.Type(str))  # the repository, relative to mkdocs.yml; default: mkdocs.yml's folder
    repo_url = c.Optional(c.Type(str))  # where edit links point; default: mkdocs' repo_url
    edit_branch = c.Type(str, default="main")
    edit_url_template = c.Type(str, default="{repo_url}/edit/{branch}/{path}")
    history = c.Type(bool, default=True)  # read git history for dates, changes and review status
    changes_limit = c.Type(int, default=20)  # changes listed per jurisdiction on the changes page
    nav = c.Type(bool, default=True)  # set the navigation when mkdocs.yml has no `nav`
    edit_links = c.Type(bool, default=False)  # edit links on clauses and pages: for editors, not employees
    legal_notice = c.Type(str, default=DEFAULT_NOTICE)  # Markdown shown on landing pages; "" for none
    legal_notice_title = c.Type(str, default="Not legal advice")
    search_scope = c.Type(bool, default=True)  # one search index per handbook, loaded when the reader searches
    search_label = c.Type(str, default="Search this handbook")  # the search dialog's accessible name
    # Build only these handbooks, comma-separated ("de,fr"); default: $CLAUSEBOOK_HANDBOOKS, else all.
    handbooks = c.Optional(c.Type(str))
    in_force_on = c.Optional(c.Type(str))  # YYYY-MM-DD: show the text in force that day; default: the build's day


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise PluginError(f"clausebook: in_force_on must be a date (YYYY-MM-DD), not {value!r}") from None


class ClausebookPlugin(BasePlugin[ClausebookConfig]):
    def __init__(self) -> None:
        self.site: Site | None = None
        self.options = RenderOptions()
        self.root: Path | None = None
        self.command: str | None = None
        self.dirty = False
        self.staged: StagedSite | None = None
        self.previous_terminate: Handler = None
        self.page_urls: dict[str, str] = {}  # docs path -> page URL, as MkDocs built it
        self.problems = False  # this build shows the repository's errors instead of the handbook (serve only)
        self.known_pages: list[str] = []  # the pages of the last handbook built, for the problems page
        # The pages this build writes; None: all. `site/parallel.py` sets it before the build,
        # else the `handbooks` option (or $CLAUSEBOOK_HANDBOOKS) picks one handbook alone.
        self.part: Part | None = None
        self.preset_part = False
        # The repository as `clausebook build` already loaded it, which its forked workers share.
        self.preset_workspace: Workspace | None = None
        self.page_order: list[str] = []  # every page's URL, in the order the whole site's build writes them

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty
        if command == "build":
            self.previous_terminate = terminate_as_interrupt()

    def on_shutdown(self) -> None:
        try:
            if self.staged is not None:
                self.staged.finish()
        finally:
            self.staged = None
            restore_terminate(self.previous_terminate)
            self.previous_terminate = None

    def repository_root(self, config: MkDocsConfig) -> Path:
        base_dir = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        return (base_dir / self.config.root).resolve() if self.config.root else base_dir.resolve()

    def selected_handbooks(self, known: dict) -> tuple[str, ...]:
        chosen = self.config.handbooks if self.config.handbooks is not None else os.environ.get(HANDBOOKS_ENV, "")
        ids = tuple(j.strip() for j in chosen.split(",") if j.strip())
        unknown = [j for j in ids if j not in known]
        if unknown:
            raise PluginError(f"clausebook: unknown handbook {', '.join(unknown)}; known: {', '.join(known)}")
        return ids

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = self.repository_root(config)
        self.problems = False
        try:
            preset = self.preset_workspace
            workspace = preset if preset is not None and preset.root == self.root else open_worktree(self.root)
        except UsageError as exc:
            if self.command == "serve":
                return self.show_problems(config, [one_line(exc)], 1)
            raise PluginError(f"clausebook: {exc}") from None
        errors = [p for p in workspace.problems if p.severity == "error"]
        if has_errors(errors):
            shown = [one_line(p) for p in errors[:MAX_PROBLEM_LINES]]
            if self.command == "serve":  # the preview shows the problems; `mkdocs build` fails
                return self.show_problems(config, shown, len(errors))
            lines = [f"  {line}" for line in shown]
            if len(errors) > MAX_PROBLEM_LINES:
                lines.append(f"  ... and {len(errors) - MAX_PROBLEM_LINES} more (run `clausebook validate`)")
            raise PluginError(f"clausebook: the repository has {len(errors)} error{'s' if len(errors) != 1 else ''}; "
                              "the handbook is not built until they are fixed:\n" + "\n".join(lines))
        docs_dir = Path(config.docs_dir)
        self.options = RenderOptions(
            repo_url=self.config.repo_url or config.repo_url,
            edit_branch=self.config.edit_branch,
            edit_url_template=self.config.edit_url_template,
            about_page="about.md" if (docs_dir / "about.md").is_file() else None,
            changes_limit=self.config.changes_limit,
            site_url=config.site_url or None,
            in_force_on=_day(self.config.in_force_on),
            edit_links=self.config.edit_links,
            legal_notice=self.config.legal_notice,
            legal_notice_title=self.config.legal_notice_title,
        )
        chosen = self.selected_handbooks(workspace.handbooks)
        if not self.preset_part:
            self.part = alone(workspace.repo, chosen) if chosen else None
        dirs = config.theme.dirs
        if str(THEME_OVERRIDES) not in dirs:  # after the project's custom_dir, before Material's templates
            dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_OVERRIDES))
        features = config.theme.get("features")
        if self.config.edit_links and isinstance(features, list) and "content.action.edit" not in features:
            features.append("content.action.edit")  # the page's own edit button, in an editors' build
        part = self.part
        writes = (lambda path: part.writes(path, workspace.handbooks)) if part is not None else None
        self.site = build_site(workspace, self.options, with_history=self.config.history, writes=writes)
        self.known_pages = list(self.site.pages)
        for path in asset_files():
            if path.endswith(".css") and path not in config.extra_css:
                config.extra_css.append(path)
            if path.endswith(".js") and path not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(path)
        log.info(f"clausebook: {len(self.site.pages)} pages from {workspace.files} files "
                 f"({len(workspace.handbooks)} jurisdictions)")
        if self.command == "build" and not self.dirty and self.staged is None:
            # Only a `mkdocs build` from the command line (on_startup told us so) is
            # staged: its on_shutdown runs whatever happens, and publishes or discards.
            self.staged = StagedSite(Path(config.site_dir))
            config.site_dir = str(self.staged.staging)
        return config

    def show_problems(self, config: MkDocsConfig, lines: list[str], total: int) -> MkDocsConfig:
        """Under `mkdocs serve`: log the problems and build the site from the problems page."""
        log.error(f"clausebook: the repository has {total} error{'s' if total != 1 else ''}; "
                  "the preview shows them until they are fixed:\n" + "\n".join(f"  {line}" for line in lines))
        self.problems = True
        self.options = RenderOptions()
        self.site = problems_page.problems_site(lines, total, self.known_pages)
        return config

    @event_priority(-100)  # after every other plugin has written its files (search index, sitemap)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.problems:  # any other address shows the problems too (`mkdocs serve` serves 404.html)
            site_dir = Path(config.site_dir)
            not_found, index = site_dir / "404.html", site_dir / "index.html"
            if not_found.is_file() and index.is_file():
                page = problems_page.not_found_page(not_found.read_text(encoding="utf-8"),
                                                    index.read_text(encoding="utf-8"))
                if page is not None:
                    not_found.write_text(page, encoding="utf-8")
            return
        self.scope_search(Path(config.site_dir))
        if self.staged is not None:
            self.staged.ready = True

    def on_build_error(self, *, error: Exception) -> None:
        if self.staged is not None:  # includes --strict failing after post_build
            self.staged.ready = False

    def writes(self, path: str) -> bool:
        """Whether this build writes `path` (a build of some handbooks knows the other pages without writing them)."""
        return self.part is None or self.site is None or self.part.writes(path, self.site.handbooks)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        for path, page in self.site.pages.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                log.info(f"clausebook: docs/{path} exists, so the generated page of that name is not used")
                continue
            if self.writes(path):
                files.append(File.generated(config, path, content=page.markdown))
            else:  # another build writes it: known, so links and the navigation resolve, but not rendered
                files.append(File.generated(config, path, content="", inclusion=InclusionLevel.EXCLUDED))
        published = {path: content for path, content in self.site.files.items() if self.writes(path)}
        for path, content in {**published, **asset_files()}.items():  # every build has the assets
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, content=content))
        if self.config.search_scope and files.get_file_from_path(search_scope.LOADER) is None:
            files.append(File.generated(config, search_scope.LOADER, content=search_scope.loader_script()))
        if config.nav is None and self.config.nav:
            generated = set(self.site.pages)
            handwritten = sorted(f.src_uri for f in files.documentation_pages()
                                 if f.src_uri not in generated and f.generated_by is None)
            config.nav = with_handwritten(self.site.nav, handwritten, self.options.about_page)
        for file in files.documentation_pages():  # (after the navigation, which lists them all)
            if not self.writes(file.src_uri):  # a hand-written page: the build of the shared pages has it
                file.inclusion = InclusionLevel.EXCLUDED
        # As a page's URL reads (MkDocs' `Page.url`: the home page's is "", not "./").
        self.page_order = ["" if f.url in (".", "./") else f.url for f in files if f.is_documentation_page()]
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.part is None or self.site is None:
            return nav
        for page in nav.pages:  # a page another build writes is not read, so it has only the nav's title
            if page.title is not None or not page.file.inclusion.is_excluded():
                continue
            known = self.site.pages.get(page.file.src_uri)
            if known is None:  # a hand-written page: its title from its front matter or first heading
                page.read_source(config)
            elif known.title:
                page.title = nav_title(known.title)  # as its own front matter names it
        return nav

    def on_page_markdown(self, markdown: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        generated = self.site.pages.get(page.file.src_uri) if self.site else None
        if generated is not None and page.file.generated_by is not None:
            # Employees cannot use an edit button: a generated page has one only in an editors' build.
            page.edit_url = self.options.edit_url(generated.source) if generated.source else None
            language = material_language(generated.lang, config.theme.dirs) if generated.lang else None
            if language and page.meta is not None:
                page.meta["cb_language"] = language
        return markdown

    def on_page_content(self, html: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        # Second line of defence: the renderer escapes editor text; if anything
        # that could run script got through anyway, refuse to publish it.
        if self.site and page.file.src_uri in self.site.pages and page.file.generated_by is not None:
            found = safe.unsafe_html(html)
            if found:
                raise PluginError(f"clausebook: {page.file.src_uri} would contain unsafe markup "
                                  f"({'; '.join(found)}); please report this as a bug")
        return html

    def on_post_page(self, output: str, /, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        output = accessible_page(output, self.config.search_label)
        generated = self.site.pages.get(page.file.src_uri) if self.site else None
        if generated is not None and generated.lang and page.file.generated_by is not None:
            output = _HTML_LANG.sub(f'<html lang="{html.escape(generated.lang, quote=True)}"', output, count=1)
        if not self.config.search_scope or self.site is None or self.problems:
            return output
        scope = search_scope.scope_of(page.file.src_uri, self.scopes())
        self.page_urls[page.file.src_uri] = page.url
        return search_scope.scope_page(output, search_scope.loader_tag(page.url, scope))

    def scopes(self) -> list[str]:
        """Every search scope: each handbook, and each further language of one (`de/en`)."""
        assert self.site is not None
        return list(dict.fromkeys([*self.site.handbooks, *self.site.scopes]))

    def scope_search(self, site_dir: Path) -> None:
        """One search index per handbook, cut from the one Material's search plugin wrote."""
        if not self.config.search_scope or self.site is None:
            return
        full = site_dir / search_scope.MATERIAL_INDEX
        if not full.is_file():  # no search plugin, or another one: nothing to scope
            return
        index = json.loads(full.read_text(encoding="utf-8"))
        clause_tags = {self.page_urls.get(path, ""): page.clause_tags for path, page in self.site.pages.items()
                       if page.clause_tags}
        languages = {scope: [lunr] for scope, lang in self.site.scopes.items()
                     if (lunr := search_scope.lunr_language(lang, site_dir))}
        for path, scoped in search_scope.split_index(index, self.scopes(), clause_tags, languages,
                                                     shared_with=GLOBAL).items():
            if not self.writes(path):  # another build's handbook: its build has its pages, so its index
                continue
            (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
            (site_dir / path).write_text(search_scope.dump(scoped), encoding="utf-8")

    def on_serve(self, server, /, *, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        root = self.root or self.repository_root(config)
        for name in WATCHED:
            if (root / name).is_dir():
                server.watch(str(root / name))
        return server
