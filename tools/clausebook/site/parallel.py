"""Build the handbooks in N groups, one MkDocs build per group in parallel, and assemble one site from them.

`clausebook build --jobs N --out site` splits the handbooks into N groups
of about the same size (`groups`), runs one MkDocs build per group in a
worker process of its own (each into its own folder under a temporary
directory next to `--out`), then assembles the site in a staging folder
beside `--out` and swaps it in only when every build succeeded
(`site/staging.py`), so a failed or interrupted build leaves the previous
site as it was. One MkDocs start-up and one load of the repository per
worker, not per handbook.

Every build knows the whole site (`site/part.py`): its navigation and the
shared pages list every handbook, and the pages another worker writes are
known to it as excluded files, so links to them pass `--strict`. Each build
writes only its part:

- `<handbook>/` (its pages, translations and its own search index) from the
  build of that handbook's group;
- everything else — the home page, the upkeep pages, the hand-written pages,
  `assets/`, the shared search index, 404 — from the build of the first
  group, which holds the base handbook (`global`). `assets/` must be
  byte-identical in every build, and the assembly fails if it is not;
- the files that list every page — Material's site-wide search index, the
  tags plugin's `tags.json` and the sitemap — merged from all builds in the
  order the whole site's build writes them (`merged_search_index`,
  `merged_tags`, `merged_sitemap`).

The result is the site `make handbook` builds, file for file.
"""

from __future__ import annotations

import filecmp
import gzip
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING

from clausebook.core.errors import UsageError
from clausebook.core.model import GLOBAL
from clausebook.cores import available_cores, can_fork
from clausebook.site.staging import StagedSite

if TYPE_CHECKING:
    from clausebook.workspace import Workspace

SHARED_IDENTICAL = ("assets",)  # root folders every build writes that must not differ
SEARCH_INDEX = "search/search_index.json"  # Material's index of every page
TAGS_INDEX = "tags.json"  # Material's tags plugin: every page's tags (its `export_file`)
SITEMAP = "sitemap.xml"
_SITEMAP_URL = re.compile(r"\s*<url>\s*<loc>([^<]*)</loc>.*?</url>", re.S)
# The repository `clausebook build` loaded before it started the workers: forked workers
# inherit it rather than each loading and checking every file again.
_loaded: Workspace | None = None


@dataclass
class Built:
    handbooks: tuple[str, ...]
    shared: bool  # this build has the pages outside every handbook's folder
    site: Path
    code: int
    stderr: str
    order: list[str] = field(default_factory=list)  # every page's URL, in the whole site's order
    site_url: str = ""


def groups(handbooks: Sequence[str], jobs: int, weights: Mapping[str, float] | None = None,
           shared_weight: float = 0.0) -> list[tuple[str, ...]]:
    """At most `jobs` groups of about equal weight (largest first onto the lightest group), in the given order.

    The first group has the base handbook (else the first one) and the
    shared pages, which weigh `shared_weight`.
    """
    weights = weights or {}
    count = max(1, min(jobs, len(handbooks)))
    first = GLOBAL if GLOBAL in handbooks else handbooks[0]
    members: list[list[str]] = [[] for _ in range(count)]
    load = [0.0] * count
    members[0].append(first)
    load[0] = weights.get(first, 1.0) + shared_weight
    position = {h: i for i, h in enumerate(handbooks)}
    for handbook in sorted((h for h in handbooks if h != first), key=lambda h: (-weights.get(h, 1.0), position[h])):
        lightest = min(range(count), key=lambda i: (load[i], i))
        members[lightest].append(handbook)
        load[lightest] += weights.get(handbook, 1.0)
    return [tuple(sorted(m, key=position.__getitem__)) for m in members if m]


def build_part(handbooks: tuple[str, ...], shared: bool, config: Path, site: Path, strict: bool) -> Built:
    """MkDocs' own build of the pages of `handbooks` (and the shared ones) into `site`, in a worker process.

    Through MkDocs' Python API rather than a `mkdocs` child process: git.py
    stays the only module that starts programs, a worker's plugin state
    (the loaded repository) is its own, and the part is handed to the plugin
    directly.
    """
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from clausebook.site.part import Part
    from clausebook.site.plugin import HANDBOOKS_ENV, ClausebookPlugin

    os.environ.pop(HANDBOOKS_ENV, None)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.chdir(config.parent)
    messages: list[str] = []

    class _Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                messages.append(record.getMessage())

    logger = logging.getLogger("mkdocs")
    logger.addHandler(_Collect())
    logger.setLevel(logging.WARNING)
    done = Built(handbooks, shared, site, 1, "")
    try:
        settings = load_config(config_file=str(config), site_dir=str(site), strict=strict)
        plugin = next((p for p in settings.plugins.values() if isinstance(p, ClausebookPlugin)), None)
        if plugin is None:
            raise UsageError(f"{config.name} does not use the clausebook plugin")
        plugin.part, plugin.preset_part = Part(frozenset(handbooks), shared), True
        plugin.preset_workspace = _loaded
        build(settings)
    except (MkDocsException, UsageError, SystemExit, OSError) as exc:
        done.stderr = "\n".join([*messages, str(exc)])
        return done
    done.order, done.site_url = plugin.page_order, settings.site_url or ""
    done.stderr = "\n".join(messages)
    done.code = 1 if strict and messages else 0
    return done


def differing(left: Path, right: Path) -> list[str]:
    """Files (relative paths) that are missing from one folder or differ in content."""
    out: list[str] = []
    compare = filecmp.dircmp(left, right)

    def walk(c: filecmp.dircmp, prefix: str) -> None:
        out.extend(prefix + n for n in c.left_only + c.right_only + c.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)
        out.extend(prefix + n for n in mismatch + errors)
        for name, sub in c.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(compare, "")
    return sorted(out)


def _rank(order: Sequence[str]) -> Callable[[str], int]:
    position = {url: i for i, url in enumerate(order)}
    return lambda url: position.get(url, len(position))


def _exports(builds: Sequence[Built], name: str) -> tuple[list[dict], Callable[[str], int]] | None:
    """The JSON file `name` of every build that wrote it, and each URL's rank in the whole site's order."""
    found = [json.loads((b.site / name).read_text(encoding="utf-8")) for b in builds if (b.site / name).is_file()]
    if not found:
        return None
    return found, _rank(next(b.order for b in builds if b.shared))


def merged_search_index(builds: Sequence[Built]) -> str | None:
    """Material's site-wide index of all builds, pages in the whole site's order (as Material writes it)."""
    exports = _exports(builds, SEARCH_INDEX)
    if exports is None:
        return None
    indexes, rank = exports
    docs = [doc for index in indexes for doc in index.get("docs") or []]
    docs.sort(key=lambda doc: rank(str(doc.get("location", "")).partition("#")[0]))  # stable: sections stay
    return json.dumps({"config": indexes[0].get("config"), "docs": docs}, separators=(",", ":"), default=str)


def merged_tags(builds: Sequence[Built]) -> str | None:
    """The tags plugin's export of all builds, pages in the whole site's order (as the plugin writes it)."""
    exports = _exports(builds, TAGS_INDEX)
    if exports is None:
        return None
    found, rank = exports
    mappings = [m for export in found for m in export.get("mappings") or []]
    mappings.sort(key=lambda m: rank(str((m.get("item") or {}).get("url", ""))))
    return json.dumps({"mappings": mappings})


def merged_sitemap(builds: Sequence[Built]) -> str | None:
    """The shared build's sitemap with every build's pages, in the whole site's order."""
    shared = next(b for b in builds if b.shared)
    if not (shared.site / SITEMAP).is_file():
        return None
    text = (shared.site / SITEMAP).read_text(encoding="utf-8")
    found = list(_SITEMAP_URL.finditer(text))
    if not found:
        return text
    head, tail = text[:found[0].start()], text[found[-1].end():]
    entries = [m for b in builds if (b.site / SITEMAP).is_file()
               for m in _SITEMAP_URL.finditer((b.site / SITEMAP).read_text(encoding="utf-8"))]
    rank = _rank(shared.order)
    entries.sort(key=lambda m: rank(m.group(1).removeprefix(shared.site_url)))
    return head + "".join(m.group(0) for m in entries) + tail


def _write_sitemap(text: str, target: Path) -> None:
    """`text` over the shared build's sitemap in `target`, and its gzip copy with the same header."""
    (target / SITEMAP).write_text(text, encoding="utf-8")
    zipped = target / f"{SITEMAP}.gz"
    if zipped.is_file():  # as MkDocs writes it: the same name and time stamp in the gzip header
        mtime = int.from_bytes(zipped.read_bytes()[4:8], "little")
        with zipped.open("wb") as out, \
                gzip.GzipFile(fileobj=out, filename=SITEMAP, mode="wb", mtime=mtime) as packed:
            packed.write(text.encode("utf-8"))


def assemble(builds: Sequence[Built], target: Path) -> None:
    """Put each handbook's folder, the shared files and the merged page lists into `target` (an empty folder)."""
    base = next((b for b in builds if b.shared), builds[0])
    for name in SHARED_IDENTICAL:
        for built in builds:
            if built is base or not (base.site / name).exists():
                continue
            if bad := differing(base.site / name, built.site / name):
                raise UsageError(f"the builds disagree on shared files: {name}/{bad[0]} differs between "
                                 f"the {base.handbooks[0]} build and the {built.handbooks[0]} build "
                                 f"({len(bad)} files)")
    search, tags, sitemap = merged_search_index(builds), merged_tags(builds), merged_sitemap(builds)
    for entry in base.site.iterdir():  # the shared files, and the folders of the first group's handbooks
        os.replace(entry, target / entry.name)
    for built in builds:
        if built is base:
            continue
        for handbook in built.handbooks:
            if (built.site / handbook).is_dir():
                os.replace(built.site / handbook, target / handbook)
    if search is not None:
        (target / SEARCH_INDEX).write_text(search, encoding="utf-8")
    if tags is not None:
        (target / TAGS_INDEX).write_text(tags, encoding="utf-8")
    if sitemap is not None:
        _write_sitemap(sitemap, target)


def build_all(config: Path, out: Path, handbooks: Sequence[str], jobs: int | None = None, strict: bool = False,
              progress: Callable[[Built], None] | None = None, weights: Mapping[str, float] | None = None,
              shared_weight: float = 0.0, workspace: Workspace | None = None) -> list[Built]:
    """Build `handbooks` in parallel and publish the assembled site at `out`; returns the builds.

    With the `workspace` already loaded (and where processes can fork), the
    workers are forked from this process and use it; otherwise each starts
    afresh (spawn) and loads the repository itself.
    """
    global _loaded
    if not handbooks:
        raise UsageError("no handbooks to build")
    config = config.resolve()
    out = Path(out).resolve()
    parts = groups(handbooks, max(1, jobs or available_cores()), weights, shared_weight)
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.parts-"))
    staged: StagedSite | None = None
    fork = workspace is not None and can_fork()
    _loaded = workspace if fork else None
    try:
        # A worker process of its own per build (so no two builds wait for one process),
        # used once: nothing of one build leaks into the next.
        context = get_context("fork" if fork else "spawn")
        with ExitStack() as workers:
            futures = [workers.enter_context(ProcessPoolExecutor(max_workers=1, mp_context=context))
                       .submit(build_part, part, i == 0, config, work / str(i), strict)
                       for i, part in enumerate(parts)]
            results = []
            for future in futures:
                result = future.result()
                results.append(result)
                if progress is not None:
                    progress(result)
        failed = [r for r in results if r.code != 0]
        if failed:
            first = failed[0]
            tail = "\n".join(first.stderr.strip().splitlines()[-20:])
            raise UsageError(f"the build of {', '.join(h for r in failed for h in r.handbooks)} failed "
                             f"(exit {first.code}):\n{tail}")
        staged = StagedSite(out)
        assemble(results, staged.staging)
        staged.publish()
        staged = None
        return results
    finally:
        _loaded = None
        if staged is not None:
            staged.discard()
        shutil.rmtree(work, ignore_errors=True)
