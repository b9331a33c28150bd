"""Write the handbook as a plain Markdown project: pages, assets and a `mkdocs.yml`.

This is what `clausebook render --out DIR` produces, for generators that do
not run MkDocs plugins (Zensical reads `mkdocs.yml` as it is). The pages are
the ones the plugin serves; the configuration is the project's own
`mkdocs.yml` with the clausebook plugin taken out and the navigation written
in. Page-level edit buttons are switched off there (a generated page has no
file of its own to edit); each clause keeps its own edit link.

    DIR/mkdocs.yml
    DIR/docs/index.md, DIR/docs/<jurisdiction>/<policy>.md, ...
    DIR/docs/assets/clausebook/clausebook.css
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from clausebook.core.errors import UsageError
from clausebook.outputs.yaml_text import dump_mkdocs_config, read_mkdocs_config
from clausebook.site.options import DEFAULT_NOTICE, RenderOptions
from clausebook.site.page import Site
from clausebook.site.render import asset_files, build_site, with_handwritten
from clausebook.workspace import Workspace

MARKER = ".clausebook-render"
PLUGIN = "clausebook"

DEFAULT_CONFIG: dict[str, Any] = {
    "site_name": "Policy handbook",
    "theme": {"name": "material", "font": False,
              "features": ["navigation.sections", "navigation.top", "navigation.indexes", "navigation.prune",
                           "search.suggest", "search.highlight", "toc.follow"]},
    "plugins": ["search", "tags"],
    "markdown_extensions": ["admonition", "attr_list", "tables", {"toc": {"permalink": True}}, "pymdownx.details",
                            "pymdownx.superfences", {"pymdownx.tabbed": {"alternate_style": True}}],
}




def docs_pages(docs_dir: Path) -> list[str]:
    """The hand-written Markdown pages of a docs folder, docs-relative, sorted."""
    if not docs_dir.is_dir():
        return []
    return sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md") if p.is_file())


def read_config(path: Path) -> dict[str, Any] | None:
    """The project's mkdocs.yml as data, or None when there is none."""
    if not path.is_file():
        return None
    return read_mkdocs_config(path)


def _plugin_name(entry: Any) -> str | None:
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict) and len(entry) == 1:
        return str(next(iter(entry)))
    return None


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    """The clausebook plugin's settings in a mkdocs.yml (plugins as a list or a mapping)."""
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        found = plugins.get(PLUGIN)
        return found if isinstance(found, dict) else {}
    for entry in plugins:
        if _plugin_name(entry) == PLUGIN and isinstance(entry, dict):
            options = entry[PLUGIN]
            return options if isinstance(options, dict) else {}
    return {}


def options_from_config(config: dict[str, Any], docs_dir: Path) -> RenderOptions:
    options = plugin_options(config)
    repo_url = options.get("repo_url") or config.get("repo_url")
    return RenderOptions(
        repo_url=repo_url if isinstance(repo_url, str) else None,
        edit_branch=str(options.get("edit_branch", "main")),
        edit_url_template=str(options.get("edit_url_template", RenderOptions.edit_url_template)),
        about_page="about.md" if (docs_dir / "about.md").is_file() else None,
        changes_limit=int(options.get("changes_limit", RenderOptions.changes_limit)),
        edit_links=bool(options.get("edit_links", False)),
        legal_notice=str(options.get("legal_notice", DEFAULT_NOTICE)),
        legal_notice_title=str(options.get("legal_notice_title", RenderOptions.legal_notice_title)),
    )


def export_config(config: dict[str, Any], nav: list) -> dict[str, Any]:
    """The project's settings for a generator that runs no MkDocs plugins."""
    out = {k: v for k, v in config.items() if k not in ("nav", "docs_dir", "site_dir", "watch", "hooks")}
    plugins = out.get("plugins") or []
    if isinstance(plugins, dict):
        out["plugins"] = {k: v for k, v in plugins.items() if k != PLUGIN}
    else:
        out["plugins"] = [p for p in plugins if _plugin_name(p) != PLUGIN]
    theme = out.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("features"), list):
        theme = dict(theme)
        theme["features"] = [f for f in theme["features"] if f != "content.action.edit"]
        out["theme"] = theme
    out.pop("edit_uri", None)
    for key, suffix in (("extra_css", ".css"), ("extra_javascript", ".js")):
        listed = list(out.get(key) or [])
        for path in asset_files():
            if path.endswith(suffix) and path not in listed:
                listed.append(path)
        out[key] = listed
    ordered = {"docs_dir": "docs", "site_dir": "site", **out, "nav": nav}
    return ordered


def write(out_dir: Path, site: Site, config: dict[str, Any], docs_dir: Path | None) -> list[Path]:
    """Write the project into `out_dir` (replacing an earlier render there); returns the files written."""
    out_dir = Path(out_dir)
    if out_dir.exists():
        if not out_dir.is_dir():
            raise UsageError(f"{out_dir}: exists and is not a folder")
        if any(out_dir.iterdir()) and not (out_dir / MARKER).is_file():
            raise UsageError(f"{out_dir}: the folder is not empty and was not written by `clausebook render`; "
                             "choose an empty or new folder")
        shutil.rmtree(out_dir / "docs", ignore_errors=True)
    docs = out_dir / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    handwritten: list[str] = []
    if docs_dir is not None and docs_dir.is_dir():
        for source in sorted(p for p in docs_dir.rglob("*") if p.is_file()):
            relative = source.relative_to(docs_dir).as_posix()
            if relative in site.pages:
                continue  # the generated page of that name is the one published
            target = docs / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            written.append(target)
        handwritten = [p for p in docs_pages(docs_dir) if p not in site.pages]
    for path, page in site.pages.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
        written.append(target)
    for path, content in {**site.files, **asset_files()}.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written.append(target)
    nav = with_handwritten(site.nav, handwritten)
    text = dump_mkdocs_config(export_config(config, nav))
    (out_dir / "mkdocs.yml").write_text("# Written by `clausebook render`; regenerate rather than edit.\n" + text,
                                        encoding="utf-8")
    (out_dir / MARKER).write_text("This folder is written by `clausebook render`.\n", encoding="utf-8")
    return [out_dir / "mkdocs.yml", *written]


def export(workspace: Workspace, out_dir: Path, with_history: bool = True) -> list[Path]:
    """Render the handbook of `workspace` as a Markdown project in `out_dir`."""
    config_path = workspace.root / "mkdocs.yml"
    config = read_config(config_path)
    docs_name = str(config.get("docs_dir", "docs")) if config else "docs"
    docs_dir = workspace.root / docs_name
    project = config if config is not None else dict(DEFAULT_CONFIG)
    site = build_site(workspace, options_from_config(project, docs_dir), with_history=with_history)
    return write(out_dir, site, project, docs_dir)
