"""The one load -> check -> resolve path every command starts from.

Commands and the MkDocs plugin call `open_worktree` (or `open_source` for a
git revision) and get back the repository, every jurisdiction's handbook and
the structure problems found on the way.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from clausebook.core import schemas
from clausebook.core.assemble import load
from clausebook.core.checks import check_structure
from clausebook.core.model import GLOBAL, Repository
from clausebook.core.problems import Problem, sort_problems
from clausebook.core.resolve import Handbook, resolve_all
from clausebook.core.sources import Source
from clausebook.git import GitDir, locate
from clausebook.source import GitSource, WorktreeSource


@dataclass
class Workspace:
    root: Path
    repo: Repository
    handbooks: dict[str, Handbook]
    problems: list[Problem]  # load, schema and structure problems, sorted

    @property
    def files(self) -> int:
        return self.repo.files


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Keep Python's cycle collector off the documents a workspace is built from.

    Loading creates hundreds of thousands of small dicts, lists and tuples
    that all stay alive and form no reference cycles; the collector would
    scan them over and over for nothing (about a fifth of `validate`'s time
    on a large repository). So it is paused while they are made, and what is
    alive afterwards is frozen (left out of later collections). Reference
    counting still frees all of it as usual. The next workspace unfreezes the
    previous one first, so a long-running process (`mkdocs serve`) still
    collects any cyclic garbage within a rebuild or two.
    """
    was_enabled = gc.isenabled()
    gc.unfreeze()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def open_source(root: Path, source: Source) -> Workspace:
    root = Path(root).resolve()
    with _cycle_collector_paused():
        repo = load(source, schemas.schema_dir(root))
        problems = check_structure(repo)
        handbooks, resolution_problems = resolve_all(repo)
        problems += resolution_problems
        return Workspace(root, repo, handbooks, sort_problems([*repo.problems, *problems]))


def open_worktree(root: str | Path) -> Workspace:
    root = Path(root).resolve()
    return open_source(root, WorktreeSource(root))


def _empty(root: Path, label: str) -> Workspace:
    """A revision from before the repository had a policy/ folder: no clauses at all."""
    repo = Repository(label=label)
    return Workspace(root, repo, {GLOBAL: Handbook(GLOBAL, "Global", [], {}, {}, repo)}, [])


def open_revision(root: Path, revision: str, where: GitDir | None = None) -> Workspace:
    """The workspace of a git revision, read from the object database; UsageError when it does not exist.

    `where` is the repository `open_git` found, when the caller opens several revisions.
    """
    with GitSource(root, revision, where) as source:
        if not source.has_policy_dir():
            return _empty(root, source.label)
        return open_source(root, source)


def open_git(root: Path) -> GitDir:
    """The git repository `root` is in; NotAGitRepository (a UsageError) when there is none."""
    return locate(root)


def load_worktree(root: str | Path) -> Repository:
    """The work tree's repository model alone: loaded and schema-checked, not resolved."""
    root = Path(root)
    return load(WorktreeSource(root), schemas.schema_dir(root.resolve()))
