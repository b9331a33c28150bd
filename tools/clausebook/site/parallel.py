"""Build every handbook in its own `mkdocs build`, in parallel, and assemble one site from them.

`clausebook build --jobs N --out site` runs one `mkdocs build` per handbook
(`CLAUSEBOOK_HANDBOOKS=<handbook>`, each into its own folder under a
temporary directory next to `--out`), at most N at a time (default: every
core), then assembles the site in a staging folder beside `--out` and swaps
it in only when every build succeeded (`site/staging.py`), so a failed or
interrupted build leaves the previous site as it was.

What comes from where:

- `<handbook>/` (its pages, translations and its own search index) from the
  build of that handbook;
- everything else — the home page, the upkeep pages, `assets/`, the shared
  search index (`search/`), the sitemap, 404 — from the build of the base
  handbook (`global`). `assets/` must be byte-identical in every build, and
  the assembly fails if it is not.

The result has the same pages as `make handbook`. A single-handbook build
lists only its own handbook, the versions it builds on and the base in its
navigation; the pages taken from the base build (the home page among them)
list the base only. That is the current behaviour of the plugin's
`handbooks` option, not of this module.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from clausebook.core.errors import UsageError
from clausebook.core.model import GLOBAL
from clausebook.site.plugin import HANDBOOKS_ENV
from clausebook.site.staging import StagedSite

SHARED_IDENTICAL = ("assets",)  # root folders every build writes that must not differ


@dataclass
class Built:
    handbook: str
    site: Path
    code: int
    stderr: str


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def build_one(handbook: str, config: Path, site: Path, strict: bool) -> Built:
    """MkDocs' own build of one handbook into `site`, run in a worker process of its own.

    Through MkDocs' Python API rather than a `mkdocs` child process: git.py
    stays the only module that starts programs, and a worker's plugin state
    (the loaded repository) is its own.
    """
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    os.environ[HANDBOOKS_ENV] = handbook
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
    try:
        settings = load_config(config_file=str(config), site_dir=str(site), strict=strict)
        build(settings)
    except (MkDocsException, SystemExit, OSError) as exc:
        return Built(handbook, site, 1, "\n".join([*messages, str(exc)]))
    if strict and messages:
        return Built(handbook, site, 1, "\n".join(messages))
    return Built(handbook, site, 0, "\n".join(messages))


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


def assemble(builds: dict[str, Path], target: Path) -> None:
    """Put each handbook's folder and the base build's shared files into `target` (an empty folder)."""
    base = builds.get(GLOBAL) or builds[sorted(builds)[0]]
    for name in SHARED_IDENTICAL:
        for handbook, site in builds.items():
            if site is base or not (base / name).exists():
                continue
            if bad := differing(base / name, site / name):
                raise UsageError(f"the builds disagree on shared files: {name}/{bad[0]} differs between "
                                 f"the {GLOBAL} build and the {handbook} build ({len(bad)} files)")
    folders = set(builds)
    for entry in base.iterdir():
        if entry.name in folders:
            continue  # a handbook's folder: its own build supplies it
        os.replace(entry, target / entry.name)
    for handbook, site in builds.items():
        folder = site / handbook
        if folder.is_dir():
            os.replace(folder, target / handbook)


def build_all(config: Path, out: Path, handbooks: Sequence[str], jobs: int | None = None, strict: bool = False,
              progress: Callable[[Built], None] | None = None) -> list[Built]:
    """Build `handbooks` in parallel and publish the assembled site at `out`; returns the builds."""
    if not handbooks:
        raise UsageError("no handbooks to build")
    config = config.resolve()
    out = Path(out).resolve()
    jobs = max(1, jobs or default_jobs())
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.parts-"))
    staged: StagedSite | None = None
    try:
        # A fresh worker process per build (spawn): nothing of one build leaks into the next.
        with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn"), max_tasks_per_child=1) as pool:
            futures = [pool.submit(build_one, h, config, work / h, strict) for h in handbooks]
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
            raise UsageError(f"the build of {', '.join(r.handbook for r in failed)} failed "
                             f"(exit {first.code}):\n{tail}")
        staged = StagedSite(out)
        assemble({r.handbook: r.site for r in results}, staged.staging)
        staged.publish()
        staged = None
        return results
    finally:
        if staged is not None:
            staged.discard()
        shutil.rmtree(work, ignore_errors=True)
