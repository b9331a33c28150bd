"""Helpers for the site tests: a project mkdocs.yml for fixture repositories, real MkDocs builds,
and one strict build of the shipped handbook shared by every test module that needs it."""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def write_mkdocs(root: Path, **plugin_options: Any) -> Path:
    """The project's own mkdocs.yml, copied into `root`, with the clausebook options given."""
    config = yaml.safe_load((PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = [p for p in config["plugins"] if not (p == "clausebook" or (isinstance(p, dict) and "clausebook" in p))]
    plugins.append({"clausebook": plugin_options} if plugin_options else "clausebook")
    config["plugins"] = plugins
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    return path


def build_site(root: Path, site_dir: Path, strict: bool = True) -> Path:
    """A real `mkdocs build` (in-process) of the project at `root` into `site_dir`."""
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir), strict=strict)
    build(config)
    return site_dir


def read(site_dir: Path, page: str) -> str:
    """The HTML of a page by its URL path, e.g. "de/social-media/"."""
    return (site_dir / page / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    """The page content (what the Markdown became), without the theme around it."""
    start = html.index("<article")
    return html[start:html.index("</article>", start)]


def clause_block(html: str, clause_id: str) -> str:
    """The HTML from a clause's heading up to the next clause or section heading."""
    start = html.index(f'id="{clause_id}"')
    ends = [i for i in (html.find("<h3 ", start + 1), html.find("<h2 ", start + 1), html.find("</article>", start))
            if i != -1]
    return html[start:min(ends)]


class ElementCollector(HTMLParser):
    """Every start tag with its attributes, and the text inside each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def elements(html: str) -> ElementCollector:
    collector = ElementCollector()
    collector.feed(html)
    collector.close()
    return collector


def site_files(site_dir: Path) -> dict[str, bytes]:
    return {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in sorted(site_dir.rglob("*")) if p.is_file()}


@functools.cache
def shipped_site() -> Path:
    """The shipped handbook, built once per test session with `--strict` (a warning fails it)."""
    where = Path(tempfile.mkdtemp(prefix="clausebook-site-"))
    atexit.register(shutil.rmtree, where, ignore_errors=True)
    return build_site(PROJECT_ROOT, where / "site", strict=True)
